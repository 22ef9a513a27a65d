import type { ApplicationDetail } from '@vigia/contracts';
import { Message } from '../../../shared/components/Message';
import { formatDateTime } from '../../../shared/format';

const statusLabels = { pending: 'Pendente', favourable: 'Favorável', unfavourable: 'Desfavorável' } as const;

/** Art. 12: opinions of the regional coordinators and municipalities without a known region. */
export function RispOpinionsList({ app }: { app: ApplicationDetail }) {
  return (
    <section aria-labelledby="risp-title">
      <h2 id="risp-title" className="h4">
        Pareceres das RISP (art. 12)
      </h2>
      {app.rispGaps.map((g) => (
        <Message key={g.municipalityIbge} kind="warning" title={g.municipalityName}>
          {g.message}
        </Message>
      ))}
      {app.rispOpinions.length === 0 ? (
        <p>Nenhum parecer solicitado ainda (são solicitados ao iniciar a análise).</p>
      ) : (
        <ul>
          {app.rispOpinions.map((o) => (
            <li key={o.id}>
              <strong>{o.securityRegionName}</strong> ({o.municipalities.join(', ')}): {statusLabels[o.status]}
              {o.decidedAt && ` em ${formatDateTime(o.decidedAt)}`}
              {o.reasons && <span className="d-block text-down-01">{o.reasons}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
