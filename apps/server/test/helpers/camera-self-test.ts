import { randomBytes } from 'node:crypto';
import type { CameraSelfTest } from '@vigia/contracts';
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { partners } from '../../src/db/schema.js';
import { authHeaders, makeUser, type Session, signIn } from './app.js';
import type { TestDatabase } from './database.js';

/** Shared by the installer self-test tests (cameras-self-test, cameras-onvif): a partner's installer and its camera. */
export const CUIABA = '5103403';
export const CAMERA_USER = 'tecnico';
export const CAMERA_PASSWORD = 'S3nh@ forte:/x';

/** A company partner and one of its users, signed in. */
export async function signInPartnerUser(
  ctx: { t: TestDatabase; app: App },
  partnerName: string,
): Promise<{ partnerId: string; session: Session }> {
  const [p] = await ctx.t.database.db
    .insert(partners)
    .values({ kind: 'company', name: partnerName, document: randomBytes(7).toString('hex'), municipalityIbge: CUIABA })
    .returning({ id: partners.id });
  const u = await makeUser(ctx.t.database, ['partner_user'], { partnerId: p!.id });
  return { partnerId: p!.id, session: await signIn(ctx.app, u.email) };
}

/** Registers a partner camera on 127.0.0.1 (path /cam1, the camera credentials above); returns the created body. */
export async function registerSelfTestCamera(
  app: App,
  session: Session,
  fields: Record<string, unknown>,
): Promise<{ id: string } & Record<string, unknown>> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/cameras',
    headers: authHeaders(session),
    payload: {
      name: 'Câmera simulada',
      kind: 'partner_own',
      host: '127.0.0.1',
      rtspPath: '/cam1',
      latitude: -15.6014,
      longitude: -56.0979,
      municipalityIbge: CUIABA,
      heading: 45,
      fieldOfView: 90,
      mounting: 'pole',
      credentials: { username: CAMERA_USER, password: CAMERA_PASSWORD },
      ...fields,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

/** Runs the self-test; the camera password never appears in the answer. */
export async function runSelfTest(app: App, session: Session, id: string): Promise<CameraSelfTest> {
  const res = await app.inject({ method: 'POST', url: `/api/cameras/${id}/self-test`, headers: authHeaders(session) });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.body).not.toContain(CAMERA_PASSWORD);
  return res.json();
}

export const stepOf = (r: CameraSelfTest, key: string) => r.steps.find((x) => x.key === key)!;
