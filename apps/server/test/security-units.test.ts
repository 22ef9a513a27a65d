import { securityUnitKindLabels, securityUnitsLicenceUrl } from '@vigia/contracts';
import { like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, securityUnits } from '../src/db/schema.js';
import { api, multipart, staff } from './accreditation.fixtures.js';
import { anonymous, authHeaders, type Session, useTestApp } from './helpers/app.js';
import { testClock } from './helpers/clock.js';

const ctx = useTestApp();
const PUB = '/api/public/security-units';
const ADM = '/api/security-units';
const CUIABA = '5103403';
const VARZEA_GRANDE = '5108402';
const SINOP = '5107909';
let admin: Session;
let staffer: Session;
const as = (s: Session) => api(ctx.app, s);
const get = (url: string) => ctx.app.inject({ method: 'GET', url });
const rows = () => ctx.t.database.db.select().from(securityUnits);
const audits = () =>
  ctx.t.database.db.select().from(auditEvents).where(like(auditEvents.action, 'security_unit.%')).orderBy(auditEvents.seq);

const unit = (over: Record<string, unknown> = {}) => ({
  kind: 'civil_police_station',
  name: 'Delegacia de teste do Centro',
  address: 'Rua de Teste, 1 - Centro',
  municipalityIbge: CUIABA,
  phones: ['(65) 3000-0001', '197'],
  hours: '24 horas',
  services: ['Registro de ocorrência'],
  latitude: -15.5995,
  longitude: -56.1005,
  source: 'Cadastro de teste',
  ...over,
});
const HEADER = 'Tipo *;Nome *;Endereço *;Município *;Telefones;Horário;Serviços;Latitude *;Longitude *;Fonte *';
const csv = (...lines: string[]) => Buffer.from(`\ufeff${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');
const importAs = (s: Session, data: Buffer, name = 'unidades.csv') => {
  const mp = multipart({ name, data, type: 'text/csv' });
  return ctx.app.inject({ method: 'POST', url: `${ADM}/import`, headers: { ...authHeaders(s), ...mp.headers }, payload: mp.payload });
};
const names = (res: { json(): { units: { name: string }[] } }) => res.json().units.map((u) => u.name);

beforeAll(async () => {
  testClock.set('2030-05-02T10:00:00-04:00');
  admin = await staff(ctx.app, ctx.t.database, ['admin']);
  staffer = await staff(ctx.app, ctx.t.database, ['protection_staff']);
});

describe('Directory of security units: administrators keep it, audited', () => {
  it('ships empty; an administrator adds units, each audited with the unit as written', async () => {
    const empty = await get(PUB);
    expect(empty.statusCode).toBe(200);
    expect(empty.json().units).toEqual([]);
    expect(empty.json().licence).toMatch(/CC BY 4\.0/);

    for (const body of [
      unit(),
      unit({ kind: 'fire_brigade', name: 'Quartel de teste', latitude: -15.592, longitude: -56.1075, phones: [], services: [] }),
      unit({
        kind: 'politec_post',
        name: 'Posto Politec de teste',
        municipalityIbge: VARZEA_GRANDE,
        latitude: -15.6475,
        longitude: -56.1345,
      }),
      unit({ kind: 'pm_company', name: 'Companhia PM de teste', municipalityIbge: SINOP, latitude: -11.862, longitude: -55.507 }),
    ]) {
      const res = await as(admin).post(ADM, body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ name: body.name, illustrative: false });
    }
    const created = (await audits()).filter((a) => a.action === 'security_unit.created');
    expect(created).toHaveLength(4);
    expect(created[0]!.data).toMatchObject({ before: null, after: { name: 'Delegacia de teste do Centro', municipality: 'Cuiabá' } });
    expect(created[0]!.actorId).not.toBeNull();
  });

  it('a point outside Mato Grosso is refused with a stable code and nothing is written', async () => {
    const before = (await rows()).length;
    const res = await as(admin).post(ADM, unit({ name: 'Fora do estado', latitude: -23.55, longitude: -46.63 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('SECURITY_UNIT_OUTSIDE_MT');
    expect(res.json().error.message).toMatch(/fora de Mato Grosso/);
    const other = await as(admin).post(ADM, unit({ municipalityIbge: '3550308' }));
    expect(other.statusCode).toBe(400);
    expect((await rows()).length).toBe(before);
  });

  it('an edit is audited with before and after; a delete keeps what the unit was', async () => {
    const [target] = (await rows()).filter((r) => r.name === 'Quartel de teste');
    const edit = await as(admin).put(
      `${ADM}/${target!.id}`,
      unit({ kind: 'fire_brigade', name: 'Quartel de teste', latitude: -15.592, longitude: -56.1075, phones: ['193'] }),
    );
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().phones).toEqual(['193']);
    const updated = (await audits()).find((a) => a.action === 'security_unit.updated' && a.targetId === target!.id);
    expect(updated!.data).toMatchObject({ before: { phones: [] }, after: { phones: ['193'] } });

    const scratch = (await as(admin).post(ADM, unit({ name: 'Unidade a remover' }))).json();
    const del = await ctx.app.inject({ method: 'DELETE', url: `${ADM}/${scratch.id}`, headers: authHeaders(admin) });
    expect(del.statusCode).toBe(204);
    const deleted = (await audits()).find((a) => a.action === 'security_unit.deleted' && a.targetId === scratch.id);
    expect(deleted!.data).toMatchObject({ before: { name: 'Unidade a remover' }, after: null });
    expect(names(await get(PUB))).not.toContain('Unidade a remover');
    const again = await ctx.app.inject({ method: 'DELETE', url: `${ADM}/${scratch.id}`, headers: authHeaders(admin) });
    expect(again.statusCode).toBe(404);
  });

  it('anyone else is refused: signed-in non-administrators 403, anonymous 401, and nothing changes', async () => {
    const [target] = await rows();
    const before = await rows();
    const anon = await anonymous(ctx.app);
    for (const [s, status] of [
      [staffer, 403],
      [anon, 401],
    ] as const) {
      expect((await as(s).post(ADM, unit({ name: 'Intrusa' }))).statusCode).toBe(status);
      expect((await as(s).put(`${ADM}/${target!.id}`, unit({ name: 'Intrusa' }))).statusCode).toBe(status);
      expect((await ctx.app.inject({ method: 'DELETE', url: `${ADM}/${target!.id}`, headers: authHeaders(s) })).statusCode).toBe(status);
      expect((await as(s).get(`${ADM}/template?format=csv`)).statusCode).toBe(status);
      expect((await importAs(s, csv('Delegacia;X;Rua;Cuiabá;;;;-15.6;-56.1;Teste'))).statusCode).toBe(status);
    }
    expect(await rows()).toEqual(before);
  });
});

describe('Directory of security units: public reads and open data', () => {
  it('filters by kind and by municipality, with no sign-in', async () => {
    expect(names(await get(`${PUB}?kind=fire_brigade`))).toEqual(['Quartel de teste']);
    expect(names(await get(`${PUB}?municipality=${VARZEA_GRANDE}`))).toEqual(['Posto Politec de teste']);
    expect(names(await get(`${PUB}?kind=civil_police_station&municipality=${CUIABA}`))).toEqual(['Delegacia de teste do Centro']);
    expect(names(await get(`${PUB}?kind=directorate`))).toEqual([]);
    expect((await get(`${PUB}?kind=hospital`)).statusCode).toBe(400);
  });

  it('near=lat,lon orders by distance and returns it in metres', async () => {
    // From Várzea Grande: the Politec post there, then the two Cuiabá units, Sinop last.
    const res = await get(`${PUB}?near=-15.6458,-56.1322`);
    expect(res.statusCode, res.body).toBe(200);
    const units = res.json().units as { name: string; distanceMeters: number }[];
    expect(units.map((u) => u.name)).toEqual([
      'Posto Politec de teste',
      'Delegacia de teste do Centro',
      'Quartel de teste',
      'Companhia PM de teste',
    ]);
    const d = units.map((u) => u.distanceMeters);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect(d[0]).toBeLessThan(1000);
    expect(d[3]).toBeGreaterThan(400_000);
    expect(Number.isInteger(d[1])).toBe(true);
    // Without near, no distance.
    expect((await get(PUB)).json().units[0].distanceMeters).toBeUndefined();
    expect((await get(`${PUB}?near=abc`)).statusCode).toBe(400);
  });

  it('GeoJSON: an RFC 7946 FeatureCollection, positions [longitude, latitude], with the licence note', async () => {
    const res = await get(`${PUB}.geojson`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.licence).toMatch(/CC BY 4\.0/);
    expect(fc.features).toHaveLength((await rows()).length);
    const sinop = fc.features.find((f: { properties: { name: string } }) => f.properties.name === 'Companhia PM de teste');
    expect(sinop.type).toBe('Feature');
    expect(sinop.geometry).toEqual({ type: 'Point', coordinates: [-55.507, -11.862] });
    expect(sinop.properties).toMatchObject({ kind: 'pm_company', kindLabel: securityUnitKindLabels.pm_company, municipalityIbge: SINOP });
    expect(sinop.properties.latitude).toBeUndefined();
    const filtered = (await get(`${PUB}.geojson?kind=politec_post`)).json();
    expect(filtered.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['Posto Politec de teste']);
  });

  it('CSV export: the template columns, one row per unit, and it re-imports as is', async () => {
    const res = await get(`${PUB}.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers.link).toBe(`<${securityUnitsLicenceUrl}>; rel="license"`);
    const lines = res.body.replace('\ufeff', '').trim().split('\r\n');
    expect(lines[0]).toBe('Tipo;Nome;Endereço;Município;Telefones;Horário;Serviços;Latitude;Longitude;Fonte;Código IBGE;Ilustrativo;ID');
    expect(lines).toHaveLength((await rows()).length + 1);
    expect(lines.find((l) => l.includes('Delegacia de teste do Centro'))).toBe(
      `Delegacia da Polícia Civil;Delegacia de teste do Centro;Rua de Teste, 1 - Centro;Cuiabá;(65) 3000-0001 | 197;24 horas;Registro de ocorrência;-15.5995;-56.1005;Cadastro de teste;${CUIABA};Não;${(await rows()).find((r) => r.name === 'Delegacia de teste do Centro')!.id}`,
    );
    const before = (await rows()).map(({ id: _id, createdAt: _c, updatedAt: _u, ...r }) => r).sort((a, b) => a.name.localeCompare(b.name));
    const again = await importAs(admin, res.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ imported: before.length });
    const after = (await rows()).map(({ id: _id, createdAt: _c, updatedAt: _u, ...r }) => r).sort((a, b) => a.name.localeCompare(b.name));
    expect(after).toEqual(before);
  });
});

describe('Directory of security units: import replaces the whole list or nothing', () => {
  it('the template downloads as CSV and XLSX', async () => {
    const t = await as(admin).get(`${ADM}/template?format=csv`);
    expect(t.statusCode).toBe(200);
    expect(t.body.replace('\ufeff', '').trim()).toBe(HEADER);
    const x = await as(admin).get(`${ADM}/template?format=xlsx`);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a file with problems is refused whole: every problem by row and column, stable code, pt-BR, no partial write', async () => {
    const before = await rows();
    const bad = await importAs(
      admin,
      csv(
        'Delegacia;Delegacia boa (teste);Rua A, 1;Cuiabá;(65) 3000-0000;24 horas;Registro;-15.6;-56.1;Teste',
        'Farmácia;Drogaria (teste);Rua B, 2;Cuiabá;;;;-15.59;-56.09;Teste',
        'Bombeiros;;Rua C, 3;Cuiabá;;;;-23.55;-46.63;Teste',
        'Politec;Posto (teste);Rua D, 4;Atlântida;;;;abc;-56.09;',
        'Delegacia;Delegacia (teste);Rua E, 5;Cuiabá;;;;=1+1;-56.09;Teste',
      ),
    );
    expect(bad.statusCode, bad.body).toBe(422);
    const err = bad.json().error;
    expect(err.code).toBe('SECURITY_UNIT_IMPORT_INVALID');
    expect(err.message).toMatch(/nada foi importado/);
    expect(err.details.map((d: { path: string }) => d.path)).toEqual([
      'row.3.kind',
      'row.4.name',
      'row.4.latitude',
      'row.5.municipality',
      'row.5.latitude',
      'row.5.source',
      'row.6.latitude',
    ]);
    expect(err.details[0].message).toMatch(/^Linha 3, coluna "Tipo": use Batalhão PM/);
    expect(err.details[1].message).toBe('Linha 4, coluna "Nome": preenchimento obrigatório.');
    expect(err.details[2].message).toBe('Linha 4: o ponto (latitude, longitude) fica fora de Mato Grosso.');
    expect(err.details[6].message).toMatch(/fórmulas não são aceitas/);
    const missing = await importAs(admin, Buffer.from('\ufeffNome;Endereço\r\nX;Y\r\n', 'utf8'));
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'header.kind',
      'header.municipality',
      'header.latitude',
      'header.longitude',
      'header.source',
    ]);
    // The empty template would wipe the public directory: refused.
    const empty = await importAs(admin, csv());
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details).toEqual([{ path: 'rows', message: 'A planilha não tem nenhuma linha preenchida.' }]);
    expect(await rows()).toEqual(before);
    expect((await audits()).filter((a) => a.action === 'security_unit.imported')).toHaveLength(1); // only the re-import above
  });

  it('a clean file replaces the list (not appends), audited with the counts before and after', async () => {
    const before = (await rows()).length;
    const ok = await importAs(
      admin,
      csv(
        'Batalhão PM;1º Batalhão (teste);Av. 1, 10;Cuiabá;(65) 1111-1111 | 190;24 horas;Policiamento | Atendimento;-15.60;-56.10;Teste',
        'Base comunitária;Base (teste);Rua 2, 20;5107909;;Todos os dias;;-11,86;-55,50;Teste',
      ),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 2 });
    const list = (await get(PUB)).json().units;
    expect(list.map((u: { name: string }) => u.name)).toEqual(['1º Batalhão (teste)', 'Base (teste)']);
    expect(list[0]).toMatchObject({ kind: 'pm_battalion', phones: ['(65) 1111-1111', '190'], services: ['Policiamento', 'Atendimento'] });
    expect(list[1]).toMatchObject({ kind: 'community_base', municipalityIbge: SINOP, municipality: 'Sinop', latitude: -11.86 });
    const imported = (await audits()).filter((a) => a.action === 'security_unit.imported').at(-1);
    const data = imported!.data as { format: string; before: { name: string }[]; after: { name: string }[] };
    expect(data.format).toBe('csv');
    expect(data.before).toHaveLength(before);
    expect(data.after.map((u) => u.name)).toEqual(['1º Batalhão (teste)', 'Base (teste)']);
  });
});
