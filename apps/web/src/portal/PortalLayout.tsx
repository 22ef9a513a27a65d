import { Link, Outlet, useLocation } from 'react-router-dom';
import { Footer } from '../shared/layout/Footer';
import { Header } from '../shared/layout/Header';
import { SkipLinks } from '../shared/layout/SkipLinks';

/** Public page frame: skip links, gov.br header with "Entrar", content, footer. */
export function PortalLayout() {
  const { pathname } = useLocation();
  return (
    <div className="vigia-shell">
      <SkipLinks />
      <Header
        title="Vigia Mais MT"
        subtitle="Programa de videomonitoramento colaborativo da segurança pública"
        homeHref="/"
        actions={
          pathname !== '/entrar' && (
            <div className="header-login">
              <div className="header-sign-in">
                <Link className="br-sign-in small" to="/entrar">
                  <i className="fas fa-user" aria-hidden="true" />
                  <span className="d-sm-inline">Entrar</span>
                </Link>
              </div>
            </div>
          )
        }
      />
      <main id="main-content" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}
