import { mediaTableColumns, mediaTables } from '@vigia/contracts/media-tables';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from './schema.js';

// The media node's raw SQL names these tables and columns (packages/contracts/src/media-tables.ts);
// a rename here that the shared names do not follow must fail the tests, not a running node.
const columnsByTable = new Map<string, Set<string>>();
for (const value of Object.values(schema)) {
  if (!is(value, PgTable)) continue;
  const config = getTableConfig(value);
  columnsByTable.set(config.name, new Set(config.columns.map((c) => c.name)));
}

describe('tables the media node shares with the server', () => {
  it.each(Object.entries(mediaTables))('%s: the table %s and every column the node names exist in the Drizzle schema', (key, name) => {
    const columns = columnsByTable.get(name);
    expect(columns, `table ${name} is not in apps/server/src/db/schema.ts`).toBeDefined();
    const missing = mediaTableColumns[key as keyof typeof mediaTables].filter((c) => !columns?.has(c));
    expect(missing, `columns of ${name} missing from the Drizzle schema`).toEqual([]);
  });
});
