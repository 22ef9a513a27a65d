import type { SecurityUnitKind } from '@vigia/contracts';
import { count } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { securityUnits } from '../../db/tables/security-units.js';

const ILLUSTRATIVE = 'Dado ilustrativo da demonstração — não é uma unidade real';

/**
 * A few illustrative units for the citizen portal's directory, only while the directory is empty
 * (the platform ships it empty: no sourced list is available). Names, addresses, phones and source
 * say they are not real; the seat points of the municipalities are offset slightly.
 */
export async function ensureSecurityUnitsDemo(db: Db): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(securityUnits);
  if ((existing?.n ?? 0) > 0) return;
  const units: [SecurityUnitKind, string, string, number, number, string[], string][] = [
    [
      'civil_police_station',
      'Delegacia de demonstração (ilustrativa)',
      '5103403',
      -15.5995,
      -56.1005,
      ['Registro de ocorrência', 'Termo circunstanciado'],
      '24 horas',
    ],
    ['pm_battalion', 'Batalhão PM de demonstração (ilustrativo)', '5103403', -15.6075, -56.0905, ['Policiamento ostensivo'], '24 horas'],
    [
      'fire_brigade',
      'Quartel de bombeiros de demonstração (ilustrativo)',
      '5103403',
      -15.592,
      -56.1075,
      ['Vistoria', 'Emergências'],
      '24 horas',
    ],
    [
      'politec_post',
      'Posto Politec de demonstração (ilustrativo)',
      '5108402',
      -15.6475,
      -56.1345,
      ['Carteira de identidade', 'Perícia'],
      'Segunda a sexta, 8h às 17h',
    ],
    ['pm_company', 'Companhia PM de demonstração (ilustrativa)', '5107909', -11.862, -55.507, ['Policiamento ostensivo'], '24 horas'],
    [
      'community_base',
      'Base comunitária de demonstração (ilustrativa)',
      '5107602',
      -16.469,
      -54.639,
      ['Atendimento ao público'],
      'Todos os dias, 7h às 19h',
    ],
  ];
  await db.insert(securityUnits).values(
    units.map(([kind, name, municipalityIbge, latitude, longitude, services, hours]) => ({
      kind,
      name,
      address: 'Endereço fictício de demonstração',
      municipalityIbge,
      phones: ['(00) 0000-0000 (fictício)'],
      hours,
      services,
      latitude,
      longitude,
      source: ILLUSTRATIVE,
      illustrative: true,
    })),
  );
}
