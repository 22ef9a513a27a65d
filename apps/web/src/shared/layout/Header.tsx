import type { ReactNode } from 'react';

interface MenuTrigger {
  /** id of the element the button opens (the br-menu). */
  controls: string;
  expanded: boolean;
  onToggle: () => void;
}

interface HeaderProps {
  title: string;
  subtitle?: string;
  /** Link on the government signature (plain href: it may leave the current bundle). */
  homeHref: string;
  menu?: MenuTrigger;
  /** Right-hand side: sign-in button on the portal, user and "Sair" on the back office. */
  actions?: ReactNode;
}

/** gov.br DS `br-header` for both bundles. */
export function Header({ title, subtitle, homeHref, menu, actions }: HeaderProps) {
  return (
    <header className="br-header" id="header">
      <div className="container-lg">
        <div className="header-top">
          <div className="header-logo">
            <a href={homeHref} className="vigia-brand" aria-label="Vigia Mais MT — página inicial">
              <span className="vigia-brand-mark" aria-hidden="true">
                <i className="fas fa-video" />
              </span>
            </a>
            <span className="br-divider vertical" />
            <div className="header-sign">Governo de Mato Grosso</div>
          </div>
          {actions && <div className="header-actions">{actions}</div>}
        </div>
        <div className="header-bottom">
          <div className="header-menu">
            {menu && (
              <div className="header-menu-trigger">
                <button
                  id="menu-trigger"
                  className="br-button small circle"
                  type="button"
                  aria-label={menu.expanded ? 'Fechar menu' : 'Abrir menu'}
                  aria-controls={menu.controls}
                  aria-expanded={menu.expanded}
                  onClick={menu.onToggle}
                >
                  <i className="fas fa-bars" aria-hidden="true" />
                </button>
              </div>
            )}
            <div className="header-info">
              <div className="header-title">{title}</div>
              {subtitle && <div className="header-subtitle">{subtitle}</div>}
            </div>
          </div>
        </div>
      </div>
    </header>
  );
}
