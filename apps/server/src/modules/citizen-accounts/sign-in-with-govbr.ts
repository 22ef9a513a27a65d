import { eq, lt } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { citizenSignIns, citizens } from '../../db/tables/citizen.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { createCitizenSession } from './citizen-session.service.js';
import { finishAuthorization, type GovbrConfig, startAuthorization } from './govbr-client.js';

const SIGN_IN_TTL_MS = 10 * 60_000;

/** Only a path of this site (no scheme, no "//host") may be the page shown after sign-in. */
export const safeReturnTo = (value: string | undefined): string => (value && /^\/(?![/\\])[\w\-./?=&%]*$/.test(value) ? value : '/cidadao');

export function govbrConfigOf(config: Config): GovbrConfig {
  if (!config.citizen.govbr) throw new AppError('CITIZEN_SIGN_IN_UNAVAILABLE');
  return config.citizen.govbr;
}

/** Step 1: remembers state, nonce and PKCE verifier (single use) and answers the gov.br URL. */
export async function startCitizenSignIn(db: Db, clock: Clock, config: Config, returnTo: string | undefined): Promise<string> {
  const start = await startAuthorization(govbrConfigOf(config));
  const now = clock.now();
  await db.delete(citizenSignIns).where(lt(citizenSignIns.expiresAt, now));
  await db.insert(citizenSignIns).values({
    state: start.state,
    nonce: start.nonce,
    codeVerifier: start.codeVerifier,
    returnTo: safeReturnTo(returnTo),
    expiresAt: new Date(now.getTime() + SIGN_IN_TTL_MS),
  });
  return start.url;
}

/**
 * Step 2 (gov.br redirects back): the `state` is spent, the code exchanged, the CPF, name, e-mail
 * and reliability level read; the citizen is created or updated and a citizen session opened.
 */
export async function finishCitizenSignIn(
  db: Db,
  clock: Clock,
  config: Config,
  actor: AuditActor,
  callback: { state: string | undefined; query: string },
): Promise<{ token: string; returnTo: string }> {
  const cfg = govbrConfigOf(config);
  if (!callback.state) throw new AppError('GOVBR_SIGN_IN_FAILED');
  const [pending] = await db.delete(citizenSignIns).where(eq(citizenSignIns.state, callback.state)).returning();
  if (!pending || pending.expiresAt.getTime() <= clock.now().getTime()) throw new AppError('GOVBR_SIGN_IN_FAILED');
  const identity = await finishAuthorization(cfg, callback.query, pending);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const [citizen] = await tx
      .insert(citizens)
      .values({
        cpf: identity.cpf,
        name: identity.name,
        email: identity.email,
        level: identity.level,
        levelCheckedAt: now,
        lastSignInAt: now,
      })
      .onConflictDoUpdate({
        target: citizens.cpf,
        set: { name: identity.name, email: identity.email, level: identity.level, levelCheckedAt: now, lastSignInAt: now },
      })
      .returning();
    const { token } = await createCitizenSession(tx, clock, config.citizen, citizen!.id);
    await recordAudit(
      tx,
      { ...actor, label: 'cidadão (gov.br)' },
      {
        action: 'citizen.signed_in',
        targetType: 'citizen',
        targetId: citizen!.id,
        data: { level: identity.level },
      },
    );
    return { token, returnTo: pending.returnTo };
  });
}
