import {
  type ProtectionRoute,
  type ReferencePlace,
  type ReferencePlaceColumnKey,
  type ReferencePlaceKind,
  referencePlaceColumns,
  referencePlaceKindLabels,
  referencePlaceKindWords,
} from '@vigia/contracts';
import ExcelJS from 'exceljs';
import type { Db, Queryable } from '../../db/client.js';
import { protectionReferencePlaces } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import type { AuditActor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { readSpreadsheet } from '../cameras/import/spreadsheet-reader.js';
import { headerKey, parseDecimal } from '../cameras/import/validate-import-rows.js';
import { findMunicipality, isInsideMatoGrosso } from '../reference/index.js';
import { type LatLon, nearestOnPolyline } from './geometry.js';

type Row = typeof protectionReferencePlaces.$inferInsert;
type Problem = { path: string; message: string };
const MAX_CHARS = 255;

const toPlace = (r: typeof protectionReferencePlaces.$inferSelect): ReferencePlace => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  address: r.address,
  municipality: r.municipality,
  phone: r.phone,
  latitude: r.latitude,
  longitude: r.longitude,
  source: r.source,
  illustrative: r.illustrative,
});

export async function listReferencePlaces(db: Queryable): Promise<ReferencePlace[]> {
  return (await db.select().from(protectionReferencePlaces).orderBy(protectionReferencePlaces.kind, protectionReferencePlaces.name)).map(
    toPlace,
  );
}

/**
 * Validates the whole sheet: every problem of every row, each with a path `row.<n>.<column>` (or
 * `header.<column>`) and a pt-BR message. Any problem refuses the whole file.
 */
export function validateReferenceSheet(header: string[], rows: { row: number; cells: { text: string; formula: boolean }[] }[]) {
  const problems: Problem[] = [];
  const index = new Map<ReferencePlaceColumnKey, number>();
  header.forEach((h, i) => {
    const col = referencePlaceColumns.find((c) => headerKey(c.header) === headerKey(h));
    if (col && !index.has(col.key)) index.set(col.key, i);
  });
  for (const c of referencePlaceColumns)
    if (c.required && !index.has(c.key))
      problems.push({ path: `header.${c.key}`, message: `Coluna "${c.header}" não encontrada no cabeçalho.` });
  if (problems.length) return { places: [], problems };
  const filled = rows.filter((r) => r.cells.some((c) => c.text !== ''));
  if (!filled.length) problems.push({ path: 'rows', message: 'A planilha não tem nenhuma linha preenchida.' });
  const places: Omit<Row, 'importedBy'>[] = [];
  for (const r of filled) {
    const at = (key: ReferencePlaceColumnKey) => `row.${r.row}.${key}`;
    const label = (key: ReferencePlaceColumnKey) => `Linha ${r.row}, coluna "${referencePlaceColumns.find((c) => c.key === key)!.header}"`;
    const cell = (key: ReferencePlaceColumnKey): string => {
      const i = index.get(key);
      const c = i === undefined ? undefined : r.cells[i];
      if (c?.formula) {
        problems.push({ path: at(key), message: `${label(key)}: fórmulas não são aceitas; digite o valor.` });
        return '';
      }
      const text = c?.text ?? '';
      if (text.length > MAX_CHARS) problems.push({ path: at(key), message: `${label(key)}: mais de ${MAX_CHARS} caracteres.` });
      if (!text && referencePlaceColumns.find((x) => x.key === key)!.required)
        problems.push({ path: at(key), message: `${label(key)}: preenchimento obrigatório.` });
      return text;
    };
    const kindText = cell('kind');
    const kind = referencePlaceKindWords[headerKey(kindText).replace(/ /g, '-')] as ReferencePlaceKind | undefined;
    if (kindText && !kind) problems.push({ path: at('kind'), message: `${label('kind')}: use "Hospital", "Polícia" ou "Bombeiros".` });
    const municipalityText = cell('municipality');
    const municipality = municipalityText ? findMunicipality(municipalityText) : undefined;
    if (municipalityText && (!municipality || !municipality.ibgeCode.startsWith('51')))
      problems.push({ path: at('municipality'), message: `${label('municipality')}: município de Mato Grosso não encontrado.` });
    const latText = cell('latitude');
    const lonText = cell('longitude');
    const latitude = parseDecimal(latText);
    const longitude = parseDecimal(lonText);
    if (latText && !Number.isFinite(latitude)) problems.push({ path: at('latitude'), message: `${label('latitude')}: número inválido.` });
    if (lonText && !Number.isFinite(longitude))
      problems.push({ path: at('longitude'), message: `${label('longitude')}: número inválido.` });
    if (Number.isFinite(latitude) && Number.isFinite(longitude) && !isInsideMatoGrosso(latitude, longitude))
      problems.push({ path: at('latitude'), message: `Linha ${r.row}: o ponto (latitude, longitude) fica fora de Mato Grosso.` });
    const row = {
      kind: kind ?? 'hospital',
      name: cell('name'),
      address: cell('address'),
      municipality: municipality?.name ?? municipalityText,
      phone: cell('phone') || null,
      latitude,
      longitude,
      source: cell('source'),
      illustrative: false,
    };
    places.push(row);
  }
  // Stable report: by row, then in the template's column order.
  const order = (path: string) => {
    const [, row, key] = path.split('.');
    return [Number(row) || 0, referencePlaceColumns.findIndex((c) => c.key === key)] as const;
  };
  problems.sort((a, b) => {
    const [ra, ca] = order(a.path);
    const [rb, cb] = order(b.path);
    return ra - rb || ca - cb;
  });
  return { places, problems };
}

/**
 * Admin import of the reference list (CSV or XLSX, the template's columns): the whole file is
 * validated first; any problem refuses it (PROTECTION_REFERENCE_IMPORT_INVALID, every problem in
 * `details`) and nothing is written; otherwise the list is replaced in one transaction, audited.
 */
export async function importReferencePlaces(db: Db, actor: AuditActor, bytes: Buffer): Promise<{ imported: number }> {
  const sheet = await readSpreadsheet(bytes);
  const { places, problems } = validateReferenceSheet(sheet.header, sheet.rows);
  if (problems.length) throw new AppError('PROTECTION_REFERENCE_IMPORT_INVALID', undefined, problems.slice(0, 200));
  await db.transaction(async (tx) => {
    await tx.delete(protectionReferencePlaces);
    await tx.insert(protectionReferencePlaces).values(places.map((p) => ({ ...p, importedBy: actor.id })));
    await recordAudit(tx, actor, {
      action: 'protection.reference_places.imported',
      targetType: 'protection_reference_place',
      targetId: null,
      data: { format: sheet.format, rows: places.length },
    });
  });
  return { imported: places.length };
}

/** The template: CSV (";", BOM, Excel pt-BR) or XLSX with a note per column and an instructions sheet. */
export async function referenceTemplate(format: 'csv' | 'xlsx'): Promise<Buffer> {
  if (format === 'csv') {
    const line = referencePlaceColumns.map((c) => (c.required ? `${c.header} *` : c.header)).join(';');
    return Buffer.from(`\ufeff${line}\r\n`, 'utf8');
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vigia Mais MT';
  wb.created = new Date(0);
  const sheet = wb.addWorksheet('Apoio na rota', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = referencePlaceColumns.map((c) => ({
    header: c.required ? `${c.header} *` : c.header,
    key: c.key,
    width: 24,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  referencePlaceColumns.forEach((c, i) => {
    sheet.getRow(1).getCell(i + 1).note = c.help;
  });
  const help = wb.addWorksheet('Instruções');
  help.columns = [
    { header: 'Coluna', key: 'header', width: 16 },
    { header: 'Obrigatória', key: 'required', width: 12 },
    { header: 'O que informar', key: 'help', width: 80 },
    { header: 'Exemplo', key: 'example', width: 36 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of referencePlaceColumns)
    help.addRow({ header: c.header, required: c.required ? 'Sim' : 'Não', help: c.help, example: c.example });
  help.addRow({});
  help.addRow({ header: 'Uma unidade por linha. Informe a fonte de cada dado. A importação substitui a lista inteira.' });
  help.addRow({ header: 'Se alguma linha tiver problema, nada é importado: a resposta indica cada linha e o motivo.' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SupportStretch {
  kind: 'leg' | 'venue';
  name: string;
  alternate: boolean;
  places: (ReferencePlace & { distanceMeters: number })[];
}

/** Hospitals, police and fire units within `maxMeters` of each leg (in the order passed) and venue (nearest first). */
export async function supportAlongRoute(db: Queryable, route: ProtectionRoute, maxMeters: number): Promise<SupportStretch[]> {
  const all = await listReferencePlaces(db);
  const near = (line: readonly LatLon[], byDistance: boolean) =>
    all
      .map((p) => ({ p, hit: nearestOnPolyline([p.latitude, p.longitude], line) }))
      .filter((x) => x.hit.meters <= maxMeters)
      .sort((x, y) => (byDistance ? x.hit.meters - y.hit.meters : x.hit.position - y.hit.position || x.hit.meters - y.hit.meters))
      .map(({ p, hit }) => ({ ...p, distanceMeters: Math.round(hit.meters) }));
  return [
    ...route.legs.map((l) => ({ kind: 'leg' as const, name: l.name, alternate: l.alternate, places: near(l.points, false) })),
    ...route.venues.map((v) => ({ kind: 'venue' as const, name: v.name, alternate: false, places: near([v.point], true) })),
  ];
}

/** One line per unit: "Hospital / pronto-socorro: Nome (Endereço, 1.2 km, tel.)". */
export function supportLine(p: SupportStretch['places'][number]): string {
  const km = p.distanceMeters >= 1000 ? `${(p.distanceMeters / 1000).toFixed(1).replace('.', ',')} km` : `${p.distanceMeters} m`;
  return `${referencePlaceKindLabels[p.kind]}: ${p.name} (${p.address}, ${km}${p.phone ? `, ${p.phone}` : ''})${p.illustrative ? ' [ilustrativo]' : ''}`;
}
