import { randomBytes } from 'node:crypto';
import { nonceHash } from '@vigia/contracts/stream-token';
import WebSocket from 'ws';

/** A scripted live viewer (what the browser player does), for tests and the benchmark. */
export interface LiveClient {
  ws: WebSocket;
  texts: Array<{ type: string; [k: string]: unknown }>;
  binaries: Buffer[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves when n binary chunks arrived. */
  waitBinaries(n: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

export const newNonce = () => randomBytes(24).toString('base64url');
export { nonceHash };

export function openLive(url: string, token: string, nonce: string): LiveClient {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const texts: LiveClient['texts'] = [];
  const binaries: Buffer[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', token, nonce })));
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      binaries.push(data as Buffer);
      for (const w of [...waiters]) if (binaries.length >= w.n) waiters.splice(waiters.indexOf(w), 1), w.resolve();
    } else texts.push(JSON.parse(String(data)));
  });
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  return {
    ws,
    texts,
    binaries,
    closed,
    waitBinaries(n, timeoutMs = 15_000) {
      if (binaries.length >= n) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`only ${binaries.length} chunks; texts ${JSON.stringify(texts)}`)), timeoutMs);
        const w = { n, resolve: () => (clearTimeout(t), resolve()) };
        waiters.push(w);
        void closed.then((c) => reject(new Error(`closed ${c.code} ${c.reason} after ${binaries.length} chunks`)));
      });
    },
    close: () => ws.close(),
  };
}

/** One channel of a scripted shared-socket viewer (`openLiveMux`). */
export interface LiveMuxChannel {
  texts: Array<{ type: string; [k: string]: unknown }>;
  binaries: Buffer[];
  /** Resolves with the channel's `end` message. */
  ended: Promise<{ code: number; reason: string; message: string }>;
  waitBinaries(n: number, timeoutMs?: number): Promise<void>;
}

/** A scripted viewer of the node's shared socket (/live): one WebSocket, a channel per camera. */
export interface LiveMuxClient {
  ws: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  subscribe(ch: number, camera: string, token: string, nonce: string): LiveMuxChannel;
  send(message: object): void;
  close(): void;
}

export function openLiveMux(url: string): LiveMuxClient {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const channels = new Map<number, LiveMuxChannel & { end(m: { code: number; reason: string; message: string }): void; fed(): void }>();
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      const buf = data as Buffer;
      const c = channels.get(buf.readUInt16BE(0));
      c?.binaries.push(buf.subarray(2));
      c?.fed();
    } else {
      const m = JSON.parse(String(data)) as { type: string; ch: number; code: number; reason: string; message: string };
      const c = channels.get(m.ch);
      c?.texts.push(m);
      if (m.type === 'end') c?.end(m);
    }
  });
  ws.on('error', () => undefined);
  const send = (message: object) => void opened.then(() => ws.send(JSON.stringify(message)));
  return {
    ws,
    opened,
    closed,
    send,
    subscribe(ch, camera, token, nonce) {
      const texts: LiveMuxChannel['texts'] = [];
      const binaries: Buffer[] = [];
      const waiters: Array<{ n: number; resolve: () => void }> = [];
      let end!: (m: { code: number; reason: string; message: string }) => void;
      const ended = new Promise<{ code: number; reason: string; message: string }>((resolve) => {
        end = resolve;
      });
      const c = {
        texts,
        binaries,
        ended,
        end,
        fed: () => {
          for (const w of [...waiters]) if (binaries.length >= w.n) waiters.splice(waiters.indexOf(w), 1), w.resolve();
        },
        waitBinaries(n: number, timeoutMs = 15_000) {
          if (binaries.length >= n) return Promise.resolve();
          return new Promise<void>((resolve, reject) => {
            const t = setTimeout(
              () => reject(new Error(`channel ${ch}: only ${binaries.length} chunks; texts ${JSON.stringify(texts)}`)),
              timeoutMs,
            );
            waiters.push({ n, resolve: () => (clearTimeout(t), resolve()) });
            void ended.then((m) => reject(new Error(`channel ${ch} ended ${m.code} ${m.message} after ${binaries.length} chunks`)));
            void closed.then((m) => reject(new Error(`socket closed ${m.code} ${m.reason} after ${binaries.length} chunks`)));
          });
        },
      };
      channels.set(ch, c);
      send({ type: 'subscribe', ch, camera, token, nonce });
      return c;
    },
    close: () => ws.close(),
  };
}
