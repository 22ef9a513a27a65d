import { type ApplicationDetail, type ApplicationHistoryEvent, applicationStatusLabels } from '@vigia/contracts';
import { useCallback } from 'react';
import { formatDateTime } from '../../../shared/format';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { getApplicationHistory } from '../../api/accreditation-api';
import { timelineOf } from './timeline';

interface Entry {
  at: string;
  text: string;
  who?: string;
}

const fromHistory = (e: ApplicationHistoryEvent): Entry => ({
  at: e.at,
  text: `${e.description}${e.toStatus ? ` Situação: ${applicationStatusLabels[e.toStatus]}.` : ''}${e.reason && !e.reason.startsWith('Art.') ? ` Fundamentação: ${e.reason}` : ''}`,
  who: e.actorName,
});

/**
 * The case history from the audit trail (`GET …/applications/:id/history`): every status change
 * with its time and actor. While it loads, or if it fails, the dated records of the detail are shown.
 */
export function CaseTimeline({ app }: { app: ApplicationDetail }) {
  const load = useCallback((signal: AbortSignal) => getApplicationHistory(app.id, signal), [app.id, app.updatedAt]);
  const { data } = useApiData(load);
  const entries: Entry[] = data ? data.map(fromHistory) : timelineOf(app);
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
                {e.who && ` — ${e.who}`}
              </time>
              {e.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
