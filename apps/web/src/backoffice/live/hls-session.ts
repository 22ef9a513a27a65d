import type { LiveToken } from '@vigia/contracts';
import { hlsForm, hlsUrls } from './playback-mode';
import { TokenStreamSession } from './token-session';

/**
 * One camera's live stream as native HLS (browsers without Media Source Extensions, e.g. Safari
 * on older iPhones): the same stream token as the WebSocket path is exchanged (POST, once) for an
 * HLS viewer session on the media node (apps/media-node/src/hls), whose playlist URLs carry the
 * session id from then on; the token and nonce never appear in a URL.
 *
 * Token renewal: the <video> keeps its URL (changing src would restart playback); before the token
 * expires the player asks the API for a fresh one (same nonce) and hands it to the node's renew
 * endpoint, which extends the session. Without renewal the node ends the session at the token's
 * expiry, and an ended user session ends it within seconds — as for the WebSocket path.
 */
export class HlsSession extends TokenStreamSession {
  protected override maxAttempts = 6; // the media element does not tell why it failed (refusal or network)
  private cleanup: (() => void) | undefined;

  protected open(tok: LiveToken): void {
    void this.exchange(tok);
  }

  private async exchange(tok: LiveToken): Promise<void> {
    const urls = hlsUrls(tok.url);
    let playlist: string;
    try {
      const res = await fetch(urls.session, {
        method: 'POST',
        body: hlsForm(tok.token, this.nonce),
        mode: 'cors',
        credentials: 'omit',
        cache: 'no-store',
      });
      if (res.status !== 201) return this.retry(res.status === 503 ? 'servidor de vídeo ocupado' : 'acesso recusado');
      playlist = `${urls.base}/${((await res.json()) as { playlist: string }).playlist}`;
    } catch {
      return this.retry('conexão perdida');
    }
    if (this.stopped) return;
    const v = this.video;
    const onPlaying = () => {
      this.attempt = 0;
      this.opts.onFirstFrame?.(performance.now() - this.startedAt, this.steps);
      this.opts.onState({ kind: 'playing' });
    };
    const onError = () => this.retry('conexão perdida');
    v.addEventListener('playing', onPlaying, { once: true });
    v.addEventListener('error', onError);
    this.cleanup = () => {
      v.removeEventListener('playing', onPlaying);
      v.removeEventListener('error', onError);
    };
    v.muted = true;
    v.src = playlist;
    void v.play().catch(() => undefined);
    this.renewAt(Date.parse(tok.expiresAt), urls.renew);
  }

  private renewAt(expiresAt: number, renewUrl: string): void {
    this.scheduleRenewal(expiresAt, async () => {
      try {
        const tok = await this.fetchToken();
        const res = await fetch(renewUrl, {
          method: 'POST',
          body: hlsForm(tok.token, this.nonce),
          mode: 'cors',
          credentials: 'omit',
          cache: 'no-store',
        });
        if (res.status === 204) return this.renewAt(Date.parse(tok.expiresAt), renewUrl);
        this.retry('token expirado');
      } catch {
        this.retry('conexão perdida');
      }
    });
  }

  protected release(): void {
    this.cleanup?.();
    this.cleanup = undefined;
  }
}
