import type { ReactNode } from 'react';

/** A titled DS card for one action (form) on a detail page. */
export function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="br-card p-3 mb-3" aria-labelledby={id}>
      <h2 id={id} className="h5 mt-0">
        {title}
      </h2>
      {children}
    </section>
  );
}
