import { NavLink } from 'react-router-dom';

/** DS-style tabs between the pages of one area (links, so each page has its own URL). */
export function SubNav({ label, items }: { label: string; items: { to: string; label: string; end?: boolean }[] }) {
  return (
    <nav className="mt-3 mb-2" aria-label={label}>
      <ul style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: '0.5rem', padding: 0 }}>
        {items.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} end={i.end} className={({ isActive }) => `br-button small ${isActive ? 'primary' : 'secondary'}`}>
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
