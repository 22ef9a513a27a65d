import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, migrateDatabase, openDatabase } from './server.js';

/**
 * Test databases: embedded PGlite in a temporary directory by default, or — when DATABASE_URL
 * names a PostgreSQL server — a new database created on that server and dropped afterwards.
 * The integration suite runs once in each mode.
 */
export const serverUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

export interface ReservedDatabase {
  /** PostgreSQL URL of the fresh database, or undefined for PGlite in `dataDir`. */
  url: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * PostgreSQL for tests that need several processes on one database (media nodes coordinating
 * through their leases): TEST_POSTGRES_URL, else DATABASE_URL, else TEST_DATABASE_URL (what
 * scripts/test.sh sets for its PostgreSQL run, also during the end-to-end run on PGlite), else the
 * local server.
 */
export const postgresServerUrl = (): string =>
  process.env.TEST_POSTGRES_URL ||
  process.env.DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether a PostgreSQL server answers at `url` (within 3 s). */
export async function postgresAnswers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * A fresh empty database (not opened), for tests that start the server as a separate process:
 * on the server `admin` names (default: this run's, `serverUrl()`), else embedded PGlite.
 */
export async function reserveDatabase(admin: string | undefined = serverUrl()): Promise<ReservedDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-test-'));
  let url: string | undefined;
  let name: string | undefined;
  if (admin) {
    name = `vigia_test_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  return {
    url,
    dataDir,
    async drop() {
      if (admin && name) {
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestDatabase extends ReservedDatabase {
  database: Database;
}

/** A fresh, migrated, opened database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const reserved = await reserveDatabase();
  // Dropping the database at the end cuts idle pool clients: expected, not an error.
  const database = await openDatabase({ url: reserved.url, dataDir: reserved.dataDir, onPoolError: () => undefined });
  await migrateDatabase(database);
  return {
    ...reserved,
    database,
    async drop() {
      await database.close();
      await reserved.drop();
    },
  };
}
