import fs from 'node:fs';
import path from 'node:path';
import { type ApplicantKind, addYears, applicantKindValues, requiredDocuments } from '@vigia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { todayInCuiaba } from '../src/modules/calendar/local-date.js';
import {
  A,
  api,
  CUIABA,
  count,
  EXE,
  GENERATED,
  JPEG,
  multipart,
  PDF,
  partnerFor,
  pointAt,
  readyDraft,
  upload,
  uploadId,
} from './accreditation.fixtures.js';
import { authHeaders, testApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
let app: App;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, { UPLOAD_MAX_MB: '20' });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const filesOnDisk = () => {
  const root = path.join(t.dataDir, 'uploads');
  if (!fs.existsSync(root)) return 0;
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).length;
};

describe('uploads — checked by content, size-limited, SHA-256 stored', () => {
  it('stores a PDF with its SHA-256 and detected type', async () => {
    const { session } = await partnerFor(app, 'company');
    const res = await upload(app, session, PDF, 'contrato.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mediaType: 'application/pdf', sizeBytes: PDF.length, originalName: 'contrato.pdf' });
    expect(res.json().sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an executable renamed .pdf with a clear pt-BR message and writes nothing', async () => {
    const { session } = await partnerFor(app, 'company');
    const [rows, files] = [await count(t.database, 'stored_file'), filesOnDisk()];
    const res = await upload(app, session, EXE, 'certidao.pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'FILE_IS_EXECUTABLE', message: expect.stringContaining('programa executável') });
    expect(await count(t.database, 'stored_file')).toBe(rows);
    expect(filesOnDisk()).toBe(files);
  });

  it('refuses other types (e.g. ZIP) by content', async () => {
    const { session } = await partnerFor(app, 'company');
    const before = [await count(t.database, 'stored_file'), filesOnDisk()];
    const res = await upload(app, session, Buffer.from('PK\x03\x04rest-of-zip'), 'doc.pdf');
    expect(res.statusCode).toBe(415);
    expect([await count(t.database, 'stored_file'), filesOnDisk()]).toEqual(before);
    expect(res.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses a 200 MB upload with PAYLOAD_TOO_LARGE and nothing written', async () => {
    const { session } = await partnerFor(app, 'company');
    const [rows, files] = [await count(t.database, 'stored_file'), filesOnDisk()];
    const big = Buffer.alloc(200 * 1024 * 1024, 0x41);
    PDF.copy(big);
    const mp = multipart({ name: 'enorme.pdf', data: big });
    const res = await app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...authHeaders(session), ...mp.headers },
      payload: mp.payload,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('20 MB') });
    expect(await count(t.database, 'stored_file')).toBe(rows);
    expect(filesOnDisk()).toBe(files);
  });
});

describe('Art. 3 sole § — only addresses and camera points inside Mato Grosso', () => {
  it('refuses a point whose coordinates are outside MT and changes nothing', async () => {
    const { session } = await partnerFor(app, 'company');
    const c = api(app, session);
    const id = (await c.post(`${A}/applications`, { propertyOwnership: 'own' })).json().id;
    await c.put(`${A}/applications/${id}/camera-points`, { points: [pointAt(CUIABA)] });
    const before = await count(t.database, 'camera_point');
    const res = await c.put(`${A}/applications/${id}/camera-points`, {
      points: [pointAt(CUIABA), pointAt(CUIABA, {}, { latitude: -23.5505, longitude: -46.6333 })],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('LOCATION_OUTSIDE_MT');
    expect(res.json().error.details[0]).toMatchObject({
      path: 'points.1.latitude',
      message: expect.stringContaining('fora do território de Mato Grosso'),
    });
    expect(await count(t.database, 'camera_point')).toBe(before);
  });

  it('refuses a municipality code that is not of MT', async () => {
    const { session } = await partnerFor(app, 'company');
    const c = api(app, session);
    const id = (await c.post(`${A}/applications`, { propertyOwnership: 'own' })).json().id;
    const before = [await count(t.database, 'camera_point'), await count(t.database, 'audit_event')];
    const res = await c.put(`${A}/applications/${id}/camera-points`, { points: [pointAt(CUIABA, {}, { municipalityIbge: '3550308' })] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toContain('Mato Grosso');
    expect([await count(t.database, 'camera_point'), await count(t.database, 'audit_event')]).toEqual(before);
  });
});

describe("Art. 9, 10, 11 — every kind's document list is enforced on submit", () => {
  const ownership = (kind: ApplicantKind) =>
    kind === 'association_or_council' ? 'third_party' : kind === 'individual' || kind === 'company' ? 'leased' : 'own';

  it.each(applicantKindValues)('%s: submit lists exactly the missing mandatory uploads and changes nothing', async (kind) => {
    const { session } = await partnerFor(app, kind);
    const c = api(app, session);
    const propertyOwnership = ownership(kind);
    const leaseEndsOn = addYears(todayInCuiaba(), 3);
    const id = (await c.post(`${A}/applications`, { propertyOwnership, leaseEndsOn })).json().id;
    const photo = await uploadId(app, session, JPEG, 'foto.jpg');
    expect(
      (await c.put(`${A}/applications/${id}/camera-points`, { points: [pointAt(CUIABA, { mounting: photo, view: photo })] })).statusCode,
    ).toBe(200);
    const audit = await count(t.database, 'audit_event');
    const res = await c.post(`${A}/applications/${id}/submit`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('REQUIRED_DOCUMENTS_MISSING');
    const expected = requiredDocuments({ kind, propertyOwnership })
      .filter((d) => d.mandatory && !GENERATED.has(d.key))
      .map((d) => d.key)
      .sort();
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(expected);
    expect(await count(t.database, 'audit_event')).toBe(audit);
    expect((await c.get(`${A}/applications/${id}`)).json().status).toBe('draft');
  });

  it('Art. 10, I, e — a lease with less than 2 years remaining is refused; the draft stays a draft', async () => {
    const { session } = await partnerFor(app, 'company');
    const short = addYears(todayInCuiaba(), 1);
    const draft = await readyDraft(app, session, { propertyOwnership: 'leased', leaseEndsOn: short });
    const before = [await count(t.database, 'audit_event'), await count(t.database, 'generated_document')];
    const res = await api(app, session).post(`${A}/applications/${draft.id}/submit`, {});
    expect([await count(t.database, 'audit_event'), await count(t.database, 'generated_document')]).toEqual(before);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'LEASE_TOO_SHORT', message: expect.stringContaining('no mínimo 2 anos') });
    expect((await api(app, session).get(`${A}/applications/${draft.id}`)).json().status).toBe('draft');
  });

  it("Art. 10 — a company filming from a third party's property is refused (only associations, Art. 11)", async () => {
    const { session } = await partnerFor(app, 'company');
    const before = await count(t.database, 'application');
    const res = await api(app, session).post(`${A}/applications`, { propertyOwnership: 'third_party' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'PROPERTY_SITUATION_NOT_ADMITTED', message: expect.stringContaining('art. 11') });
    expect(await count(t.database, 'application')).toBe(before);
  });

  it('a complete application is submitted and its annexes 1, 3, 4 and 5 are generated', async () => {
    const { session } = await partnerFor(app, 'company');
    const draft = await readyDraft(app, session, { propertyOwnership: 'leased', leaseEndsOn: addYears(todayInCuiaba(), 2) });
    const res = await api(app, session).post(`${A}/applications/${draft.id}/submit`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', handledBy: 'sesp' });
    const kinds = res
      .json()
      .generatedDocuments.map((d: { kind: string; format: string }) => `${d.kind}.${d.format}`)
      .sort();
    expect(kinds).toEqual(['annex_1.pdf', 'annex_3.pdf', 'annex_4.pdf', 'annex_5.docx', 'annex_5.pdf']);
  });
});

describe("IDOR — partner A gets 404 for partner B's application", () => {
  it('on read, edit, attach, submit and file download', async () => {
    const a = await partnerFor(app, 'company');
    const b = await partnerFor(app, 'company');
    const draftB = await readyDraft(app, b.session);
    const fileB = draftB.documents.find((d) => d.fileId)!.fileId!;
    const ca = api(app, a.session);
    const fileA = await uploadId(app, a.session, PDF);
    const attempts = [
      await ca.get(`${A}/applications/${draftB.id}`),
      await ca.patch(`${A}/applications/${draftB.id}`, { propertyOwnership: 'own' }),
      await ca.put(`${A}/applications/${draftB.id}/camera-points`, { points: [pointAt(CUIABA)] }),
      await ca.post(`${A}/applications/${draftB.id}/documents`, { requirementKey: 'applicant.cnpj_card', fileId: fileA }),
      await ca.post(`${A}/applications/${draftB.id}/submit`, {}),
      await ca.get(`${A}/applications/${draftB.id}/files/${fileB}`),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
    expect((await ca.get(`${A}/applications`)).json().applications.map((x: { id: string }) => x.id)).not.toContain(draftB.id);
    // and B cannot attach A's upload to its own application
    const steal = await api(app, b.session).post(`${A}/applications/${draftB.id}/documents`, {
      requirementKey: 'applicant.cnpj_card',
      fileId: fileA,
    });
    expect(steal.statusCode).toBe(400);
  });
});
