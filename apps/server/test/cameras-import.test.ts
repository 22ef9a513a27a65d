import { randomBytes, randomUUID } from 'node:crypto';
import { cameraImportColumns, cameraImportLimits, type Role, type RoleGrant } from '@vigia/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { partners } from '../src/db/schema.js';
import { securityRegionMunicipalities, securityRegions } from '../src/db/tables/regions.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { authHeaders, makeUser, type Session, signIn, useTestApp } from './helpers/app.js';
import { makeAllStreamEligible } from './helpers/eligible-camera.js';
import { whileResponsive } from './helpers/responsive.js';
import { buildZip, fileEntry, type RawZipEntry, zerosEntry } from './helpers/zip-bomb.js';

const ctx = useTestApp();
const CUIABA = '5103403';
const SINOP = '5107909';
const HEADERS = cameraImportColumns.map((c) => c.header);

async function newPartner(kind = 'company', name = `Parceiro ${randomBytes(3).toString('hex')}`): Promise<string> {
  const [p] = await ctx.t.database.db
    .insert(partners)
    .values({ kind, name, document: randomBytes(7).toString('hex'), municipalityIbge: CUIABA })
    .returning({ id: partners.id });
  return p!.id;
}

async function session(roles: Role[], scope: Partial<RoleGrant> = {}): Promise<Session> {
  const u = await makeUser(ctx.t.database, roles, scope);
  return signIn(ctx.app, u.email);
}

type Cell = string | number | { formula: string; result?: number | string };

let hostSeq = 0;
/** One valid row per call, in template column order; each on its own DDNS host. */
function row(overrides: Partial<Record<(typeof cameraImportColumns)[number]['key'], Cell>> = {}): Cell[] {
  hostSeq++;
  const values: Record<string, Cell> = {
    name: `Câmera ${hostSeq}`,
    kind: 'Compartilhada',
    assetSerial: '',
    host: `import-${hostSeq}-${randomBytes(3).toString('hex')}.ddns.net`,
    rtspPort: 30554,
    httpPort: 8001,
    rtspPath: '/Streaming/Channels/101',
    username: 'vigiamais',
    password: 'S3nh@-Da-Camera',
    latitude: '-15,6014',
    longitude: -56.0979,
    municipality: 'Cuiabá',
    heading: 90,
    fieldOfView: 100,
    mounting: 'Fachada',
    openToPublic: 'Não',
    cameraPointId: '',
    streamSource: '',
    ...overrides,
  };
  return cameraImportColumns.map((c) => values[c.key]!);
}

async function xlsx(rows: Cell[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Câmeras');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(rows: Cell[][], sep = ';'): Buffer {
  const q = (v: Cell) => {
    const s = typeof v === 'object' ? `=${v.formula}` : String(v);
    return s.includes(sep) || s.includes('"') ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return Buffer.from(`\ufeff${[HEADERS, ...rows].map((r) => r.map(q).join(sep)).join('\r\n')}\r\n`, 'utf8');
}

function multipart(file: Buffer, filename: string) {
  const boundary = `----vigia${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(s: Session, file: Buffer, filename: string, query = '') {
  const { payload, contentType } = multipart(file, filename);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/cameras/import${query}`,
    headers: { ...authHeaders(s), 'content-type': contentType },
    payload,
  });
}

async function count(partnerId?: string): Promise<number> {
  const r = (await ctx.t.database.db.execute(
    partnerId ? sql`SELECT count(*)::int AS n FROM camera WHERE partner_id = ${partnerId}` : sql`SELECT count(*)::int AS n FROM camera`,
  )) as unknown as { rows: { n: number }[] };
  return r.rows[0]!.n;
}

let partnerA: string;
let partnerB: string;
let a: Session;
let b: Session;
let admin: Session;

beforeAll(async () => {
  partnerA = await newPartner('company', 'Supermercado Exemplo Ltda');
  partnerB = await newPartner('individual', 'Maria da Silva Particular');
  a = await session(['partner_user'], { partnerId: partnerA });
  b = await session(['partner_user'], { partnerId: partnerB });
  admin = await session(['admin']);
});

describe('spreadsheet import', () => {
  it('serves the template in XLSX and CSV with the pt-BR headers, and reads its own template back', async () => {
    const x = await ctx.app.inject({ method: 'GET', url: '/api/cameras/import/template?format=xlsx', headers: authHeaders(a) });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const header = (wb.getWorksheet('Câmeras')!.getRow(1).values as string[]).slice(1);
    expect(header[0]).toBe('Nome da câmera *');
    expect(header).toContain('Porta RTSP *');
    expect(header).toContain('Login da câmera *');
    const c = await ctx.app.inject({ method: 'GET', url: '/api/cameras/import/template?format=csv', headers: authHeaders(a) });
    expect(c.body).toContain('Latitude *;Longitude *;Município *');
    // An empty template is a valid file with no rows: nothing to import.
    const res = await upload(a, x.rawPayload, 'modelo.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'refused', totalRows: 0, createdCount: 0 });
  });

  it('creates every row of a valid XLSX in one go, audited, credentials sealed', async () => {
    const before = await count(partnerA);
    const res = await upload(
      a,
      await xlsx([
        row(),
        row({
          kind: 'Vigia Mais',
          assetSerial: 'VM-0001',
          municipality: '5107909',
          latitude: -11.8604,
          longitude: '-55,5091',
          openToPublic: 'Sim',
          streamSource: 'ONVIF',
        }),
        row(),
      ]),
      'cameras.xlsx',
    );
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ outcome: 'imported', format: 'xlsx', totalRows: 3, createdCount: 3, refusedCount: 0 });
    expect(report.rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'created'],
    ]);
    expect(await count(partnerA)).toBe(before + 3);
    expect(res.body).not.toContain('S3nh@-Da-Camera');
    const cams = (await ctx.app.inject({ method: 'GET', url: '/api/cameras', headers: authHeaders(a) })).json().items;
    const loan = cams.find((c: { id: string }) => c.id === report.rows[1].cameraId);
    expect(loan).toMatchObject({
      kind: 'program_loan',
      assetSerial: 'VM-0001',
      municipalityIbge: SINOP,
      openToPublic: true,
      streamSource: 'onvif',
      hasCredentials: true,
      latitude: -11.8604,
      longitude: -55.5091,
    });
    const dump = (await ctx.t.database.db.execute(sql`SELECT c::text AS t FROM camera c`)) as unknown as { rows: { t: string }[] };
    expect(dump.rows.map((r) => r.t).join()).not.toContain('S3nh@-Da-Camera');
    const audit = (await ctx.t.database.db.execute(
      sql`SELECT action FROM audit_event WHERE action IN ('camera.created', 'camera.imported')`,
    )) as unknown as { rows: { action: string }[] };
    expect(audit.rows.filter((r) => r.action === 'camera.imported')).toHaveLength(1);
    expect((await verifyAuditChain(ctx.t.database.db)).ok).toBe(true);
  });

  it('creates every row of a valid CSV (";" or "," separator, pt-BR decimal comma)', async () => {
    const before = await count(partnerA);
    const semi = await upload(a, csv([row(), row()]), 'cameras.csv');
    expect(semi.statusCode, semi.body).toBe(200);
    expect(semi.json()).toMatchObject({ outcome: 'imported', format: 'csv', createdCount: 2 });
    const comma = await upload(a, csv([row({ latitude: '-15.60' }), row({ latitude: '-15,61' })], ','), 'cameras.csv');
    expect(comma.json()).toMatchObject({ outcome: 'imported', createdCount: 2 });
    expect(await count(partnerA)).toBe(before + 4);
  });

  it('accepts UTF-16 tab-separated text, what Excel\'s "Texto Unicode" writes (little- and big-endian)', async () => {
    const before = await count(partnerA);
    const utf16le = (cells: Cell[][]) =>
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(
          csv(cells, '\t')
            .toString('utf8')
            .replace(/^\ufeff/, ''),
          'utf16le',
        ),
      ]);
    const res = await upload(a, utf16le([row({ name: 'Câmera Praça São João' })]), 'cameras.txt');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'imported', format: 'csv', createdCount: 1 });
    const be = utf16le([row()]).swap16();
    expect((await upload(a, be, 'cameras.txt')).json()).toMatchObject({ outcome: 'imported', createdCount: 1 });
    expect(await count(partnerA)).toBe(before + 2);
    // A broken UTF-16 file (lone surrogate) is refused with the usual message, nothing created.
    const broken = await upload(a, Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'cameras.txt');
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.code).toBe('CAMERA_IMPORT_FILE_INVALID');
    expect(await count(partnerA)).toBe(before + 2);
  });

  it('creates NOTHING when 2 rows are bad, and reports both with their reasons in pt-BR', async () => {
    const before = await count();
    const res = await upload(
      a,
      await xlsx([
        row(),
        row({ latitude: -23.55, longitude: -46.63 }),
        row(),
        row({ municipality: 'Gotham City', username: '', password: '' }),
      ]),
      'cameras.xlsx',
    );
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ outcome: 'refused', totalRows: 4, createdCount: 0, refusedCount: 2 });
    expect(report.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['valid', 'refused', 'valid', 'refused']);
    expect(report.rows[1].problems).toEqual([{ column: 'Latitude', message: 'O ponto (latitude, longitude) fica fora de Mato Grosso.' }]);
    const messages = report.rows[3].problems.map((p: { message: string }) => p.message).join(' | ');
    expect(messages).toContain('Município "Gotham City" não encontrado');
    expect(messages).toContain('Informe o login e a senha da câmera');
    expect(await count()).toBe(before);
  });

  it('refuses duplicated host + RTSP port inside the file and against the registry, bad hosts and formulas', async () => {
    const before = await count();
    const dupHost = `dup-${randomBytes(3).toString('hex')}.ddns.net`;
    const first = await upload(a, await xlsx([row({ host: dupHost, rtspPort: 40000, httpPort: 40001 })]), 'um.xlsx');
    expect(first.json().outcome).toBe('imported');
    const res = await upload(
      b,
      await xlsx([
        row({ host: dupHost, rtspPort: 40000, httpPort: 40010 }), // taken in the registry (by another partner)
        row({ host: 'outra.ddns.net', rtspPort: 41000, httpPort: 41001 }),
        row({ host: 'outra.ddns.net', rtspPort: 41000, httpPort: 41002 }), // repeats row 3
        row({ host: '300.1.2.3' }),
        row({ host: 'sem ponto' }),
        row({ rtspPort: { formula: '30000+1', result: 30001 } }),
        row({ name: '=HYPERLINK("http://x","clique")' }),
      ]),
      'b.xlsx',
    );
    const report = res.json();
    expect(report.outcome).toBe('refused');
    const problems = report.rows.map((r: { problems: { column: string; message: string }[] }) =>
      r.problems.map((p) => `${p.column}: ${p.message}`).join(' | '),
    );
    expect(problems[0]).toContain('Porta RTSP: Porta RTSP já usada por outra câmera cadastrada');
    expect(problems[1]).toBe('');
    expect(problems[2]).toContain('repetidos na linha 3 da planilha');
    expect(problems[3]).toContain('Endereço IPv4 inválido');
    expect(problems[4]).toContain('Nome de host (DDNS) inválido');
    expect(problems[5]).toContain('Porta RTSP: A célula contém uma fórmula');
    expect(problems[6]).toBe('Nome da câmera: O texto não pode começar com "=", "+" ou "@".');
    // The other partner's camera is not revealed beyond "already used".
    expect(res.body).not.toContain(partnerA);
    expect(await count()).toBe(before + 1);
  });

  it('never evaluates formulas (CSV "=" cells too) and flags program cameras without serial, equal ports, bad numbers', async () => {
    const res = await upload(
      a,
      csv([
        row({ heading: { formula: '1+1' } }),
        row({ kind: 'Vigia Mais' }),
        row({ httpPort: 30554 }),
        row({ latitude: 'abc' }),
        row({ openToPublic: 'talvez' }),
      ]),
      'f.csv',
    );
    const rows = res.json().rows as { problems: { column: string; message: string }[] }[];
    expect(rows[0]!.problems[0]).toMatchObject({ column: 'Direção (graus)', message: expect.stringContaining('fórmula') });
    expect(rows[1]!.problems[0]!.message).toContain('número de série');
    expect(rows[2]!.problems[0]!.message).toBe('As portas RTSP e HTTP devem ser diferentes.');
    expect(rows[3]!.problems[0]).toMatchObject({ column: 'Latitude' });
    expect(rows[4]!.problems[0]).toMatchObject({ column: 'Aberta ao público (sim ou não)' });
  });

  it('validates without creating on a dry run', async () => {
    const before = await count();
    const res = await upload(a, await xlsx([row()]), 'x.xlsx', '?dryRun=true');
    expect(res.json()).toMatchObject({ outcome: 'validated', createdCount: 0, rows: [{ outcome: 'valid' }] });
    expect(await count()).toBe(before);
  });

  it('refuses an executable renamed .xlsx, an old .xls, a PDF, a zip that is not a workbook, and garbage', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(2000)]);
    const r1 = await upload(a, exe, 'planilha.xlsx');
    expect(r1.statusCode).toBe(415);
    expect(r1.json().error.code).toBe('FILE_IS_EXECUTABLE');
    const elf = await upload(a, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), randomBytes(100)]), 'cameras.csv');
    expect(elf.json().error.code).toBe('FILE_IS_EXECUTABLE');
    const xls = await upload(
      a,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(100)]),
      'velha.xls',
    );
    expect(xls.json().error.code).toBe('CAMERA_IMPORT_FILE_TYPE');
    const pdf = await upload(a, Buffer.from('%PDF-1.7\n%%EOF'), 'x.xlsx');
    expect(pdf.json().error.code).toBe('CAMERA_IMPORT_FILE_TYPE');
    const binary = await upload(a, Buffer.from([1, 2, 0, 4, 5]), 'x.csv');
    expect(binary.json().error.code).toBe('CAMERA_IMPORT_FILE_TYPE');
    const brokenZip = await upload(a, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(500)]), 'x.xlsx');
    expect(brokenZip.statusCode).toBe(422);
    expect(brokenZip.json().error.code).toBe('CAMERA_IMPORT_FILE_INVALID');
    const wrongHeaders = await upload(a, Buffer.from('a;b;c\r\n1;2;3\r\n'), 'x.csv');
    expect(wrongHeaders.json().error.code).toBe('CAMERA_IMPORT_COLUMNS');
    expect(wrongHeaders.json().error.message).toContain('Nome da câmera');
  });

  it('refuses an oversize file and too many rows', async () => {
    const big = Buffer.alloc(cameraImportLimits.maxBytes + 10, 0x41);
    const r1 = await upload(a, big, 'grande.csv');
    expect(r1.statusCode).toBe(413);
    expect(r1.json().error.message).toContain('2 MB');
    const many = Array.from({ length: cameraImportLimits.maxRows + 1 }, () => row());
    const r2 = await upload(a, csv(many), 'muitas.csv');
    expect(r2.statusCode).toBe(422);
    expect(r2.json().error.code).toBe('CAMERA_IMPORT_TOO_MANY_ROWS');
  });

  it('cuts and reports over-long cells, strips control characters', async () => {
    const res = await upload(
      a,
      csv([row({ name: 'x'.repeat(400) }), row({ name: 'Câmera\u0007 com\u202e controle' })]),
      'l.csv',
      '?dryRun=true',
    );
    const rows = res.json().rows;
    expect(rows[0].problems[0].message).toContain('Texto muito longo');
    expect(rows[1]).toMatchObject({ outcome: 'valid', name: 'Câmera com controle' });
  });

  it('requires the owner for administrators and hides other partners from partner users', async () => {
    const noOwner = await upload(admin, await xlsx([row()]), 'a.xlsx');
    expect(noOwner.json().error.code).toBe('CAMERA_PARTNER_REQUIRED');
    const ok = await upload(admin, await xlsx([row()]), 'a.xlsx', `?partnerId=${partnerB}`);
    expect(ok.json()).toMatchObject({ outcome: 'imported', createdCount: 1 });
    const other = await upload(a, await xlsx([row()]), 'a.xlsx', `?partnerId=${partnerB}`);
    expect(other.statusCode).toBe(404);
    const operator = await session(['operator']);
    expect((await upload(operator, await xlsx([row()]), 'a.xlsx')).statusCode).toBe(403);
  });
});

describe('map data', () => {
  // The imported cameras as if their partners held active terms with authorised points, and the
  // requests to open to the public approved (issue 12: otherwise they reach no map but their owner's).
  beforeAll(() => makeAllStreamEligible(ctx.t.database));

  it('partner A sees only its cameras; a regional operator only its region; no address, port or credential', async () => {
    const mapA = (await ctx.app.inject({ method: 'GET', url: '/api/cameras/map', headers: authHeaders(a) })).json();
    const mapB = (await ctx.app.inject({ method: 'GET', url: '/api/cameras/map', headers: authHeaders(b) })).json();
    expect(mapA.items.length).toBeGreaterThan(0);
    // Art. 26 §2: a partner sees its own cameras plus cameras open to the public — never another
    // partner's private camera.
    type MapItem = { id: string; partnerId: string; openToPublic: boolean };
    expect(mapA.items.every((c: MapItem) => c.partnerId === partnerA || c.openToPublic)).toBe(true);
    expect(mapB.items.every((c: MapItem) => c.partnerId === partnerB || c.openToPublic)).toBe(true);
    const privateA = new Set(mapA.items.filter((c: MapItem) => !c.openToPublic).map((c: MapItem) => c.id));
    expect(privateA.size).toBeGreaterThan(0);
    expect(mapB.items.some((c: MapItem) => privateA.has(c.id))).toBe(false);
    expect(Object.keys(mapA.items[0]).sort()).toEqual([
      'fieldOfView',
      'heading',
      'id',
      'latitude',
      'longitude',
      'municipalityIbge',
      'name',
      'openToPublic',
      'partnerId',
      'status',
    ]);

    const [region] = await ctx.t.database.db
      .insert(securityRegions)
      .values({ name: `RISP mapa ${randomUUID()}`, seatIbge: SINOP })
      .returning();
    await ctx.t.database.db.insert(securityRegionMunicipalities).values({ regionId: region!.id, municipalityIbge: SINOP });
    const regional = await session(['regional_operator'], { securityRegionId: region!.id });
    const mapR = (await ctx.app.inject({ method: 'GET', url: '/api/cameras/map', headers: authHeaders(regional) })).json();
    expect(mapR.items.length).toBeGreaterThan(0);
    expect(mapR.items.every((c: { municipalityIbge: string }) => c.municipalityIbge === SINOP)).toBe(true);
    const operator = await session(['operator']);
    const all = (await ctx.app.inject({ method: 'GET', url: '/api/cameras/map', headers: authHeaders(operator) })).json();
    expect(all.items.length).toBe(await count());
    expect((await ctx.app.inject({ method: 'GET', url: '/api/cameras/map' })).statusCode).toBe(401);
  });

  it('public map: approximate sites and partner kind, open cameras, nothing private', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/map' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sites.length).toBeGreaterThan(0);
    for (const s of body.sites) {
      expect(Object.keys(s).sort()).toEqual([
        'cameraCount',
        'latitude',
        'longitude',
        'municipalityIbge',
        'municipalityName',
        'partnerKind',
        'platesInstalled',
      ]);
      expect(Math.round(s.latitude * 100) / 100).toBe(s.latitude);
      expect(Math.round(s.longitude * 100) / 100).toBe(s.longitude);
    }
    expect(body.sites.map((s: { partnerKind: string }) => s.partnerKind)).toEqual(expect.arrayContaining(['company', 'individual']));
    expect(body.openCameras.length).toBeGreaterThan(0);
    for (const c of body.openCameras)
      expect(Object.keys(c).sort()).toEqual(['id', 'label', 'latitude', 'longitude', 'municipalityIbge', 'municipalityName']);
    // No partner name, document, host, port, path, credentials or exact coordinates.
    for (const secret of [
      'Maria da Silva',
      'Supermercado Exemplo',
      'ddns.net',
      'Streaming',
      'vigiamais',
      'S3nh@',
      '30554',
      '8001',
      '-15.6014',
      '-55.5091',
      'wrappedKey',
      partnerA,
      partnerB,
    ]) {
      expect(res.body, secret).not.toContain(secret);
    }
  });
});

// Issue 12, item 2: ZIP bombs inside the workbook, sent by a self-registered partner.
describe('spreadsheet import under ZIP bombs', () => {
  /** A real workbook (one valid row) with `extra` entries added and, optionally, a part replaced. */
  async function xlsxWith(extra: RawZipEntry[], replace?: RawZipEntry): Promise<Buffer> {
    const parts = unzipSync(await xlsx([row()]));
    const entries: RawZipEntry[] = Object.entries(parts)
      .filter(([name]) => !name.endsWith('/') && name !== replace?.name)
      .map(([name, data]) => fileEntry(name, Buffer.from(data)));
    return buildZip([...entries, ...(replace ? [replace] : []), ...extra]);
  }

  async function importBomb(file: Buffer, query = '') {
    return whileResponsive(ctx.app, () => upload(a, file, 'cameras.xlsx', query));
  }

  function expectResponsive(run: { healthStatuses: number[]; maxStallMs: number }) {
    expect(run.healthStatuses.length).toBeGreaterThan(0);
    expect(run.healthStatuses.every((s) => s === 200)).toBe(true);
    expect(run.maxStallMs).toBeLessThan(2000); // generous: the old import stalled ~9 s per GiB
  }

  it('refuses a 1 MB .xlsx whose 1 GiB xl/media/image1.png is declared as 1,000 bytes, creating nothing', async () => {
    const file = await xlsxWith([zerosEntry('xl/media/image1.png', 1024, 1000)]);
    expect(file.length).toBeLessThan(cameraImportLimits.maxBytes);
    const before = await count();
    const run = await importBomb(file);
    expect(run.result.statusCode).toBe(422);
    expect(run.result.json().error).toMatchObject({ code: 'CAMERA_IMPORT_FILE_INVALID', message: expect.stringContaining('danificado') });
    expectResponsive(run);
    expect(await count()).toBe(before);
  });

  it('refuses the same image declared honestly (1 GiB) with 413 before inflating it', async () => {
    const before = await count();
    const run = await importBomb(await xlsxWith([zerosEntry('xl/media/image1.png', 1024)]));
    expect(run.result.statusCode).toBe(413);
    expect(run.result.json().error).toMatchObject({ code: 'ZIP_TOO_LARGE_INFLATED', message: expect.stringContaining('bomba ZIP') });
    expectResponsive(run);
    expect(await count()).toBe(before);
  });

  it('stops inflating a sheet that lies about its size just past the declared bytes', async () => {
    const sheet = zerosEntry('xl/worksheets/sheet1.xml', 1024);
    sheet.declaredSize = sheet.data.length; // plausible: as large as its compressed data
    const before = await count();
    const run = await importBomb(await xlsxWith([], sheet));
    expect(run.result.statusCode).toBe(422);
    expect(run.result.json().error.code).toBe('CAMERA_IMPORT_FILE_INVALID');
    expectResponsive(run);
    expect(await count()).toBe(before);
  });

  it('never inflates a part the reader does not need: a forged image beside good cells still validates', async () => {
    const image = zerosEntry('xl/media/image1.png', 1024);
    image.declaredSize = image.data.length;
    const run = await importBomb(await xlsxWith([image]), '?dryRun=true');
    expect(run.result.json()).toMatchObject({ outcome: 'validated', rows: [{ outcome: 'valid' }] });
    expectResponsive(run);
  });
});
