import type { LiveToken } from '@vigia/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECONNECT_MAX_MS } from './live-edge';
import { type LiveState, TokenStreamSession } from './token-session';

/**
 * Reconnection of the live player when its node dies (issue 13): a new token at every attempt (so
 * the player follows the camera to the node that took it over), "Reconectando (motivo)…" meanwhile,
 * bounded backoff. The stream itself is faked: `open` records the node, the test drops it.
 */
class FakeStream extends TokenStreamSession {
  opened: string[] = [];
  protected open(tok: LiveToken): void {
    this.opened.push(tok.nodeId);
  }
  protected release(): void {}
  /** The stream's first frame was painted (what LiveSession does then). */
  playing(): void {
    this.attempt = 0;
    this.opts.onState({ kind: 'playing' });
  }
  /** The socket closed or went silent. */
  drop(reason: string): void {
    this.retry(reason);
  }
}

const token = (nodeId: string): LiveToken => ({
  token: 't',
  url: `ws://${nodeId}/live/c`,
  nodeId,
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
});
const video = () => ({ removeAttribute: vi.fn(), load: vi.fn() }) as unknown as HTMLVideoElement;
/** Lets the awaited token request settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', globalThis);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('live player reconnection', () => {
  it('asks for a new token at every attempt and follows the camera to the node that took it over', async () => {
    // The API names the dead node while its lease runs, then the survivor.
    const answers = ['n1', 'n1', 'n1', 'n2'];
    const getToken = vi.fn(async () => token(answers.shift()!));
    const states: LiveState[] = [];
    const s = new FakeStream(video(), 'c', { getToken, onState: (st) => states.push(st) });
    s.start();
    await settle();
    s.playing();
    expect(s.opened).toEqual(['n1']);

    s.drop('conexão perdida');
    expect(states.at(-1)).toEqual({ kind: 'reconnecting', reason: 'conexão perdida' });
    const asked: number[] = [];
    let t = Date.now();
    while (s.opened.length < 4) {
      await vi.advanceTimersToNextTimerAsync();
      asked.push(Date.now() - t);
      t = Date.now();
      // The dead node refuses the connection at once.
      if (s.opened.at(-1) === 'n1' && s.opened.length > 1) s.drop('conexão perdida');
    }
    expect(getToken).toHaveBeenCalledTimes(4);
    expect(s.opened).toEqual(['n1', 'n1', 'n1', 'n2']);
    // Backoff: each wait within [half, all] of 0.5, 1, 2 s — longer and longer.
    expect(asked[0]).toBeGreaterThanOrEqual(250);
    expect(asked[0]).toBeLessThanOrEqual(500);
    expect(asked[1]).toBeGreaterThanOrEqual(500);
    expect(asked[2]).toBeGreaterThanOrEqual(1000);
    // The reason stays on screen for the whole wait (not replaced by a generic word).
    expect(
      states.filter((st) => st.kind === 'reconnecting').every((st) => st.kind === 'reconnecting' && st.reason === 'conexão perdida'),
    ).toBe(true);
    s.playing();
    expect(states.at(-1)).toEqual({ kind: 'playing' });
    s.stop();
  });

  it('keeps trying while the API has no node for the camera (503), never more often than every 10 s, and starts over once playing', async () => {
    let down = true;
    const getToken = vi.fn(async () => {
      if (down) throw Object.assign(new Error('Nenhum servidor de vídeo disponível.'), { status: 503 });
      return token('n2');
    });
    const states: LiveState[] = [];
    const s = new FakeStream(video(), 'c', { getToken, onState: (st) => states.push(st) });
    s.start();
    await settle();
    expect(states.at(-1)).toEqual({ kind: 'reconnecting', reason: 'servidor de vídeo indisponível' });
    // A long outage: 10 minutes, at most one request per 5 s once at the cap (delays 5–10 s).
    await vi.advanceTimersByTimeAsync(600_000);
    const calls = getToken.mock.calls.length;
    expect(calls).toBeGreaterThan(60);
    expect(calls).toBeLessThanOrEqual(6 + 600_000 / (RECONNECT_MAX_MS / 2));
    down = false;
    await vi.advanceTimersByTimeAsync(RECONNECT_MAX_MS);
    expect(s.opened).toEqual(['n2']);
    s.playing();
    // Playing again resets the backoff: the next drop retries within half a second.
    s.drop('conexão perdida');
    await vi.advanceTimersByTimeAsync(500);
    expect(s.opened).toEqual(['n2', 'n2']);
    s.stop();
  });

  it('stops for good on a refusal (403), saying why', async () => {
    const getToken = vi.fn(async () => {
      throw Object.assign(new Error('Você não tem acesso a esta câmera.'), { status: 403 });
    });
    const states: LiveState[] = [];
    const s = new FakeStream(video(), 'c', { getToken, onState: (st) => states.push(st) });
    s.start();
    await settle();
    expect(states.at(-1)).toEqual({ kind: 'failed', message: 'Você não tem acesso a esta câmera.' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getToken).toHaveBeenCalledTimes(1);
  });
});
