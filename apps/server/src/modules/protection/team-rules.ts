import type { TeamRuleSet } from '@vigia/contracts';
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import type { MissionVehicle } from '../../db/tables/protection.js';
import { protectionTeamRuleSets } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { functionsOf, requireFunction } from './functions.js';

export type TeamRuleSetRow = typeof protectionTeamRuleSets.$inferSelect;

export async function currentTeamRules(db: Queryable): Promise<TeamRuleSetRow | undefined> {
  const [row] = await db.select().from(protectionTeamRuleSets).orderBy(desc(protectionTeamRuleSets.version)).limit(1);
  return row;
}

export async function teamRulesVersion(db: Queryable, version: number): Promise<TeamRuleSetRow | undefined> {
  const [row] = await db.select().from(protectionTeamRuleSets).where(eq(protectionTeamRuleSets.version, version)).limit(1);
  return row;
}

/** Art. 15–16: CORE publishes a new version of the level → team rule set (Annex I is not public); old versions stay. */
export async function publishTeamRules(deps: ProtectionDeps, who: Acting, rules: TeamRuleSet): Promise<TeamRuleSetRow> {
  requireFunction(await functionsOf(deps.db, who.auth.user.id), 'core_coordination');
  const levels = rules.levels.map((l) => l.level).sort();
  if (levels.join() !== '1,2,3,4') throw new AppError('VALIDATION_FAILED', 'Defina cada nível de 1 a 4 uma única vez.');
  return deps.db.transaction(async (tx) => {
    const version = ((await currentTeamRules(tx))?.version ?? 0) + 1;
    const [row] = await tx.insert(protectionTeamRuleSets).values({ version, rules, publishedBy: who.auth.user.id }).returning();
    await recordAudit(tx, who.actor, {
      action: 'protection.team_rules.published',
      targetType: 'protection_team_rule_set',
      data: { version },
    });
    return row!;
  });
}

/**
 * Art. 19–20: what the team of a mission lacks against its level's rule, in pt-BR — shown before
 * the mission starts, and the start refuses while any remains.
 */
export function teamShortfalls(
  level: number | null,
  rules: TeamRuleSet | undefined,
  presentOfficers: number,
  vehicles: MissionVehicle[],
): string[] {
  if (level === null) return ['Nível de proteção ainda não definido (art. 12).'];
  const rule = rules?.levels.find((l) => l.level === level);
  if (!rule) return ['Nenhum conjunto de regras de composição de equipe publicado (arts. 15 e 16).'];
  const out: string[] = [];
  if (presentOfficers < rule.officers)
    out.push(`Nível ${level} exige ${rule.officers} policiais; ${presentOfficers} apresentado(s) (art. 19).`);
  const own = vehicles.filter((v) => v.kind === 'authority_own');
  if (own.length && !rule.ownVehicleAllowed)
    out.push(`Nível ${level} não permite o deslocamento da autoridade em veículo próprio (art. 20, § 2º).`);
  const team = vehicles.filter((v) => v.kind !== 'authority_own');
  if (team.length < rule.vehicles) out.push(`Nível ${level} exige ${rule.vehicles} viatura(s); ${team.length} designada(s).`);
  const armoured = team.filter((v) => v.armoured).length;
  if (armoured < rule.armouredVehicles)
    out.push(`Nível ${level} exige ${rule.armouredVehicles} viatura(s) blindada(s); ${armoured} designada(s) (art. 20, § 1º).`);
  return out;
}
