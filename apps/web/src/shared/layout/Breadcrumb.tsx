import { Link } from 'react-router-dom';

export interface Crumb {
  label: string;
  /** Router path; the last crumb (current page) has none. */
  to?: string;
}

interface BreadcrumbProps {
  items: Crumb[];
  /** Router path of the home crumb. */
  homeTo?: string;
}

/** gov.br DS `br-breadcrumb`: home icon, then the trail; the current page is marked. */
export function Breadcrumb({ items, homeTo = '/' }: BreadcrumbProps) {
  return (
    <nav className="br-breadcrumb" aria-label="Trilha de navegação">
      <ol className="crumb-list">
        <li className="crumb home">
          <Link className="br-button circle" to={homeTo}>
            <span className="sr-only">Página inicial</span>
            <i className="fas fa-home" aria-hidden="true" />
          </Link>
        </li>
        {items.map((item, i) => {
          const current = i === items.length - 1;
          return (
            <li className="crumb" key={`${item.label}-${i}`} data-active={current ? 'active' : undefined}>
              <i className="icon fas fa-chevron-right" aria-hidden="true" />
              {current || !item.to ? (
                <span aria-current={current ? 'page' : undefined}>{item.label}</span>
              ) : (
                <Link to={item.to}>{item.label}</Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
