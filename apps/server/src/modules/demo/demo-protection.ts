import { actionPlanSchema, type ProtectionFunction, roleLabels } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { users } from '../../db/tables/accounts.js';
import { protectionFunctionGrants, protectionReferencePlaces } from '../../db/tables/protection.js';
import type { AuthContext } from '../../http/context.js';
import { insertUser } from '../accounts/users.service.js';
import { systemActor } from '../audit/audit.service.js';
import { todayOn } from '../calendar/clock.js';
import { addDays } from '../calendar/local-date.js';
import { assessThreat } from '../protection/assess-threat.js';
import { signChecklist } from '../protection/briefing-checklist.js';
import { acknowledgeConvocation, convokeOfficer, presentForDuty } from '../protection/convocations.js';
import { decideActivation } from '../protection/decide-activation.js';
import { decideLevel } from '../protection/decide-level.js';
import type { Acting, ProtectionDeps } from '../protection/deps.js';
import { addLogEntry, closeMission, startMission, submitReport } from '../protection/execution.js';
import { issuePlan, savePlan, setVehicles } from '../protection/plan-mission.js';
import { requestProtection } from '../protection/request-protection.js';
import { publishTeamRules } from '../protection/team-rules.js';
import { DEMO_PASSWORD, demoEmail } from './demo.seed.js';

/** Demo people of the protection module: `protection-<function>@demo.vigiamais.local`, all with the protection_staff role. */
const people = {
  requester: ['requester'],
  intelligence: ['intelligence'],
  'director-general': ['director_general'],
  'core-coordination': ['core_coordination'],
  'core-intelligence': ['core_intelligence'],
  'core-officer': [],
  'unit-officer': [],
  superior: [],
} satisfies Record<string, ProtectionFunction[]>;
type Who = keyof typeof people;
export const protectionDemoEmail = (who: Who) => `protection-${who}@demo.vigiamais.local`;

const acting = (user: typeof users.$inferSelect): Acting => ({
  auth: { user, roles: ['protection_staff'], grants: [], session: {} } as unknown as AuthContext,
  actor: { id: user.id, label: user.email, origin: 'demo-seed' },
});

const text = (keys: string[], what: string) => Object.fromEntries(keys.map((k) => [k, `${what}: ${k} (demonstração).`]));
/** Along the demo cameras' diagonal in central Cuiabá (camera k at -15.601 + 0.002k, -56.097 − 0.002k; see demo-cameras.ts). */
const route = {
  legs: [
    {
      name: 'Av. Historiador Rubens de Mendonça → Fórum',
      alternate: false,
      points: [
        [-15.605, -56.093],
        [-15.601, -56.097],
        [-15.583, -56.115],
      ] as [number, number][],
    },
    {
      name: 'Alternativa pela Av. Tenente-Coronel Duarte',
      alternate: true,
      points: [
        [-15.591, -56.087],
        [-15.6, -56.085],
        [-15.621, -56.117],
      ] as [number, number][],
    },
  ],
  venues: [{ name: 'Fórum de Cuiabá', kind: 'venue' as const, point: [-15.601, -56.098] as [number, number] }],
};
const plan = actionPlanSchema.parse({
  definition: text(['objectives', 'teamFunctions', 'itinerary', 'schedule', 'datesAndPlaces', 'transport', 'extraSupport'], 'Definição'),
  situational: text(['routeConditions', 'publicProfile', 'expectedDemonstrations', 'otherRisks'], 'Estudo'),
  measures: text(['communications', 'vehicleInspection', 'weaponsCheck', 'briefing', 'postMissionReport'], 'Medida'),
  route,
  cameraDistanceMeters: 150,
});
const equipment = {
  concealedVest: 'CV-D1',
  pistol9mm: 'P9-D2',
  radio: 'RD-D3',
  metalDetector: 'MD-D4',
  ocSpray: 'OC-D5',
  neuromuscularDevice: 'NI-D6',
};

/**
 * Demo data of the protection module (idempotent): its people, a team rule set, one mission in
 * planning and one closed — both created through the module's own use cases, so every act exists.
 */
export async function seedProtectionDemo(deps: ProtectionDeps, log: Logger): Promise<void> {
  const [seeded] = await deps.db
    .select()
    .from(users)
    .where(eq(users.email, protectionDemoEmail('requester')))
    .limit(1);
  if (seeded) return;
  const u = {} as Record<Who, Acting>;
  await deps.db.transaction(async (tx) => {
    for (const [who, fns] of Object.entries(people) as [Who, ProtectionFunction[]][]) {
      const user = await insertUser(tx, systemActor('demo-seed'), {
        email: protectionDemoEmail(who),
        name: `Demonstração — ${roleLabels.protection_staff} (${who})`,
        password: DEMO_PASSWORD,
        grants: [{ role: 'protection_staff', partnerId: null, municipalityIbge: null, securityRegionId: null, unit: null }],
      });
      if (fns.length) await tx.insert(protectionFunctionGrants).values(fns.map((f) => ({ userId: user.id, function: f })));
      u[who] = acting(user);
    }
    const [staff] = await tx
      .select()
      .from(users)
      .where(eq(users.email, demoEmail('protection_staff')))
      .limit(1);
    if (staff) await tx.insert(protectionFunctionGrants).values({ userId: staff.id, function: 'core_coordination' }).onConflictDoNothing();
  });
  await publishTeamRules(deps, u['core-coordination'], {
    levels: [1, 2, 3, 4].map((level) => ({
      level,
      officers: level,
      vehicles: Math.max(level - 1, 0),
      armouredVehicles: Math.max(level - 2, 0),
      ownVehicleAllowed: level <= 2,
      note: 'Demonstração — o Anexo I não é público: configure a composição real.',
    })),
  });
  // Illustrative support units near the demo route — NOT real units (the platform ships the list empty).
  const illustrative = 'Dado ilustrativo da demonstração — não é uma unidade real';
  await deps.db.insert(protectionReferencePlaces).values(
    (
      [
        ['hospital', 'Hospital de demonstração (ilustrativo)', -15.6035, -56.0925],
        ['police', 'Delegacia de demonstração (ilustrativa)', -15.5995, -56.1005],
        ['fire', 'Quartel de bombeiros de demonstração (ilustrativo)', -15.592, -56.1075],
      ] as const
    ).map(([kind, name, latitude, longitude]) => ({
      kind,
      name,
      address: 'Endereço fictício de demonstração',
      municipality: 'Cuiabá',
      phone: null,
      latitude,
      longitude,
      source: illustrative,
      illustrative: true,
    })),
  );
  const today = todayOn(deps.clock);
  const planned = await missionToPlanning(deps, u, 'ÁGUIA', addDays(today, 5), addDays(today, 8));
  await savePlan(deps, u['core-coordination'], planned, plan);
  const closed = await missionToPlanning(deps, u, 'CORUJA', addDays(today, -10), addDays(today, -8));
  const coord = u['core-coordination'];
  await setVehicles(deps, coord, closed, [
    { plate: 'QBD1E23', armoured: false, soundAndLightSignals: true, kind: 'team', drivenByTeam: true },
  ]);
  await savePlan(deps, coord, closed, plan);
  await issuePlan(deps, coord, closed);
  const convoke = (who: Who, core: boolean) =>
    convokeOfficer(deps, coord, closed, {
      officerEmail: protectionDemoEmail(who),
      superiorEmail: core ? null : protectionDemoEmail('superior'),
      unit: core ? 'CORE' : 'Delegacia de Homicídios e Proteção à Pessoa',
      coreOfficer: core,
      authorityProtectionCourse: core,
      justification: core ? null : 'Conhecimento das ameaças investigadas pela unidade (demonstração).',
      trainingValidatedByCore: !core,
      role: core ? 'Chefe de equipe' : 'Segurança aproximada',
    });
  const coreId = await convoke('core-officer', true);
  const unitId = await convoke('unit-officer', false);
  await acknowledgeConvocation(deps, u.superior, closed, unitId);
  for (const [who, id] of [
    ['core-officer', coreId],
    ['unit-officer', unitId],
  ] as const) {
    await presentForDuty(deps, u[who], closed, id);
    await signChecklist(deps, u[who], closed, id, {
      equipment,
      spareMagazines: 2,
      others: [],
      uniform: 'special_uniform',
      uniformAuthorisedBy: null,
    });
  }
  await startMission(deps, coord, closed);
  await addLogEntry(deps, u['core-officer'], closed, { kind: 'observation', text: 'Deslocamento sem alterações (demonstração).' });
  await submitReport(deps, coord, closed, 'Missão cumprida sem incidentes; autoridade conduzida ao Fórum e de volta (demonstração).');
  await closeMission(deps, coord, closed, 'Relatório aprovado (demonstração).');
  log.info({ users: Object.keys(people).length }, 'protection demo seeded (protection-<function>@demo.vigiamais.local)');
}

async function missionToPlanning(
  deps: ProtectionDeps,
  u: Record<Who, Acting>,
  codeName: string,
  start: string,
  end: string,
): Promise<string> {
  const { id } = await requestProtection(deps, u.requester, {
    codeName,
    requestingUnit: 'Delegacia Especializada de Repressão a Entorpecentes (demonstração)',
    protectee: {
      name: 'Autoridade fictícia de demonstração',
      office: 'Delegado(a) de Polícia',
      category: 'art4_threatened_servant',
      familyMemberOf: null,
    },
    coveredByWitnessProtection: false,
    directorGeneralOrder: null,
    origin: 'on_request',
    reasons: 'Ameaças fictícias para demonstração do módulo.',
    periodStart: start,
    periodEnd: end,
  });
  await assessThreat(deps, u.intelligence, id, {
    factors: [
      {
        factor: 'Ameaça declarada',
        judgement: 'present',
        reasoning: 'Mensagens fictícias de ameaça (demonstração).',
        sources: 'Relatório fictício da DI',
      },
    ],
    threatHistory: 'Sem histórico anterior (demonstração).',
    threatExists: true,
    grade: 'moderate',
    conclusion: 'Ameaça concreta de grau moderado (demonstração).',
  });
  await decideActivation(deps, u['director-general'], id, { activate: true, reasons: 'Ameaça confirmada pela DI (demonstração).' });
  await decideLevel(deps, u['core-coordination'], id, {
    level: 2,
    criteria: {
      office: 'Delegado(a) titular de especializada (demonstração).',
      environment: 'Fórum no centro de Cuiabá, vulnerabilidade média.',
      visitReasons: 'Audiência de instrução (demonstração).',
      publicLife: 'Exposição moderada na imprensa (demonstração).',
      violenceHistory: 'Ameaças declaradas recentes (demonstração).',
    },
  });
  return id;
}
