import type { ReactNode } from 'react';

/** A titled box for one decision step on the review page. */
export function ActionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="br-card p-3 mb-3" aria-labelledby={id}>
      <h3 id={id} className="h5 mt-0">
        {title}
      </h3>
      {children}
    </section>
  );
}
