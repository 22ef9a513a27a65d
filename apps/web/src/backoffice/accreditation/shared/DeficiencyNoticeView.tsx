import type { ApplicationDetail } from '@vigia/contracts';
import { formatDate, formatDateTime } from '../../../shared/format';
import { applicationFileUrl } from '../../api/accreditation-api';

type Notice = ApplicationDetail['deficiencyNotices'][number];

const statusLabels = { open: 'Aberta — prazo correndo', answered: 'Respondida', expired: 'Prazo encerrado sem resposta' } as const;

/** One deficiency notice (Art. 16 §2): items, deadline and the answers given. Read-only. */
export function DeficiencyNoticeView({ applicationId, notice, index }: { applicationId: string; notice: Notice; index: number }) {
  return (
    <article className="br-card p-3 mb-3" aria-label={`Notificação de falhas ${index + 1}`}>
      <h3 className="h5 mt-0">
        Notificação de falhas {index + 1} — {statusLabels[notice.status]}
      </h3>
      <p className="mb-2">
        Emitida em {formatDateTime(notice.issuedAt)}; recebida em {formatDate(notice.receivedOn)}. Prazo de {notice.businessDays} dia(s)
        útil(eis): <strong>até {formatDate(notice.dueOn)}</strong>.
      </p>
      <ol>
        {notice.items.map((item) => (
          <li key={item.id} className="mb-2">
            {item.description}
            {item.answer && (
              <div className="text-down-01 mt-1">
                <strong>Resposta{item.answeredAt ? ` (${formatDateTime(item.answeredAt)})` : ''}:</strong> {item.answer}
                {item.fileId && (
                  <>
                    {' '}
                    <a href={applicationFileUrl(applicationId, item.fileId)} download>
                      Baixar anexo da resposta
                    </a>
                  </>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}
