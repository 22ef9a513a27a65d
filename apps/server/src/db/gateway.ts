import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from './client.js';

/**
 * Embedded mode only (ADR 0004): PGlite is single-process, so the media node reaches the database
 * through this loopback endpoint of the main process. Each request is ONE SQL statement with
 * parameters, run by PGlite's `query()`, which waits for — and never runs inside — the API's own
 * transactions. A random 256-bit secret, created at each start and handed to the child process in
 * its environment (never written to disk), authorizes requests. With DATABASE_URL the node talks to
 * PostgreSQL directly and this gateway is not started.
 */
export interface SqlGateway {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startSqlGateway(database: Database, opts: { host?: string } = {}): Promise<SqlGateway> {
  const token = randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const auth = Buffer.from(String(req.headers.authorization ?? ''));
    if (req.method !== 'POST' || req.url !== '/sql') return reply(404, { error: 'not found' });
    if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) return reply(401, { error: 'unauthorized' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1_048_576) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      let q: { text?: unknown; values?: unknown };
      try {
        q = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, { error: 'malformed' });
      }
      if (typeof q.text !== 'string' || (q.values !== undefined && !Array.isArray(q.values))) return reply(400, { error: 'malformed' });
      const values = (q.values as unknown[] | undefined) ?? [];
      // Parameters force PGlite's single-statement path; a parameterless statement gets a dummy-free
      // path too (query() with an empty array is still one statement).
      database.executor
        .executeSql(q.text, values.length ? values : undefined)
        .then((r) => reply(200, { rows: r.rows }))
        .catch((err: Error & { code?: string }) => reply(400, { error: `${err.code ?? ''} ${err.message}`.trim() }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sql`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
