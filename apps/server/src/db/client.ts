import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { fromPglite } from 'pg-boss';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

/** Minimal SQL executor for libraries that bring their own SQL (pg-boss). */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Connection string for libraries that open their own pool (PostgreSQL only). */
  url: string | undefined;
  executor: SqlExecutor;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(new URL('../../migrations', import.meta.url).pathname);

/**
 * Opens the embedded PGlite database under `dataDir/pgdata`, or a PostgreSQL server when a
 * URL is given. The same Drizzle schema, migrations and queries run on both (ADR 0002).
 */
const defaultPoolError = (err: Error) => console.error(`database pool: idle client error: ${err.message}`);

export async function openDatabase(opts: {
  url?: string | undefined;
  dataDir: string;
  onPoolError?: (err: Error) => void;
}): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle client can be cut by the server (restart, failover, DROP DATABASE … FORCE). pg emits
    // that on the pool; unhandled it would crash the process. The pool replaces the client on the
    // next query, so logging is enough.
    pool.on('error', (err) => (opts.onPoolError ?? defaultPoolError)(err));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      url: opts.url,
      executor: { executeSql: (text, values) => pool.query(text, values as unknown[]) },
      close: () => pool.end(),
    };
  }
  const dir = path.join(opts.dataDir, 'pgdata');
  fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create({ dataDir: dir });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    url: undefined,
    // pg-boss's adapter: statements with parameters go to PGlite's query() (one statement), those
    // without to exec() (pg-boss's multi-statement scripts; rows of every statement are returned), and a
    // failed statement rolls back any transaction it left open on the single connection.
    executor: fromPglite(client),
    close: () => client.close(),
  };
}

/** Applies pending migrations. On PostgreSQL an advisory lock keeps concurrent starters apart. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7261001)');
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock(7261001)').catch(() => undefined);
    await client.end();
  }
}
