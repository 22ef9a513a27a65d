/** A short, announced loading indicator. */
export function Loading({ label = 'Carregando…' }: { label?: string }) {
  return (
    <div className="d-flex align-items-center my-3" role="status">
      <span className="br-loading small mr-2" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
