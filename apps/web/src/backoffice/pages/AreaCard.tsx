import { Link } from 'react-router-dom';
import type { NavItem } from '../navigation';

/** One area on a role's home: a link when built, a card marked "Em breve" otherwise. */
export function AreaCard({ item }: { item: NavItem }) {
  const ready = item.status === 'ready';
  return (
    <div className={`br-card${ready ? ' hover' : ''}`}>
      <div className="card-header">
        <h2 className="vigia-card-title">
          <i className={`fas ${item.icon} vigia-card-icon`} aria-hidden="true" />
          {ready ? <Link to={item.path}>{item.label}</Link> : item.label}
        </h2>
      </div>
      <div className="card-content">
        <p className="mb-0">{item.description}</p>
      </div>
      {!ready && (
        <div className="card-footer">
          <span className="br-tag text">Em breve</span>
        </div>
      )}
    </div>
  );
}
