import type { ProtectionFunction } from '@vigia/contracts';
import { expect } from 'vitest';
import type { App } from '../src/app.js';
import { api, staff } from './accreditation.fixtures.js';
import { makeUser, type Session, signIn } from './helpers/app.js';
import type { TestDatabase } from './helpers/database.js';

/** Fixtures of the protection tests (Resolução 121/2025/CSPJC-MT): people, bodies and the flow up to each step. */
export const P = '/api/protection';

export interface Person {
  session: Session;
  email: string;
}

export async function protectionPerson(app: App, t: TestDatabase, admin: Session, functions: ProtectionFunction[]): Promise<Person> {
  const u = await makeUser(t.database, ['protection_staff']);
  if (functions.length) {
    const res = await api(app, admin).put(`${P}/functions`, { email: u.email, functions });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { session: await signIn(app, u.email), email: u.email };
}

export async function protectionCast(app: App, t: TestDatabase) {
  const admin = await staff(app, t.database, ['admin']);
  const person = (fns: ProtectionFunction[]) => protectionPerson(app, t, admin, fns);
  return {
    admin,
    requester: await person(['requester']),
    intel: await person(['intelligence']),
    dg: await person(['director_general']),
    coord: await person(['core_coordination']),
    coreIntel: await person(['core_intelligence']),
    coreOfficer: await person([]),
    otherOfficer: await person([]),
    superior: await person([]),
    bystander: await person([]),
    person,
  };
}
export type Cast = Awaited<ReturnType<typeof protectionCast>>;

export const requestBody = (over: Record<string, unknown> = {}) => ({
  codeName: 'FALCÃO',
  requestingUnit: 'Delegacia Especializada de Roubos e Furtos de Cuiabá',
  protectee: { name: 'Maria da Silva', office: 'Delegada de Polícia', category: 'art4_threatened_servant', familyMemberOf: null },
  coveredByWitnessProtection: false,
  directorGeneralOrder: null,
  origin: 'on_request',
  reasons: 'Ameaças recebidas após a prisão de líderes de facção.',
  periodStart: '2030-03-10',
  periodEnd: '2030-03-20',
  ...over,
});

export const assessmentBody = {
  factors: [
    {
      factor: 'Ameaça declarada',
      judgement: 'present',
      reasoning: 'Mensagens com ameaça de morte interceptadas.',
      sources: 'Relatório de inteligência 12/2030',
    },
    {
      factor: 'Capacidade do agressor',
      judgement: 'present',
      reasoning: 'Facção com histórico de atentados a agentes.',
      sources: 'Banco de dados da DI',
    },
  ],
  threatHistory: 'Duas ameaças registradas em 2029.',
  threatExists: true,
  grade: 'high',
  conclusion: 'Ameaça real e concreta; recomenda-se proteção temporária.',
};

export const levelBody = (level = 3) => ({
  level,
  criteria: {
    office: 'Delegada titular de especializada com exposição pública.',
    environment: 'Fórum e residência em bairro de alta vulnerabilidade.',
    visitReasons: 'Audiências de instrução do processo contra a facção.',
    publicLife: 'Entrevistas frequentes à imprensa sobre a operação.',
    violenceHistory: 'Ameaças de morte declaradas em 2029 e 2030.',
  },
});

export const teamRules = {
  levels: [1, 2, 3, 4].map((level) => ({
    level,
    officers: level === 3 ? 2 : level,
    vehicles: level === 1 ? 0 : level - 1,
    armouredVehicles: level >= 3 ? level - 2 : 0,
    ownVehicleAllowed: level <= 2,
    note: 'Regra de teste',
  })),
};

/** A route through central Cuiabá: Palácio Paiaguás → Fórum, with an alternate leg and the venue. */
export const cuiabaRoute = {
  legs: [
    {
      name: 'Paiaguás → Av. Rubens de Mendonça',
      alternate: false,
      points: [
        [-15.5687, -56.0747],
        [-15.585, -56.086],
        [-15.596, -56.095],
      ],
    },
    {
      name: 'Alternativa pela Av. do CPA',
      alternate: true,
      points: [
        [-15.5687, -56.0747],
        [-15.58, -56.07],
        [-15.596, -56.095],
      ],
    },
  ],
  venues: [{ name: 'Fórum de Cuiabá', kind: 'venue', point: [-15.601, -56.098] }],
};

const filled = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, `Conteúdo de ${k} para a missão.`]));
export const completePlan = (route = cuiabaRoute) => ({
  definition: filled(['objectives', 'teamFunctions', 'itinerary', 'schedule', 'datesAndPlaces', 'transport', 'extraSupport']),
  situational: filled(['routeConditions', 'publicProfile', 'expectedDemonstrations', 'otherRisks']),
  measures: filled(['communications', 'vehicleInspection', 'weaponsCheck', 'briefing', 'postMissionReport']),
  route,
  cameraDistanceMeters: 200,
});

export const vehicles = [
  { plate: 'QBA1A23', armoured: true, soundAndLightSignals: true, kind: 'team', drivenByTeam: true },
  { plate: 'QBA1B24', armoured: false, soundAndLightSignals: true, kind: 'team', drivenByTeam: true },
];

export const checklistBody = (over: Record<string, unknown> = {}) => ({
  equipment: {
    concealedVest: 'CV-1001',
    pistol9mm: 'P9-2002',
    radio: 'RD-3003',
    metalDetector: 'MD-4004',
    ocSpray: 'OC-5005',
    neuromuscularDevice: 'NI-6006',
  },
  spareMagazines: 2,
  others: [],
  uniform: 'special_uniform',
  uniformAuthorisedBy: null,
  ...over,
});

export const otherUnitConvocation = (c: Cast) => ({
  officerEmail: c.otherOfficer.email,
  superiorEmail: c.superior.email,
  unit: 'GCCO — Gerência de Combate ao Crime Organizado',
  coreOfficer: false,
  authorityProtectionCourse: false,
  justification: 'Conhecimento da região e do grupo criminoso que originou a ameaça.',
  trainingValidatedByCore: true,
  role: 'Segurança aproximada',
});
export const coreConvocation = (c: Cast) => ({
  officerEmail: c.coreOfficer.email,
  superiorEmail: null,
  unit: 'CORE',
  coreOfficer: true,
  authorityProtectionCourse: true,
  justification: null,
  trainingValidatedByCore: false,
  role: 'Chefe de equipe',
});

/** Drives a mission through the API up to a step: 'requested' | 'assessed' | 'planning' | 'ready' (plan issued, team ready). */
export async function missionAt(
  app: App,
  c: Cast,
  step: 'requested' | 'assessed' | 'planning' | 'ready',
  over: Record<string, unknown> = {},
): Promise<string> {
  const created = await api(app, c.requester.session).post(`${P}/missions`, requestBody(over));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const ok = async (p: ReturnType<ReturnType<typeof api>['post']>) => {
    const r = await p;
    expect(r.statusCode, r.body).toBe(200);
    return r;
  };
  if (step === 'requested') return id;
  await ok(api(app, c.intel.session).post(`${P}/missions/${id}/assessment`, assessmentBody));
  if (step === 'assessed') return id;
  await ok(
    api(app, c.dg.session).post(`${P}/missions/${id}/activation`, { activate: true, reasons: 'Ameaça concreta confirmada pela DI.' }),
  );
  if (step === 'planning') return id;
  const co = api(app, c.coord.session);
  await ok(co.post(`${P}/missions/${id}/level`, levelBody(3)));
  await ok(co.put(`${P}/missions/${id}/vehicles`, { vehicles }));
  await ok(co.put(`${P}/missions/${id}/plan`, completePlan()));
  await ok(co.post(`${P}/missions/${id}/plan/issue`, {}));
  await ok(co.post(`${P}/missions/${id}/convocations`, coreConvocation(c)));
  const d = (await ok(co.post(`${P}/missions/${id}/convocations`, otherUnitConvocation(c)))).json() as {
    convocations: { id: string; officer: string; coreOfficer: boolean }[];
  };
  const core = d.convocations.find((x) => x.coreOfficer)!;
  const other = d.convocations.find((x) => !x.coreOfficer)!;
  await ok(api(app, c.superior.session).post(`${P}/missions/${id}/convocations/${other.id}/acknowledge`, {}));
  for (const [who, conv] of [
    [c.coreOfficer, core],
    [c.otherOfficer, other],
  ] as const) {
    await ok(api(app, who.session).post(`${P}/missions/${id}/convocations/${conv.id}/present`, {}));
    await ok(api(app, who.session).post(`${P}/missions/${id}/convocations/${conv.id}/checklist`, checklistBody()));
  }
  return id;
}
