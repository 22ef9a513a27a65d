import { LIVE_TOKEN_BATCH_MAX, type LiveToken, type LiveTokenBatch } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';
import { ApiError } from '../../shared/api/api-error';

const single = (cameraId: string, nonceHash: string) =>
  apiRequest<LiveToken>(`/api/live/${encodeURIComponent(cameraId)}/token`, { method: 'POST', body: { nonceHash } });

interface Pending {
  cameraId: string;
  nonceHash: string;
  resolve(t: LiveToken): void;
  reject(e: unknown): void;
}
let pending: Pending[] = [];

/** Sends the requests gathered since the last task: one alone on the single route, several in one batch. */
function flush(): void {
  const batch = pending;
  pending = [];
  if (!batch.length) return;
  if (batch.length === 1) {
    const [p] = batch as [Pending];
    single(p.cameraId, p.nonceHash).then(p.resolve, p.reject);
    return;
  }
  apiRequest<LiveTokenBatch>('/api/live/tokens', {
    method: 'POST',
    body: { items: batch.map(({ cameraId, nonceHash }) => ({ cameraId, nonceHash })) },
  }).then(
    (res) =>
      batch.forEach((p, i) => {
        const item = res.items[i];
        if (item?.ok) p.resolve(item.token);
        else
          p.reject(
            item
              ? new ApiError(item.status, item.code as ApiError['code'], item.message)
              : new ApiError(0, 'UNEXPECTED_RESPONSE', 'Resposta inesperada.'),
          );
      }),
    (err) => batch.forEach((p) => p.reject(err)),
  );
}

/**
 * A live stream token. Requests made in the same task (the tiles of a console layout mounting
 * together) leave as one POST /api/live/tokens, so a 4×4 layout asks the API once, not 16 times.
 */
export function requestLiveToken(cameraId: string, nonceHash: string): Promise<LiveToken> {
  return new Promise<LiveToken>((resolve, reject) => {
    // A microtask: the tiles of one commit have all asked by then, and the request leaves before
    // the browser runs the page's next task (a timer would queue it behind them).
    if (!pending.length) queueMicrotask(flush);
    pending.push({ cameraId, nonceHash, resolve, reject });
    if (pending.length >= LIVE_TOKEN_BATCH_MAX) flush();
  });
}
