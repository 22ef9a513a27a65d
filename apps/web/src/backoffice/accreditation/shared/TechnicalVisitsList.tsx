import type { ApplicationDetail } from '@vigia/contracts';
import { formatDateTime } from '../../../shared/format';

export function TechnicalVisitsList({ app }: { app: ApplicationDetail }) {
  if (app.technicalVisits.length === 0) return <p>Nenhuma visita técnica agendada.</p>;
  return (
    <ul>
      {app.technicalVisits.map((v) => (
        <li key={v.id}>
          {formatDateTime(v.scheduledFor)} — {v.place}
          {v.findings ? (
            <span className="d-block text-down-01">
              Constatações{v.recordedAt ? ` (${formatDateTime(v.recordedAt)})` : ''}: {v.findings}
            </span>
          ) : (
            <span className="d-block text-down-01">Constatações ainda não registradas.</span>
          )}
        </li>
      ))}
    </ul>
  );
}
