import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { testApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
let app: App;
beforeAll(async () => {
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

it('the OpenAPI document describes the accreditation, partner and document routes (contracts for the web app)', async () => {
  const res = await app.inject({ method: 'GET', url: '/docs/json' });
  expect(res.statusCode).toBe(200);
  const paths = Object.keys(res.json().paths);
  for (const p of ['/api/public/partners/sign-up', '/api/accreditation/applications/{id}/submit', '/api/public/documents/verify'])
    expect(paths).toContain(p);
});
