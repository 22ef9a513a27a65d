import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ChannelHandlers, muxChannel } from './live-channel';

/**
 * The page's shared socket per node (live-channel.ts): channels routed by number, one socket for
 * every tile, ends and socket losses reported to the right players. The browser's WebSocket is
 * replaced by a recorder here; the real one runs in the e2e tests (e2e/live.test.ts,
 * e2e/console.test.ts, e2e/live-failover.test.ts) against a real node.
 */
class FakeSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static all: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  binaryType = '';
  sent: Array<Record<string, unknown>> = [];
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    if (this.readyState !== FakeSocket.OPEN) throw new Error('not open');
    this.sent.push(JSON.parse(text));
  }
  close() {
    if (this.readyState >= FakeSocket.CLOSING) return;
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code: 1000 });
  }
  // The node's side:
  accept() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  text(m: object) {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
  chunk(ch: number, bytes: number[]) {
    const buf = new Uint8Array([ch >> 8, ch & 0xff, ...bytes]).buffer;
    this.onmessage?.({ data: buf });
  }
  drop(code = 1006) {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code });
  }
}

function player() {
  const got = { open: 0, texts: [] as unknown[], chunks: [] as number[][], ends: [] as number[] };
  const h: ChannelHandlers = {
    onOpen: () => got.open++,
    onText: (m) => got.texts.push(m),
    onChunk: (d) => got.chunks.push([...new Uint8Array(d instanceof ArrayBuffer ? d : d.buffer.slice(d.byteOffset))]),
    onEnd: (code) => got.ends.push(code),
  };
  return { h, got };
}

const URL_A = 'ws://node-a/live';

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('WebSocket', FakeSocket);
  FakeSocket.all = [];
});
afterEach(() => {
  // Every shared socket of a test ends with it (the module keeps one per URL).
  for (const s of FakeSocket.all) s.drop();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('shared live socket (browser side)', () => {
  it('opens one socket per node for every tile and routes messages and chunks by channel', async () => {
    const a = player();
    const b = player();
    const ca = muxChannel(URL_A, 'cam-a', 'tok-a', 'nonce-a', a.h);
    muxChannel(URL_A, 'cam-b', 'tok-b', 'nonce-b', b.h);
    muxChannel('ws://node-b/live', 'cam-c', 'tok-c', 'nonce-c', player().h);
    expect(FakeSocket.all.map((s) => s.url)).toEqual([URL_A, 'ws://node-b/live']);
    const s = FakeSocket.all[0]!;
    s.accept(); // subscriptions asked before the socket opened go out now
    expect(s.sent).toEqual([
      { type: 'subscribe', ch: 1, camera: 'cam-a', token: 'tok-a', nonce: 'nonce-a' },
      { type: 'subscribe', ch: 2, camera: 'cam-b', token: 'tok-b', nonce: 'nonce-b' },
    ]);
    expect([a.got.open, b.got.open]).toEqual([1, 1]);
    s.text({ type: 'ready', ch: 2, expiresAt: 1 });
    s.chunk(1, [7, 8]);
    s.chunk(2, [9]);
    s.chunk(3, [0]); // nobody's
    expect(a.got).toMatchObject({ texts: [], chunks: [[7, 8]] });
    expect(b.got).toMatchObject({ texts: [{ type: 'ready', ch: 2, expiresAt: 1 }], chunks: [[9]] });

    ca.renew('tok-a2');
    ca.close();
    ca.renew('late'); // a closed channel sends nothing more
    expect(s.sent.slice(2)).toEqual([
      { type: 'renew', ch: 1, token: 'tok-a2' },
      { type: 'unsubscribe', ch: 1 },
    ]);
    // A tile opened later rides the same open socket, under a new number.
    const c = player();
    muxChannel(URL_A, 'cam-a', 'tok-a3', 'nonce-a3', c.h);
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.all).toHaveLength(2);
    expect(s.sent.at(-1)).toMatchObject({ type: 'subscribe', ch: 3 });
    expect(c.got.open).toBe(1);
  });

  it("reports a channel's end to its player only, and a lost socket to every player on it", () => {
    const a = player();
    const b = player();
    muxChannel(URL_A, 'cam-a', 't', 'n', a.h);
    muxChannel(URL_A, 'cam-b', 't', 'n', b.h);
    const s = FakeSocket.all[0]!;
    s.accept();
    s.text({ type: 'end', ch: 1, code: 4001, reason: 'unauthorized', message: 'token already used' });
    expect([a.got.ends, b.got.ends]).toEqual([[4001], []]);
    s.drop(1006);
    expect([a.got.ends, b.got.ends]).toEqual([[4001], [1006]]);
    // The next tile gets a new socket.
    muxChannel(URL_A, 'cam-a', 't', 'n', player().h);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('closes a socket left without channels after 10 s, unless a tile comes back first', () => {
    const first = muxChannel(URL_A, 'cam-a', 't', 'n', player().h);
    const s = FakeSocket.all[0]!;
    s.accept();
    first.close();
    vi.advanceTimersByTime(9_000);
    muxChannel(URL_A, 'cam-b', 't', 'n', player().h).close(); // a layout switch: reused
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(9_999);
    expect(s.readyState).toBe(FakeSocket.OPEN);
    vi.advanceTimersByTime(1);
    expect(s.readyState).toBe(FakeSocket.CLOSED);
  });

  it('gives up a silent socket with the tile that stalled, but not one other tiles still receive on', () => {
    const a = player();
    const b = player();
    const ca = muxChannel(URL_A, 'cam-a', 't', 'n', a.h);
    muxChannel(URL_A, 'cam-b', 't', 'n', b.h);
    const s = FakeSocket.all[0]!;
    s.accept();
    vi.advanceTimersByTime(6_000);
    s.chunk(2, [1]); // tile b still gets data
    ca.abandon();
    expect(s.readyState).toBe(FakeSocket.OPEN);
    expect(s.sent.at(-1)).toEqual({ type: 'unsubscribe', ch: 1 });
    vi.advanceTimersByTime(6_000); // now nothing came for 6 s
    const cb = muxChannel(URL_A, 'cam-c', 't', 'n', player().h);
    cb.abandon();
    expect(s.readyState).toBe(FakeSocket.CLOSED);
    expect(b.got.ends).toEqual([1006]); // b is told and reconnects too
  });
});
