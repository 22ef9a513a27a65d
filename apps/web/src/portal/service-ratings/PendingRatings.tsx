import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { RatingPrompt } from './RatingPrompt';
import { fetchPendingRatings } from './service-ratings-api';

/** "Avalie os serviços que você usou": one prompt per finished use not rated yet (Meus serviços). */
export function PendingRatings() {
  const { data } = useApiData(fetchPendingRatings);
  if (!data?.pending.length) return null;
  return (
    <section aria-labelledby="pending-ratings" className="mb-4">
      <h3 id="pending-ratings">Avalie os serviços que você usou</h3>
      {data.pending.slice(0, 5).map((p) => (
        <div key={`${p.service}:${p.requestId}`} className="br-card p-2 mb-2">
          <p className="mb-1">
            {p.serviceTitle} — protocolo <strong>{p.protocol}</strong>, concluído em {formatDateTime(p.finishedAt)}
          </p>
          <RatingPrompt service={p.service} requestId={p.requestId} title={p.serviceTitle} />
        </div>
      ))}
    </section>
  );
}
