import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { roleLabels, roles, type Role, type RoleGrant } from '@vigia/contracts';
import type { Db } from '../../db/client.js';
import { users } from '../accounts/accounts.schema.js';
import { insertUser } from '../accounts/users.service.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import { partners } from '../partners/partners.schema.js';
import { securityRegions } from '../regions/regions.schema.js';

/** Password of every demo account (documented in the README; demo mode only). */
export const DEMO_PASSWORD = 'demonstracao-vigia';
export const demoEmail = (role: Role): string => `${role.replaceAll('_', '-')}@demo.vigiamais.local`;

/** Fictitious demo partners. CNPJs have valid check digits but belong to no one we know of. */
const demoPartners = [
  { key: 'coop', kind: 'cooperative', name: 'Cooperativa Demonstração do Norte', document: '11222333000181', municipalityIbge: '5107909' },
  { key: 'assoc', kind: 'association_or_council', name: 'Associação Comercial Demonstração', document: '11444777000161', municipalityIbge: '5103403' },
] as const;

/**
 * Seeds one user per role and two partners so a visitor can click through. Idempotent: skips when
 * the demo users exist. Operators, committee members, release authorities and administrators
 * still enrol an authenticator app at first sign-in (MFA is never bypassed, not even in demo).
 */
export async function seedDemo(db: Db, log: Logger): Promise<void> {
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail('partner_user'))).limit(1);
  if (existing.length > 0) return;
  const [cuiabaRegion] = await db.select().from(securityRegions).where(eq(securityRegions.seatIbge, '5103403')).limit(1);
  await db.transaction(async (tx) => {
    const actor = systemActor('demo-seed');
    const partnerIds: Record<string, string> = {};
    for (const p of demoPartners) {
      const [row] = await tx.insert(partners).values({ kind: p.kind, name: p.name, document: p.document, municipalityIbge: p.municipalityIbge }).returning({ id: partners.id });
      partnerIds[p.key] = row!.id;
      await recordAudit(tx, actor, { action: 'partner.created', targetType: 'partner', targetId: row!.id, data: { demo: true, name: p.name } });
    }
    for (const role of roles) {
      const grant: RoleGrant = { role, partnerId: null, municipalityIbge: null, securityRegionId: null, unit: null };
      if (role === 'partner_user' || role === 'integrator') grant.partnerId = partnerIds.coop ?? null;
      if (role === 'municipal_manager') grant.municipalityIbge = '5103403';
      if (role === 'risp_coordinator' || role === 'regional_operator') grant.securityRegionId = cuiabaRegion?.id ?? null;
      if (role === 'operator') grant.unit = 'military_police';
      await insertUser(tx, actor, { email: demoEmail(role), name: `Demonstração — ${roleLabels[role]}`, password: DEMO_PASSWORD, grants: [grant] });
    }
  });
  log.info({ users: roles.length, password: DEMO_PASSWORD }, 'demo data seeded (one user per role: <role>@demo.vigiamais.local)');
}
