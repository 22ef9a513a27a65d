import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { systemActor } from '../src/modules/audit/audit.service.js';
import { issueDocument } from '../src/modules/documents/issue-document.js';
import { localFileStorage } from '../src/modules/files/file-storage.js';
import { multipart } from './accreditation.fixtures.js';
import { anonymous, testApp } from './helpers/app.js';
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

const content = (text: string) => ({ title: 'ATO DE TESTE', blocks: [{ kind: 'paragraph' as const, text }] });
const issue = (subjectId: string, text: string, formats: ('pdf' | 'docx')[] = ['pdf']) =>
  t.database.db.transaction((tx) =>
    issueDocument(tx, { storage: localFileStorage(t.dataDir), publicUrl: 'https://vigiamais.mt.gov.br' }, systemActor('test'), {
      kind: 'test_act',
      subjectType: 'test',
      subjectId,
      content: content(text),
      formats,
      supersedes: true,
    }),
  );

async function verify(code: string, data: Buffer) {
  const anon = await anonymous(app);
  const mp = multipart({ name: 'copia.pdf', data }, { code });
  return app.inject({
    method: 'POST',
    url: '/api/public/documents/verify',
    headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf, ...mp.headers },
    payload: mp.payload,
  });
}

describe('generated documents — authenticity code, QR code, SHA-256, public verification', () => {
  it('issues PDF and DOCX, each with its own code, stored bytes and SHA-256', async () => {
    const [pdf, docx] = await issue(randomUUID(), 'Conteúdo do ato.', ['pdf', 'docx']);
    expect(pdf!.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(docx!.code).not.toBe(pdf!.code);
    const bytes = await localFileStorage(t.dataDir).read(pdf!.storageKey);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await verify(pdf!.code, bytes)).json().matches).toBe(true);
  });

  it('an unknown code is "not found" in Portuguese; a malformed code is a validation error', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/api/public/documents/AAAA-BBBB-CCCC-DDDD' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('Nenhum documento foi emitido');
    const bad = await app.inject({ method: 'GET', url: '/api/public/documents/nada' });
    expect(bad.statusCode).toBe(400);
    const badVerify = await verify('nada', Buffer.from('%PDF-'));
    expect(badVerify.statusCode).toBe(400);
    expect(badVerify.json().error.details[0].message).toContain('Código de autenticação inválido');
  });

  it('a re-issued act supersedes the previous one, which still verifies but says it was superseded', async () => {
    const subject = randomUUID();
    const [first] = await issue(subject, 'Primeira versão.');
    const [second] = await issue(subject, 'Segunda versão.');
    const old = await app.inject({ method: 'GET', url: `/api/public/documents/${first!.code}` });
    expect(old.json()).toMatchObject({ superseded: true });
    expect((await app.inject({ method: 'GET', url: `/api/public/documents/${second!.code}` })).json().superseded).toBe(false);
    const bytes = await localFileStorage(t.dataDir).read(first!.storageKey);
    expect((await verify(first!.code, bytes)).json()).toMatchObject({
      matches: true,
      superseded: true,
      message: expect.stringContaining('substituído'),
    });
    // the second act's file does not verify under the first act's code
    const other = await localFileStorage(t.dataDir).read(second!.storageKey);
    expect((await verify(first!.code, other)).json().matches).toBe(false);
  });
});
