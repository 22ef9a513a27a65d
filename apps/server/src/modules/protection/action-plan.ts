import { type ActionPlan, planFieldLabels, planParts } from '@vigia/contracts';
import type { ActBlock } from '../documents/act-content.js';
import type { RouteStretch } from './cameras-along-route.js';
import { type SupportStretch, supportLine } from './reference-places.js';

const PART_TITLES = {
  definition: 'I — Definição da missão',
  situational: 'II — Estudo situacional',
  measures: 'III — Medidas operacionais e administrativas',
} as const;

/** Art. 18: every element of the three parts must be written (and the itinerary drawn) before the plan is issued. */
export function planGaps(plan: ActionPlan | null): { path: string; message: string }[] {
  if (!plan) return [{ path: 'plan', message: 'O plano de ação ainda não foi elaborado (art. 18).' }];
  const gaps: { path: string; message: string }[] = [];
  for (const part of Object.keys(planParts) as (keyof typeof planParts)[]) {
    for (const field of planParts[part]) {
      if ((plan[part] as Record<string, string>)[field]!.length < 3)
        gaps.push({ path: `${part}.${field}`, message: `${PART_TITLES[part]}: falta "${planFieldLabels[field]}" (art. 18).` });
    }
  }
  if (!plan.route.legs.some((l) => !l.alternate))
    gaps.push({
      path: 'route.legs',
      message: `${PART_TITLES.definition}: desenhe ao menos um trecho do itinerário principal (art. 18, I).`,
    });
  return gaps;
}

const stretchLabel = (s: { kind: 'leg' | 'venue'; alternate: boolean; name: string }) =>
  `${s.kind === 'leg' ? (s.alternate ? 'Rota alternativa' : 'Trecho') : 'Local'}: ${s.name}`;

/** The plan act's body: the three parts, the itinerary, the cameras and the support (hospitals, police, fire) along it. */
export function planBlocks(plan: ActionPlan, stretches: RouteStretch[], support: SupportStretch[] = []): ActBlock[] {
  const parts = (Object.keys(planParts) as (keyof typeof planParts)[]).flatMap((part): ActBlock[] => [
    { kind: 'heading', text: PART_TITLES[part] },
    {
      kind: 'table',
      headers: ['Elemento', 'Conteúdo'],
      rows: planParts[part].map((f) => [planFieldLabels[f]!, (plan[part] as Record<string, string>)[f]!]),
    },
  ]);
  return [
    ...parts,
    { kind: 'heading', text: `Câmeras do programa ao longo do itinerário (até ${plan.cameraDistanceMeters} m)` },
    {
      kind: 'table',
      headers: ['Trecho / local', 'Câmeras (distância, situação)'],
      rows: stretches.map((s) => [
        stretchLabel(s),
        s.cameras.map((c) => `${c.name} (${c.distanceMeters} m, ${c.status})`).join('; ') || 'nenhuma',
      ]),
    },
    { kind: 'heading', text: `Hospitais, unidades policiais e de bombeiros ao longo do itinerário (até ${supportMeters(plan)} m)` },
    {
      kind: 'table',
      headers: ['Trecho / local', 'Unidades de apoio (lista de referência)'],
      rows: support.map((s) => [stretchLabel(s), s.places.map(supportLine).join('; ') || 'nenhuma na lista de referência']),
    },
  ];
}

/** The plan's support distance (plans saved before the field existed use the default). */
export const supportMeters = (plan: ActionPlan): number => plan.supportDistanceMeters ?? 3000;
