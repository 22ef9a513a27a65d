import { useEffect, useRef } from 'react';
import { NavLink } from 'react-router-dom';
import { readyAreasOf } from '../navigation';
import { useSession } from '../session/session-context';

interface NavMenuProps {
  id: string;
  open: boolean;
  onClose: () => void;
}

/** gov.br DS `br-menu` drawer with only the areas the active role may open. */
export function NavMenu({ id, open, onClose }: NavMenuProps) {
  const { activeRole } = useSession();
  const items = activeRole ? readyAreasOf(activeRole) : [];
  const firstLink = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (!open) return;
    firstLink.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  return (
    <div className={`br-menu${open ? ' active' : ''}`} id={id}>
      <div className="menu-container">
        <div className="menu-panel">
          <div className="menu-header">
            <div className="menu-title">
              <span>Vigia Mais MT</span>
            </div>
            <div className="menu-close">
              <button className="br-button circle" type="button" aria-label="Fechar menu" onClick={onClose}>
                <i className="fas fa-times" aria-hidden="true" />
              </button>
            </div>
          </div>
          <nav className="menu-body vigia-menu-nav" aria-label="Menu principal">
            <NavLink className="menu-item divider" to="/" end onClick={onClose} ref={firstLink}>
              <span className="icon">
                <i className="fas fa-home" aria-hidden="true" />
              </span>
              <span className="content">Início</span>
            </NavLink>
            {items.map((item) => (
              <NavLink key={item.id} className="menu-item divider" to={item.path} onClick={onClose}>
                <span className="icon">
                  <i className={`fas ${item.icon}`} aria-hidden="true" />
                </span>
                <span className="content">{item.label}</span>
              </NavLink>
            ))}
          </nav>
        </div>
        <div className="menu-scrim" onClick={onClose} aria-hidden="true" />
      </div>
    </div>
  );
}
