import { randomBytes } from 'node:crypto';
import type { ApplicantKind, ApplicationDetail, Role, RoleGrant } from '@vigia/contracts';
import { sql } from 'drizzle-orm';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/client.js';
import { findMunicipality } from '../src/modules/reference/municipalities.js';
import { solvedAltcha } from './helpers/altcha.js';
import { anonymous, authHeaders, databaseOf, makeUser, type Session, signIn } from './helpers/app.js';
import { tokenMailedTo } from './helpers/mail.js';

/** Factories for the accreditation tests: valid identifiers, partners, uploads, applications. */

export { CUIABA, SINOP, signUpBody, VARZEA_GRANDE, validCnpj, validCpf } from '@vigia/testkit/sign-up';

import { CUIABA, signUpBody, validCnpj } from '@vigia/testkit/sign-up';

export async function postPublic(app: App, url: string, payload: unknown) {
  const anon = await anonymous(app);
  return app.inject({ method: 'POST', url, headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf }, payload: payload as object });
}

/** Public sign-up with a really solved proof-of-work challenge. */
export async function signUp(app: App, body: object) {
  return postPublic(app, '/api/public/partners/sign-up', { ...body, altcha: await solvedAltcha(app) });
}

/**
 * Signs up a partner through the public route, confirms the account through the link really
 * mailed to it (the outbox), and signs it in.
 */
export async function partnerFor(app: App, kind: ApplicantKind, municipalityIbge = CUIABA) {
  const body = signUpBody(kind, municipalityIbge);
  const res = await signUp(app, body);
  if (res.statusCode !== 202) throw new Error(`sign-up failed: ${res.body}`);
  await confirmMailedAccount(app, body.account.email);
  const session = await signIn(app, body.account.email);
  const profile = await app.inject({ method: 'GET', url: '/api/partner/profile', headers: authHeaders(session) });
  return { partner: profile.json() as { id: string; name: string }, session, body };
}

/** Follows the confirmation link mailed to an address. */
export async function confirmMailedAccount(app: App, email: string) {
  const token = await tokenMailedTo(databaseOf(app), email, 'confirmar-email');
  const res = await postPublic(app, '/api/public/accounts/confirm-email', { token });
  if (res.statusCode !== 200) throw new Error(`confirmation failed: ${res.body}`);
}

export async function staff(app: App, database: Database, roles: Role[], scope: Partial<RoleGrant> = {}): Promise<Session> {
  const u = await makeUser(database, roles, scope);
  return signIn(app, u.email);
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF-teste')]);
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), randomBytes(64)]);

export function multipart(file: { name: string; data: Buffer; type?: string }, fields: Record<string, string> = {}) {
  const boundary = `----vigia${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`,
    ),
  );
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(app: App, s: Session, data: Buffer, name = 'documento.pdf') {
  const mp = multipart({ name, data });
  return app.inject({ method: 'POST', url: '/api/files', headers: { ...authHeaders(s), ...mp.headers }, payload: mp.payload });
}

export async function uploadId(app: App, s: Session, data: Buffer = PDF, name = 'documento.pdf'): Promise<string> {
  const res = await upload(app, s, data, name);
  if (res.statusCode !== 200) throw new Error(`upload failed: ${res.body}`);
  return res.json().id;
}

export function pointAt(municipalityIbge: string, photos: { mounting?: string; view?: string } = {}, extra: Record<string, unknown> = {}) {
  const m = findMunicipality(municipalityIbge)!;
  return {
    address: `Rua de teste, 10 — ${m.name}`,
    municipalityIbge,
    latitude: m.latitude,
    longitude: m.longitude,
    mounting: 'facade',
    films: 'Cruzamento da rua de teste com a avenida principal',
    ...(photos.mounting ? { mountingPhotoFileId: photos.mounting } : {}),
    ...(photos.view ? { viewPhotoFileId: photos.view } : {}),
    ...extra,
  };
}

export const api = (app: App, s: Session) => ({
  get: (url: string) => app.inject({ method: 'GET', url, headers: authHeaders(s) }),
  post: (url: string, payload: unknown = {}) => app.inject({ method: 'POST', url, headers: authHeaders(s), payload: payload as object }),
  put: (url: string, payload: unknown) => app.inject({ method: 'PUT', url, headers: authHeaders(s), payload: payload as object }),
  patch: (url: string, payload: unknown) => app.inject({ method: 'PATCH', url, headers: authHeaders(s), payload: payload as object }),
});

const A = '/api/accreditation';

/** A draft with points (photos attached) and every required upload, ready to submit. */
export async function readyDraft(
  app: App,
  s: Session,
  opts: {
    propertyOwnership?: string;
    leaseEndsOn?: string;
    modality?: string;
    municipalities?: string[];
    consortiumMunicipalities?: string[];
    extendsTermId?: string;
  } = {},
): Promise<ApplicationDetail> {
  const c = api(app, s);
  const created = await c.post(`${A}/applications`, {
    propertyOwnership: opts.propertyOwnership ?? 'own',
    ...(opts.leaseEndsOn ? { leaseEndsOn: opts.leaseEndsOn } : {}),
    ...(opts.modality ? { modality: opts.modality } : {}),
    ...(opts.consortiumMunicipalities ? { consortiumMunicipalities: opts.consortiumMunicipalities } : {}),
    ...(opts.extendsTermId ? { extendsTermId: opts.extendsTermId } : {}),
  });
  if (created.statusCode !== 200) throw new Error(`create failed: ${created.body}`);
  const id = created.json().id as string;
  const photo = await uploadId(app, s, JPEG, 'foto.jpg');
  const points = (opts.municipalities ?? [CUIABA]).map((m) => pointAt(m, { mounting: photo, view: photo }));
  const set = await c.put(`${A}/applications/${id}/camera-points`, { points });
  if (set.statusCode !== 200) throw new Error(`points failed: ${set.body}`);
  let detail = set.json() as ApplicationDetail;
  const file = await uploadId(app, s);
  for (const d of detail.documents.filter((d) => d.mandatory && !d.fileId && !GENERATED.has(d.key))) {
    const r = await c.post(`${A}/applications/${id}/documents`, { requirementKey: d.key, fileId: file });
    if (r.statusCode !== 200) throw new Error(`attach failed: ${r.body}`);
    detail = r.json();
  }
  return detail;
}

export const GENERATED = new Set([
  'applicant.application_request',
  'applicant.executive_project',
  'applicant.distribution_table',
  'applicant.public_interest_declaration',
]);

export async function count(database: Database, table: string): Promise<number> {
  const res = (await database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as { rows: { n: number }[] };
  return res.rows[0]!.n;
}

export async function regionIdOf(database: Database, municipalityIbge: string): Promise<string | undefined> {
  const res = (await database.db.execute(
    sql`SELECT region_id FROM security_region_municipality WHERE municipality_ibge = ${municipalityIbge}`,
  )) as unknown as { rows: { region_id: string }[] };
  return res.rows[0]?.region_id;
}

export { A };

/**
 * An active indirect-management term of a municipality (Art. 4 II) — inserted directly, as a
 * factory: the full path to such a term is covered by accreditation-flow.test.ts.
 */
export async function activeIndirectTerm(database: Database, municipalityIbge: string): Promise<string> {
  const { partners } = await import('../src/db/tables/partners.js');
  const { applications, cooperationTerms } = await import('../src/db/tables/accreditation.js');
  const [p] = await database.db
    .insert(partners)
    .values({ kind: 'municipality', name: `Município gestor ${municipalityIbge}`, document: validCnpj(), municipalityIbge })
    .returning();
  const [a] = await database.db
    .insert(applications)
    .values({
      number: `F/${randomBytes(4).toString('hex')}`,
      partnerId: p!.id,
      status: 'homologated',
      modality: 'indirect',
      propertyOwnership: 'own',
      createdBy: p!.id,
    })
    .returning();
  const [term] = await database.db
    .insert(cooperationTerms)
    .values({
      number: `F/${randomBytes(4).toString('hex')}`,
      partnerId: p!.id,
      applicationId: a!.id,
      kind: 'indirect_delegation',
      status: 'active',
      coveredMunicipalities: [municipalityIbge],
      signedOn: '2026-01-05',
    })
    .returning();
  return term!.id;
}
