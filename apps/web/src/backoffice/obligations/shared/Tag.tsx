export type Tone = '' | 'info' | 'success' | 'warning' | 'danger';

/** A DS text tag with a tone. */
export function Tag({ tone = '', children }: { tone?: Tone; children: string }) {
  return <span className={`br-tag text ${tone}`.trim()}>{children}</span>;
}
