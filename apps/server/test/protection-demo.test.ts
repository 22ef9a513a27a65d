import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { protectionMissions, protectionReferencePlaces } from '../src/db/schema.js';
import { seedProtectionDemo } from '../src/modules/demo/demo-protection.js';
import { localFileStorage } from '../src/modules/files/file-storage.js';
import { useTestApp } from './helpers/app.js';
import { testClock } from './helpers/clock.js';

const ctx = useTestApp();

describe('protection demo data', () => {
  it('seeds, through the use cases, one mission in planning and one closed — once', async () => {
    testClock.reset();
    const deps = { db: ctx.t.database.db, clock: testClock, storage: localFileStorage(ctx.t.dataDir), publicUrl: 'http://localhost' };
    await seedProtectionDemo(deps, pino({ level: 'silent' }));
    await seedProtectionDemo(deps, pino({ level: 'silent' }));
    const rows = await ctx.t.database.db.select().from(protectionMissions);
    expect(rows.map((r) => `${r.codeName}:${r.status}`).sort()).toEqual(['CORUJA:closed', 'ÁGUIA:planning']);
    // Support units only as illustrative demo data, labelled so in name and source, once.
    const places = await ctx.t.database.db.select().from(protectionReferencePlaces);
    expect(places).toHaveLength(3);
    expect(places.every((p) => p.illustrative && /ilustrativ/.test(p.name) && /não é uma unidade real/.test(p.source))).toBe(true);
  });
});
