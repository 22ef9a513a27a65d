import { lazy, readCsvDataset, required } from './csv.js';
import { findMunicipality } from './municipalities.js';

/**
 * Security regions (RISP, Regiões Integradas de Segurança Pública — Decreto estadual 183/2015,
 * cited by Decree 1.522/2022 Art. 12 for the public-interest opinion). Data only: the lead's seed
 * writes it to `security_region` / `security_region_municipality`.
 *
 * Membership is PARTIAL: only 4 of the 15 regions have a published member list (a 2015 press
 * report, not the decree's annex). Never infer the members of the other 11 — an admin completes
 * them (see datasets/README.md).
 */
export interface SecurityRegionMemberSeed {
  municipalityIbge: string;
  municipalityName: string;
  role: 'seat' | 'member';
  source: string;
}

export interface SecurityRegionSeed {
  /** "RISP <seat name>" */
  name: string;
  seatIbge: string;
  seatName: string;
  /** Position in the list the press published in 2015 (1–15). NOT the official ordinal. */
  publishedOrder: number;
  /**
   * True only where a source states the ordinal and it matches publishedOrder: "12ª RISP … sede
   * em Pontes e Lacerda". Every other ordinal is unverified.
   */
  ordinalConfirmed: boolean;
  /** Whether `members` is a published list (still not the decree's annex) or empty/unknown. */
  membershipKnown: boolean;
  /** Includes the seat when known; empty when unknown. */
  members: readonly SecurityRegionMemberSeed[];
  note: string | null;
  sources: readonly string[];
}

/** Seat IBGE → confirmed ordinal. Only Pontes e Lacerda (12ª) is confirmed by a source. */
const CONFIRMED_ORDINALS: Readonly<Record<string, number>> = { '5106752': 12 };

function resolveIbge(code: string, name: string, file: string): string {
  const m = findMunicipality(code);
  if (!m) throw new Error(`${file}: unknown IBGE code ${code} (${name})`);
  return m.ibgeCode;
}

const load = lazy((): readonly SecurityRegionSeed[] => {
  const memberRows = readCsvDataset('mt_risp_municipios_parcial.csv');
  const seats = readCsvDataset('mt_risp_sedes.csv');
  const regions = seats.map((row): SecurityRegionSeed => {
    const seatName = required(row, 'sede');
    const seatIbge = resolveIbge(required(row, 'codigo_ibge_sede'), seatName, 'mt_risp_sedes.csv');
    const publishedOrder = Number(required(row, 'ordem_na_lista_publicada'));
    const members = memberRows
      .filter((m) => m.codigo_ibge_sede === seatIbge)
      .map((m): SecurityRegionMemberSeed => {
        const municipalityName = required(m, 'municipio');
        const role = required(m, 'papel');
        if (role !== 'sede' && role !== 'membro') throw new Error(`mt_risp_municipios_parcial.csv: role ${role}`);
        return {
          municipalityIbge: resolveIbge(required(m, 'codigo_ibge'), municipalityName, 'mt_risp_municipios_parcial.csv'),
          municipalityName,
          role: role === 'sede' ? 'seat' : 'member',
          source: required(m, 'fonte'),
        };
      });
    const membershipKnown = row.membros_conhecidos === 'sim';
    if (membershipKnown !== members.length > 0) {
      throw new Error(`RISP ${seatName}: membros_conhecidos=${row.membros_conhecidos} but ${members.length} member rows`);
    }
    return Object.freeze({
      name: `RISP ${seatName}`,
      seatIbge,
      seatName,
      publishedOrder,
      ordinalConfirmed: CONFIRMED_ORDINALS[seatIbge] === publishedOrder,
      membershipKnown,
      members: Object.freeze(members),
      note: row.observacao ? row.observacao : null,
      sources: Object.freeze(required(row, 'fontes').split(/\s+/)),
    });
  });
  return Object.freeze(regions.sort((a, b) => a.publishedOrder - b.publishedOrder));
});

/** The 15 RISPs in the published order, with the partial membership known today. */
export function seedSecurityRegions(): readonly SecurityRegionSeed[] {
  return load();
}

/**
 * The RISP a municipality belongs to, when a source says so; `undefined` when unknown (11 of 15
 * regions, and Boa Esperança do Norte). Callers must treat `undefined` as "ask an admin".
 */
export function findKnownSecurityRegion(municipalityIbge: string): SecurityRegionSeed | undefined {
  return load().find((r) => r.members.some((m) => m.municipalityIbge === municipalityIbge));
}
