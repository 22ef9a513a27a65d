import { type Role, type RoleGrant, roleLabels, roles } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { users } from '../../db/tables/accounts.js';
import { applications, cooperationTerms } from '../../db/tables/accreditation.js';
import { equipmentAssetEvents, equipmentAssets } from '../../db/tables/loans.js';
import { integratorAuthorisations, partners } from '../../db/tables/partners.js';
import { securityRegions } from '../../db/tables/regions.js';
import { sanctionProcesses } from '../../db/tables/sanctions.js';
import { insertUser } from '../accounts/users.service.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import { addBusinessDays, isBusinessDay, nextBusinessDay } from '../calendar/business-days.js';
import { type Clock, todayOn } from '../calendar/clock.js';
import { CUIABA_IBGE } from '../reference/municipalities.js';
import { defenceDueOn } from '../sanctions/sanctions.service.js';
import { authoriseDemoProject } from './demo-camera-points.js';
import { ensureCitizenDemo } from './demo-citizens.js';
import { ensureLookupsDemo } from './demo-lookups.js';
import { ensureSecurityUnitsDemo } from './demo-security-units.js';

/** Password of every demo account (documented in the README; demo mode only). */
export const DEMO_PASSWORD = 'demonstracao-vigia';
export const demoEmail = (role: Role): string => `${role.replaceAll('_', '-')}@demo.vigiamais.local`;

/** Fictitious demo partners. CNPJs have valid check digits but belong to no one we know of. */
const demoPartners = [
  { key: 'coop', kind: 'cooperative', name: 'Cooperativa Demonstração do Norte', document: '11222333000181', municipalityIbge: '5107909' },
  {
    key: 'assoc',
    kind: 'association_or_council',
    name: 'Associação Comercial Demonstração',
    document: '11444777000161',
    municipalityIbge: '5103403',
  },
] as const;

/**
 * Seeds one user per role and two partners so a visitor can click through. Idempotent: skips when
 * the demo users exist. Operators, committee members, release authorities and administrators
 * still enrol an authenticator app at first sign-in (MFA is never bypassed, not even in demo).
 */
export async function seedDemo(db: Db, log: Logger, clock: Clock): Promise<void> {
  await ensureCitizenDemo(db);
  await ensureSecurityUnitsDemo(db);
  await ensureLookupsDemo(db);
  const existing = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail('partner_user')))
    .limit(1);
  if (existing.length > 0) {
    await ensureIntegratorAuthorisation(db);
    return ensureObligationsDemo(db, clock);
  }
  const [cuiabaRegion] = await db.select().from(securityRegions).where(eq(securityRegions.seatIbge, '5103403')).limit(1);
  await db.transaction(async (tx) => {
    const actor = systemActor('demo-seed');
    const partnerIds: Record<string, string> = {};
    for (const p of demoPartners) {
      const [row] = await tx
        .insert(partners)
        .values({ kind: p.kind, name: p.name, document: p.document, municipalityIbge: p.municipalityIbge })
        .returning({ id: partners.id });
      partnerIds[p.key] = row!.id;
      await recordAudit(tx, actor, {
        action: 'partner.created',
        targetType: 'partner',
        targetId: row!.id,
        data: { demo: true, name: p.name },
      });
    }
    for (const role of roles) {
      const grant: RoleGrant = { role, partnerId: null, municipalityIbge: null, securityRegionId: null, unit: null };
      if (role === 'partner_user' || role === 'integrator') grant.partnerId = partnerIds.coop ?? null;
      if (role === 'municipal_manager') grant.municipalityIbge = '5103403';
      if (role === 'risp_coordinator' || role === 'regional_operator') grant.securityRegionId = cuiabaRegion?.id ?? null;
      if (role === 'operator') grant.unit = 'military_police';
      await insertUser(tx, actor, {
        email: demoEmail(role),
        name: `Demonstração — ${roleLabels[role]}`,
        password: DEMO_PASSWORD,
        grants: [grant],
      });
    }
  });
  await ensureIntegratorAuthorisation(db);
  await ensureObligationsDemo(db, clock);
  log.info({ users: roles.length, password: DEMO_PASSWORD }, 'demo data seeded (one user per role: <role>@demo.vigiamais.local)');
}

/**
 * Art. 15: the demo cooperative authorises the demo integrator for a year, so the integrator can
 * prepare its applications. Idempotent (added to databases seeded before the authorisation model).
 */
async function ensureIntegratorAuthorisation(db: Db): Promise<void> {
  const [integrator] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail('integrator')))
    .limit(1);
  const [coop] = await db.select({ id: partners.id }).from(partners).where(eq(partners.document, demoPartners[0].document)).limit(1);
  const [partnerUser] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail('partner_user')))
    .limit(1);
  if (!integrator || !coop || !partnerUser) return;
  const [already] = await db
    .select({ id: integratorAuthorisations.id })
    .from(integratorAuthorisations)
    .where(eq(integratorAuthorisations.integratorUserId, integrator.id))
    .limit(1);
  if (already) return;
  await db.transaction(async (tx) => {
    const validUntil = new Date(Date.now() + 365 * 24 * 3600 * 1000);
    const [row] = await tx
      .insert(integratorAuthorisations)
      .values({ partnerId: coop.id, integratorUserId: integrator.id, validUntil, grantedBy: partnerUser.id })
      .returning({ id: integratorAuthorisations.id });
    await recordAudit(tx, systemActor('demo-seed'), {
      action: 'integrator_authorisation.granted',
      targetType: 'partner',
      targetId: coop.id,
      data: { demo: true, authorisationId: row!.id, integratorUserId: integrator.id },
    });
  });
}

/** Demo stock of state cameras (Art. 17): visitors can lend them to the demo cooperative. */
const demoAssets = Array.from({ length: 6 }, (_, i) => ({
  model: i % 2 ? 'Câmera speed dome 2MP (demonstração)' : 'Câmera bullet 4MP (demonstração)',
  serial: `DEMO-SN-${String(i + 1).padStart(4, '0')}`,
  assetTag: `DEMO-PAT-${String(i + 1).padStart(4, '0')}`,
  warrantyEndsOn: '2030-12-31',
}));

/**
 * Obligations demo (Art. 17–19, 28–30): an active cooperation term of the demo cooperative (the
 * accreditation flow is skipped) and a few assets in stock, so a visitor can try a loan, an
 * incident, an accountability report, an inspection and a sanction process. Idempotent: the term is
 * created once (number DEMO-TCT-0001) and each asset once (by serial).
 */
async function ensureObligationsDemo(db: Db, clock: Clock): Promise<void> {
  const [coop] = await db.select({ id: partners.id }).from(partners).where(eq(partners.document, demoPartners[0].document)).limit(1);
  const [partnerUser] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail('partner_user')))
    .limit(1);
  if (!coop || !partnerUser) return;
  const actor = systemActor('demo-seed');
  const [term] = await db
    .select({ id: cooperationTerms.id })
    .from(cooperationTerms)
    .where(eq(cooperationTerms.number, 'DEMO-TCT-0001'))
    .limit(1);
  if (!term) {
    await db.transaction(async (tx) => {
      const [app] = await tx
        .insert(applications)
        .values({
          number: 'DEMO-HAB-0001',
          partnerId: coop.id,
          status: 'homologated',
          propertyOwnership: 'own',
          createdBy: partnerUser.id,
          homologatedAt: new Date(),
        })
        .returning({ id: applications.id });
      const signedOn = new Date(Date.now() - 4 * 3_600_000).toISOString().slice(0, 10);
      const [t] = await tx
        .insert(cooperationTerms)
        .values({ number: 'DEMO-TCT-0001', partnerId: coop.id, applicationId: app!.id, kind: 'direct', status: 'active', signedOn })
        .returning({ id: cooperationTerms.id });
      await recordAudit(tx, actor, {
        action: 'cooperation_term.signed',
        targetType: 'cooperation_term',
        targetId: t!.id,
        data: { demo: true, number: 'DEMO-TCT-0001' },
      });
    });
  }
  for (const a of demoAssets) {
    const [already] = await db
      .select({ id: equipmentAssets.id })
      .from(equipmentAssets)
      .where(eq(equipmentAssets.serial, a.serial))
      .limit(1);
    if (already) continue;
    await db.transaction(async (tx) => {
      const [row] = await tx.insert(equipmentAssets).values(a).returning({ id: equipmentAssets.id });
      await tx
        .insert(equipmentAssetEvents)
        .values({ assetId: row!.id, fromStatus: null, toStatus: 'in_stock', note: 'Cadastro no patrimônio (demonstração)', actorId: null });
      await recordAudit(tx, actor, {
        action: 'equipment_asset.created',
        targetType: 'equipment_asset',
        targetId: row!.id,
        data: { demo: true, serial: a.serial },
      });
    });
  }
  await db.transaction((tx) => authoriseDemoProject(tx, coop.id));
  await ensureSanctionDeadlineDemo(db, clock, coop.id);
}

/**
 * Two sanction processes of the demo cooperative notified in the past (Art. 30 §1), so the defence
 * deadline can be seen from both sides without moving any clock: DEMO-SAN-0001 received 10 business
 * days before the seeding day (its deadline ends that day, or on the next business day when the
 * seeding day is not one — defence open) and DEMO-SAN-0002 received one business day earlier (its
 * deadline ended on the last business day before the seeding day — defence refused as late).
 * Received on the day they were notified (through the portal), as the service does by default.
 * Idempotent by number; the dates are those of the first seeding. No notification act is issued.
 */
async function ensureSanctionDeadlineDemo(db: Db, clock: Clock, partnerId: string): Promise<void> {
  const [term] = await db
    .select({ id: cooperationTerms.id })
    .from(cooperationTerms)
    .where(eq(cooperationTerms.number, 'DEMO-TCT-0001'))
    .limit(1);
  const [committee] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail('committee_member')))
    .limit(1);
  if (!term || !committee) return;
  const scope = { municipalityIbge: CUIABA_IBGE };
  const day = todayOn(clock);
  const lastOpenDay = isBusinessDay(day, scope) ? day : nextBusinessDay(day, scope); // one business day earlier is the last one before `day`
  const processes = [
    {
      number: 'DEMO-SAN-0001',
      receivedOn: addBusinessDays(lastOpenDay, -10, scope),
      facts: 'Demonstração — câmera cedida sem imagens na plataforma há 15 dias (prazo de defesa terminando).',
    },
    {
      number: 'DEMO-SAN-0002',
      receivedOn: addBusinessDays(lastOpenDay, -11, scope),
      facts: 'Demonstração — placa do programa ausente no local (prazo de defesa encerrado).',
    },
  ];
  const actor = systemActor('demo-seed');
  for (const p of processes) {
    const [already] = await db
      .select({ id: sanctionProcesses.id })
      .from(sanctionProcesses)
      .where(eq(sanctionProcesses.number, p.number))
      .limit(1);
    if (already) continue;
    await db.transaction(async (tx) => {
      const due = defenceDueOn(p.receivedOn);
      const [row] = await tx
        .insert(sanctionProcesses)
        .values({
          number: p.number,
          partnerId,
          termId: term.id,
          facts: p.facts,
          notifiedAt: new Date(`${p.receivedOn}T16:00:00Z`),
          receivedOn: p.receivedOn,
          defenceDueOn: due,
          createdBy: committee.id,
        })
        .returning({ id: sanctionProcesses.id });
      await recordAudit(tx, actor, {
        action: 'sanction.notified',
        targetType: 'sanction_process',
        targetId: row!.id,
        data: { demo: true, number: p.number, receivedOn: p.receivedOn, defenceDueOn: due },
      });
    });
  }
}
