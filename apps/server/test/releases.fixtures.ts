import { randomBytes, randomUUID } from 'node:crypto';
import type { Role, RoleGrant } from '@vigia/contracts';
import type { App } from '../src/app.js';
import { cameras, partners } from '../src/db/schema.js';
import { securityRegionMunicipalities, securityRegions } from '../src/db/tables/regions.js';
import { authHeaders, makeUser, type Session, signIn } from './helpers/app.js';
import type { TestDatabase } from './helpers/database.js';
import { makeStreamEligible } from './helpers/eligible-camera.js';

export const CUIABA = '5103403';
export const SINOP = '5107909';
export const PLACES = {
  cuiaba: { municipalityIbge: CUIABA, latitude: -15.6014, longitude: -56.0979 },
  sinop: { municipalityIbge: SINOP, latitude: -11.8604, longitude: -55.5091 },
};

/** Shared fixtures of the access & releases tests: partners, cameras and sessions written directly. */
export function releaseFixtures(ctx: { t: TestDatabase; app: App }) {
  let port = 30000 + Math.floor(Math.random() * 20000);
  const db = () => ctx.t.database.db;
  return {
    async partner(municipalityIbge = CUIABA): Promise<string> {
      const [p] = await db()
        .insert(partners)
        .values({
          kind: 'company',
          name: `Parceiro ${randomBytes(3).toString('hex')}`,
          document: randomBytes(7).toString('hex'),
          municipalityIbge,
        })
        .returning({ id: partners.id });
      return p!.id;
    },
    async camera(
      partnerId: string,
      place: keyof typeof PLACES | { municipalityIbge: string; latitude: number; longitude: number } = 'cuiaba',
      extra: { openToPublic?: boolean; name?: string; eligible?: boolean } = {},
    ): Promise<string> {
      const id = randomUUID();
      port += 2;
      const where = typeof place === 'string' ? PLACES[place] : place;
      await db()
        .insert(cameras)
        .values({
          id,
          partnerId,
          kind: 'partner_own',
          name: extra.name ?? `Câmera ${port}`,
          host: `cam-${port}.ddns.net`,
          rtspPort: port,
          httpPort: port + 1,
          rtspPath: '/stream',
          heading: 90,
          fieldOfView: 90,
          mounting: 'pole',
          openToPublic: extra.openToPublic ?? false,
          ...where,
        });
      // Eligible to stream (active term, authorised point) unless a test says otherwise; an open
      // camera also gets the committee's approval.
      if (extra.eligible !== false) await makeStreamEligible(ctx.t.database, id, { public: extra.openToPublic ?? false });
      return id;
    },
    async region(municipalities: string[]): Promise<string> {
      const [r] = await db()
        .insert(securityRegions)
        .values({ name: `RISP ${randomBytes(3).toString('hex')}`, seatIbge: municipalities[0]! })
        .returning();
      for (const m of municipalities) await db().insert(securityRegionMunicipalities).values({ regionId: r!.id, municipalityIbge: m });
      return r!.id;
    },
    async user(roles: Role[], scope: Partial<RoleGrant> = {}) {
      const u = await makeUser(ctx.t.database, roles, scope);
      const s = await signIn(ctx.app, u.email);
      return { ...u, session: s };
    },
    send(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
      return ctx.app.inject({ method, url, headers: authHeaders(s), ...(payload === undefined ? {} : { payload: payload as object }) });
    },
  };
}
