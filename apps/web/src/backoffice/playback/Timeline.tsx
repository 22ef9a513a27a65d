import type { RecordingTimeline } from '@vigia/contracts';
import { fractionOf, GAP_CAUSES, instantAt, ticks, type Zoom } from './timeline-scale';

interface TimelineProps {
  title: string;
  zoom: Zoom;
  window: { from: number; to: number };
  data: RecordingTimeline | undefined;
  cursor: number | undefined;
  disabled: boolean;
  onPick(ms: number): void;
  /** Bookmarks of this camera in the window (issue 17): a click plays from their start. */
  marks?: ReadonlyArray<{ id: string; from: string; to: string; title: string }>;
}

const pct = (f: number) => `${Math.min(100, Math.max(0, f * 100))}%`;
const hhmm = (ms: number) => new Date(ms).toLocaleTimeString('pt-BR', { hour: '2-digit', minute: '2-digit' });

/** One camera's recorded spans (green) and gaps (red, cause in the tooltip); a click plays that instant. */
export function Timeline({ title, zoom, window: w, data, cursor, disabled, onPick, marks = [] }: TimelineProps) {
  const click = (e: React.MouseEvent<HTMLDivElement>) => {
    if (disabled) return;
    const r = e.currentTarget.getBoundingClientRect();
    onPick(instantAt(w, (e.clientX - r.left) / r.width));
  };
  return (
    <div className="vigia-timeline-row">
      <div className="vigia-timeline-label">{title}</div>
      <div
        className={`vigia-timeline${disabled ? ' disabled' : ''}`}
        onClick={click}
        role="slider"
        aria-label={`Linha do tempo: ${title}`}
        aria-valuemin={w.from}
        aria-valuemax={w.to}
        aria-valuenow={cursor ?? w.from}
        aria-valuetext={cursor ? new Date(cursor).toLocaleString('pt-BR') : 'nenhum instante escolhido'}
        tabIndex={0}
        data-testid="timeline"
      >
        {data?.spans.map((s) => {
          const a = fractionOf(w, Date.parse(s.from));
          const b = fractionOf(w, Date.parse(s.to));
          return (
            <div
              key={s.from}
              className="vigia-timeline-span"
              style={{ left: pct(a), width: `max(2px, ${pct(b - a)})` }}
              title={`Gravado ${hhmm(Date.parse(s.from))}–${hhmm(Date.parse(s.to))}`}
            />
          );
        })}
        {data?.gaps.map((g) => {
          const a = fractionOf(w, Date.parse(g.from));
          const b = fractionOf(w, g.to ? Date.parse(g.to) : Date.now());
          return (
            <div
              key={g.from}
              className="vigia-timeline-gap"
              style={{ left: pct(a), width: `max(2px, ${pct(b - a)})` }}
              title={`Sem gravação (${GAP_CAUSES[g.cause] ?? g.cause})${g.detail ? `: ${g.detail}` : ''}`}
            />
          );
        })}
        {marks.map((m) => {
          const a = fractionOf(w, Date.parse(m.from));
          const b = fractionOf(w, Date.parse(m.to));
          if (b < 0 || a > 1) return null;
          return (
            <div
              key={m.id}
              className="vigia-timeline-mark"
              data-testid="bookmark-mark"
              style={{ left: pct(a), width: `max(3px, ${pct(b - a)})` }}
              title={`Marcador: ${m.title} (${hhmm(Date.parse(m.from))})`}
              onClick={(e) => {
                e.stopPropagation();
                if (!disabled) onPick(Date.parse(m.from));
              }}
            />
          );
        })}
        {cursor !== undefined && cursor >= w.from && cursor <= w.to && (
          <div className="vigia-timeline-cursor" style={{ left: pct(fractionOf(w, cursor)) }} />
        )}
        {ticks(zoom, w).map((t) => (
          <span key={t} className="vigia-timeline-tick" style={{ left: pct(fractionOf(w, t)) }}>
            {hhmm(t)}
          </span>
        ))}
      </div>
    </div>
  );
}
