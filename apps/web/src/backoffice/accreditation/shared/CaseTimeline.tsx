import type { ApplicationDetail } from '@vigia/contracts';
import { formatDateTime } from '../../../shared/format';
import { timelineOf } from './timeline';

export function CaseTimeline({ app }: { app: ApplicationDetail }) {
  const entries = timelineOf(app);
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="h4">
        Andamento
      </h2>
      {entries.length === 0 ? (
        <p>Nenhum andamento registrado ainda.</p>
      ) : (
        <ol className="vigia-timeline" aria-label="Linha do tempo do pedido">
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <time dateTime={e.at} className="d-block text-down-01">
                {formatDateTime(e.at)}
              </time>
              {e.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
