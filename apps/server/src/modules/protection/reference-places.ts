import {
  type ProtectionRoute,
  type ReferencePlace,
  type ReferencePlaceKind,
  referencePlaceColumns,
  referencePlaceKindLabels,
  referencePlaceKindWords,
} from '@vigia/contracts';
import type { Db, Queryable } from '../../db/client.js';
import { protectionReferencePlaces } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import type { AuditActor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { readSpreadsheet, type SheetRow } from '../cameras/import/spreadsheet-reader.js';
import { headerKey } from '../cameras/import/validate-import-rows.js';
import { columnTemplate, filledRows, mapHeader, rowReader, sortProblems } from '../spreadsheets/column-sheet.js';
import { type LatLon, nearestOnPolyline } from './geometry.js';

type Row = typeof protectionReferencePlaces.$inferInsert;

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
 * `header.<column>`) and a pt-BR message (column-sheet.ts). Any problem refuses the whole file.
 */
export function validateReferenceSheet(header: string[], rows: SheetRow[]) {
  const { index, problems } = mapHeader(referencePlaceColumns, header);
  if (problems.length) return { places: [], problems };
  const filled = filledRows(rows);
  if (!filled.length) problems.push({ path: 'rows', message: 'A planilha não tem nenhuma linha preenchida.' });
  const places: Omit<Row, 'importedBy'>[] = [];
  for (const r of filled) {
    const read = rowReader(referencePlaceColumns, index, r, problems);
    const kindText = read.cell('kind');
    const kind = referencePlaceKindWords[headerKey(kindText).replace(/ /g, '-')] as ReferencePlaceKind | undefined;
    if (kindText && !kind) read.problem('kind', 'use "Hospital", "Polícia" ou "Bombeiros".');
    const municipality = read.municipality('municipality');
    const { latitude, longitude } = read.point('latitude', 'longitude');
    places.push({
      kind: kind ?? 'hospital',
      name: read.cell('name'),
      address: read.cell('address'),
      municipality: municipality.found?.name ?? municipality.text,
      phone: read.cell('phone') || null,
      latitude,
      longitude,
      source: read.cell('source'),
      illustrative: false,
    });
  }
  return { places, problems: sortProblems(problems, referencePlaceColumns) };
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
export const referenceTemplate = (format: 'csv' | 'xlsx'): Promise<Buffer> =>
  columnTemplate(format, referencePlaceColumns, {
    sheet: 'Apoio na rota',
    notes: [
      'Uma unidade por linha. Informe a fonte de cada dado. A importação substitui a lista inteira.',
      'Se alguma linha tiver problema, nada é importado: a resposta indica cada linha e o motivo.',
    ],
  });

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
