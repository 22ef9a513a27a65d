import { roleLabels } from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { Footer } from '../../shared/layout/Footer';
import { Header } from '../../shared/layout/Header';
import { SkipLinks } from '../../shared/layout/SkipLinks';
import { useSession } from '../session/session-context';
import { NavMenu } from './NavMenu';
import { UserBox } from './UserBox';

const menuId = 'main-navigation';

export function BackofficeLayout() {
  const { activeRole } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = useCallback(() => {
    setMenuOpen(false);
    document.getElementById('menu-trigger')?.focus();
  }, []);

  return (
    <div className="vigia-shell">
      <SkipLinks
        links={[
          { href: '#main-content', label: 'Ir para o conteúdo' },
          { href: '#menu-trigger', label: 'Ir para o menu' },
          { href: '#footer', label: 'Ir para o rodapé' },
        ]}
      />
      <Header
        title="Vigia Mais MT"
        subtitle={activeRole ? `Área restrita · ${roleLabels[activeRole]}` : 'Área restrita'}
        homeHref="/app/"
        menu={{ controls: menuId, expanded: menuOpen, onToggle: () => setMenuOpen((o) => !o) }}
        actions={<UserBox />}
      />
      <NavMenu id={menuId} open={menuOpen} onClose={closeMenu} />
      <main id="main-content" tabIndex={-1} className="container-lg vigia-main-area">
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}
