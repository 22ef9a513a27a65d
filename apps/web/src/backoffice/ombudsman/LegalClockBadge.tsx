import type { LegalClock } from '@vigia/contracts';

/** A legal clock as staff read it: last day, days left (overdue in red) and whether it was extended. */
export function LegalClockBadge({ clock }: { clock: LegalClock | null }) {
  if (!clock) return <span>—</span>;
  const late = clock.daysLeft < 0;
  return (
    <span className={late ? 'text-danger' : clock.daysLeft <= 5 ? 'text-warning' : undefined} data-testid="legal-clock">
      {clock.dueOn.split('-').reverse().join('/')} ({late ? `vencido há ${-clock.daysLeft} dia(s)` : `${clock.daysLeft} dia(s)`})
      {clock.extended && ' — prorrogado'}
    </span>
  );
}
