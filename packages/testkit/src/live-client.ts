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
