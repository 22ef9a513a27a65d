import type { AuditEvent } from '@vigia/contracts';
import { formatDateTime } from '../../shared/format';

function target(event: AuditEvent): string {
  if (!event.targetType) return '—';
  return event.targetId ? `${event.targetType} ${event.targetId}` : event.targetType;
}

export function AuditEventsTable({ events }: { events: AuditEvent[] }) {
  return (
    <div className="br-table vigia-table-wrap">
      <table>
        <caption>Últimos eventos ({events.length})</caption>
        <thead>
          <tr>
            <th scope="col">Nº</th>
            <th scope="col">Data e hora</th>
            <th scope="col">Autor</th>
            <th scope="col">Ação</th>
            <th scope="col">Alvo</th>
            <th scope="col">Motivo</th>
            <th scope="col">Origem</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq}>
              <th scope="row">{event.seq}</th>
              <td>{formatDateTime(event.at)}</td>
              <td>{event.actorLabel ?? event.actorId ?? 'Sistema'}</td>
              <td>
                <code>{event.action}</code>
              </td>
              <td>{target(event)}</td>
              <td>{event.reason ?? '—'}</td>
              <td>{event.origin ?? '—'}</td>
              <td className="vigia-hash" title={event.hash}>
                {event.hash.slice(0, 12)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
