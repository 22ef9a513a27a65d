import pg from 'pg';

/**
 * The node's only way to the database: single SQL statements (each atomic on its own, so the
 * lease logic never needs an interactive transaction). Two transports (ADR 0004):
 * - a PostgreSQL server (DATABASE_URL): a small node-postgres pool;
 * - embedded PGlite: the main process's loopback SQL gateway, which runs each statement through
 *   PGlite's own queue, serialized with the API's transactions.
 * Statements return plain JSON-friendly values (text, numbers, booleans): timestamps are selected
 * as epoch milliseconds so both transports agree.
 */
export interface SqlClient {
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function pgClient(url: string): SqlClient {
  // Bounded waits: an unreachable server fails fast (the recorder waits the outage out, ADR 0013).
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5_000, query_timeout: 15_000 });
  pool.on('error', () => undefined); // a broken idle connection is replaced on next use
  return {
    async query<T>(text: string, values?: unknown[]) {
      return (await pool.query(text, values)).rows as T[];
    },
    close: () => pool.end(),
  };
}

export function gatewayClient(url: string, token: string): SqlClient {
  return {
    async query<T>(text: string, values?: unknown[]) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ text, values: values ?? [] }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json().catch(() => ({}))) as { rows?: T[]; error?: string };
      if (!res.ok) throw new Error(`sql gateway: ${res.status} ${body.error ?? ''}`.trim());
      return body.rows ?? [];
    },
    close: async () => undefined,
  };
}
