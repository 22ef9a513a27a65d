import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { loadHolidayRules } from './holiday-rules.js';
import { CUIABA_IBGE, findMunicipality, listMunicipalities, nearestMunicipalitySeat, normalizeMunicipalityName } from './municipalities.js';
import { findKnownSecurityRegion, seedSecurityRegions } from './security-regions.js';
import { isInsideMatoGrosso, loadStateOutline, pointInRings } from './state-outline.js';

describe('reference CSV reader', () => {
  it('handles quotes, escaped quotes, commas and CRLF', () => {
    expect(parseCsv('a,b\r\n1,"x, ""y"""\r\n')).toEqual([{ a: '1', b: 'x, "y"' }]);
  });
  it('rejects a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1\n')).toThrow(/expected 2 fields/);
  });
});

describe('municipalities of Mato Grosso', () => {
  it('has the 142 municipalities with unique 51xxxxx codes, including Boa Esperança do Norte', () => {
    const list = listMunicipalities();
    expect(list).toHaveLength(142);
    expect(new Set(list.map((m) => m.ibgeCode)).size).toBe(142);
    expect(list.every((m) => /^51\d{5}$/.test(m.ibgeCode) && (m.ddd === '65' || m.ddd === '66'))).toBe(true);
    expect(findMunicipality('5101837')?.name).toBe('Boa Esperança do Norte');
    expect(list.filter((m) => m.isCapital).map((m) => m.ibgeCode)).toEqual([CUIABA_IBGE]);
  });

  it('finds by IBGE code or by name regardless of accents, case and apostrophes', () => {
    expect(findMunicipality(CUIABA_IBGE)?.name).toBe('Cuiabá');
    expect(findMunicipality('cuiaba')?.ibgeCode).toBe(CUIABA_IBGE);
    expect(findMunicipality('  VÁRZEA   grande ')?.ibgeCode).toBe('5108402');
    expect(findMunicipality('mirassol d’oeste')?.ibgeCode).toBe('5105622');
    expect(findMunicipality("Conquista d'Oeste")?.ibgeCode).toBe('5103361');
    expect(findMunicipality('Poxoréo')?.name).toBe('Poxoréu');
    expect(findMunicipality('5200000')).toBeUndefined();
    expect(findMunicipality('Goiânia')).toBeUndefined();
    expect(normalizeMunicipalityName('São  José do Rio Claro')).toBe('sao jose do rio claro');
  });

  it('gives the nearest seat and its distance', () => {
    const near = nearestMunicipalitySeat(-15.6, -56.1);
    expect(near.municipality.ibgeCode).toBe(CUIABA_IBGE);
    expect(near.distanceKm).toBeLessThan(1);
    expect(nearestMunicipalitySeat(-11.86, -55.5).municipality.name).toBe('Sinop');
    expect(() => nearestMunicipalitySeat(Number.NaN, 0)).toThrow(RangeError);
  });
});

describe('Art. 3 sole § — only addresses and cameras inside Mato Grosso', () => {
  it('every municipal seat falls inside the state outline', () => {
    const outside = listMunicipalities().filter((m) => !isInsideMatoGrosso(m.latitude, m.longitude));
    expect(outside).toEqual([]);
  });

  it('rejects points in neighbouring states and nonsense input', () => {
    expect(isInsideMatoGrosso(-16.6869, -49.2648)).toBe(false); // Goiânia (GO)
    expect(isInsideMatoGrosso(-20.4697, -54.6201)).toBe(false); // Campo Grande (MS)
    expect(isInsideMatoGrosso(-8.7612, -63.9004)).toBe(false); // Porto Velho (RO)
    expect(isInsideMatoGrosso(-10.184, -48.3336)).toBe(false); // Palmas (TO)
    expect(isInsideMatoGrosso(Number.NaN, -56)).toBe(false);
    expect(isInsideMatoGrosso(-100, -56)).toBe(false);
  });

  it('the filled interior gap near Barra do Bugres is inside (the state has no hole)', () => {
    expect(isInsideMatoGrosso(-14.8, -58.74)).toBe(true);
  });

  it('treats points on a vertex or an edge of the outline as inside, deterministically', () => {
    const ring = loadStateOutline().rings[0]!;
    const [lon, lat] = ring[10]!;
    expect(isInsideMatoGrosso(lat, lon)).toBe(true);
    const [lon2, lat2] = ring[11]!;
    expect(isInsideMatoGrosso((lat + lat2) / 2, (lon + lon2) / 2)).toBe(true);
  });

  it('ray casting counts a ray through a vertex once (unit square and a diamond)', () => {
    const square = [
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ] as const,
    ];
    expect(pointInRings(1, 1, square)).toBe(true);
    expect(pointInRings(3, 1, square)).toBe(false);
    expect(pointInRings(2, 1, square)).toBe(true); // on the edge
    const diamond = [
      [
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
        [0, -1],
      ] as const,
    ];
    expect(pointInRings(-2, 0, diamond)).toBe(false); // ray passes through two vertices
    expect(pointInRings(-0.5, 0, diamond)).toBe(true);
  });
});

describe('Art. 12 — security regions (RISP, Decreto 183/2015)', () => {
  const regions = seedSecurityRegions();

  it('has the 15 seats in the published order, named "RISP <seat>"', () => {
    expect(regions.map((r) => r.publishedOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(regions[0]).toMatchObject({ name: 'RISP Cuiabá', seatIbge: CUIABA_IBGE });
    expect(regions.map((r) => r.seatName)).toEqual([
      'Cuiabá',
      'Várzea Grande',
      'Sinop',
      'Rondonópolis',
      'Barra do Garças',
      'Cáceres',
      'Tangará da Serra',
      'Juína',
      'Alta Floresta',
      'Vila Rica',
      'Primavera do Leste',
      'Pontes e Lacerda',
      'Água Boa',
      'Nova Mutum',
      'Guarantã do Norte',
    ]);
    for (const r of regions) expect(findMunicipality(r.seatIbge)?.name).toBe(r.seatName);
  });

  it('confirms only the ordinal of Pontes e Lacerda (12ª)', () => {
    expect(regions.filter((r) => r.ordinalConfirmed).map((r) => [r.seatName, r.publishedOrder])).toEqual([['Pontes e Lacerda', 12]]);
  });

  it('knows members only for Sinop, Alta Floresta, Nova Mutum and Guarantã do Norte — nothing guessed', () => {
    const known = regions.filter((r) => r.membershipKnown);
    expect(known.map((r) => [r.seatName, r.members.length])).toEqual([
      ['Sinop', 10],
      ['Alta Floresta', 8],
      ['Nova Mutum', 11],
      ['Guarantã do Norte', 9],
    ]);
    for (const r of regions.filter((x) => !x.membershipKnown)) expect(r.members).toEqual([]);
    for (const r of known) expect(r.members.filter((m) => m.role === 'seat').map((m) => m.municipalityIbge)).toEqual([r.seatIbge]);
    const all = known.flatMap((r) => r.members.map((m) => m.municipalityIbge));
    expect(new Set(all).size).toBe(all.length);
  });

  it('answers "unknown" rather than guessing a region', () => {
    expect(findKnownSecurityRegion('5108006')?.name).toBe('RISP Sinop'); // Tapurah
    expect(findKnownSecurityRegion(CUIABA_IBGE)).toBeUndefined();
    expect(findKnownSecurityRegion('5101837')).toBeUndefined(); // Boa Esperança do Norte
  });
});

describe('holiday rules dataset', () => {
  it('parses every rule, including Easter offsets', () => {
    const rules = loadHolidayRules();
    expect(rules).toHaveLength(25);
    expect(rules.find((r) => r.scope === 'municipal_Cuiaba' && r.name === 'Corpus Christi')?.date).toEqual({
      kind: 'easter',
      offsetDays: 60,
    });
    expect(rules.find((r) => r.name === 'Fundação de Cuiabá (aniversário da cidade)')?.date).toEqual({ kind: 'fixed', month: 4, day: 8 });
  });
});
