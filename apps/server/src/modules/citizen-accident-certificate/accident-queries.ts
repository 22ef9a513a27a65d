import { type AccidentDeclaration, type AccidentParticipation, maskCpf } from '@vigia/contracts';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { accidentDeclarations, accidentEvents, accidentParties } from '../../db/tables/accident-certificate.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { storedFiles } from '../../db/tables/files.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import type { FileStorage } from '../files/file-storage.js';
import { type DeclarationRow, toDeclaration } from './accident-deps.js';

const notYours = () => new AppError('NOT_FOUND', 'Nenhuma declaração de acidente sua com este identificador.');

async function assemble(db: Queryable, rows: DeclarationRow[], view: 'owner' | 'staff'): Promise<AccidentDeclaration[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [parties, events] = await Promise.all([
    db.select().from(accidentParties).where(inArray(accidentParties.declarationId, ids)),
    db.select().from(accidentEvents).where(inArray(accidentEvents.declarationId, ids)).orderBy(asc(accidentEvents.at)),
  ]);
  const photoIds = rows.flatMap((r) => r.photoFileIds);
  const photos = photoIds.length
    ? await db
        .select({ id: storedFiles.id, originalName: storedFiles.originalName })
        .from(storedFiles)
        .where(inArray(storedFiles.id, photoIds))
    : [];
  return rows.map((r) =>
    toDeclaration(
      r,
      parties.filter((p) => p.declarationId === r.id),
      r.photoFileIds.map((id) => photos.find((p) => p.id === id)).filter((p) => !!p),
      events.filter((e) => e.declarationId === r.id),
      view,
    ),
  );
}

export async function declarationOf(db: Queryable, id: string, view: 'owner' | 'staff'): Promise<AccidentDeclaration> {
  const rows = await db.select().from(accidentDeclarations).where(eq(accidentDeclarations.id, id));
  const [one] = await assemble(db, rows, view);
  if (!one) throw new AppError('NOT_FOUND', 'Nenhuma declaração de acidente com este identificador.');
  return one;
}

/** The citizen's own declarations, newest first. */
export async function declarationsOf(db: Queryable, citizenId: string): Promise<AccidentDeclaration[]> {
  const rows = await db
    .select()
    .from(accidentDeclarations)
    .where(eq(accidentDeclarations.citizenId, citizenId))
    .orderBy(desc(accidentDeclarations.submittedAt))
    .limit(200);
  return assemble(db, rows, 'owner');
}

/** One of the citizen's own declarations (someone else's: 404, never 403). */
export async function ownDeclaration(db: Queryable, citizenId: string, id: string): Promise<AccidentDeclaration> {
  const rows = await db
    .select()
    .from(accidentDeclarations)
    .where(and(eq(accidentDeclarations.id, id), eq(accidentDeclarations.citizenId, citizenId)));
  const [one] = await assemble(db, rows, 'owner');
  if (!one) throw notYours();
  return one;
}

/** The PDF of one of the citizen's own certificates. */
export async function accidentCertificatePdfOf(db: Queryable, storage: FileStorage, citizenId: string, id: string): Promise<FileDownload> {
  const [row] = await db
    .select({ protocol: accidentDeclarations.protocol, doc: generatedDocuments })
    .from(accidentDeclarations)
    .innerJoin(generatedDocuments, eq(generatedDocuments.id, accidentDeclarations.documentId))
    .where(and(eq(accidentDeclarations.id, id), eq(accidentDeclarations.citizenId, citizenId)));
  if (!row) throw new AppError('NOT_FOUND', 'Nenhuma certidão de acidente emitida sua com este identificador.');
  return {
    data: await storage.read(row.doc.storageKey),
    mediaType: 'application/pdf',
    filename: `certidao-acidente-${row.protocol}.pdf`,
  };
}

/**
 * Declarations that name the citizen's CPF as another party: the declaration minus the other
 * parties' personal data (their plates and vehicles only; no names, no CPFs).
 */
export async function participationsOf(db: Queryable, cpf: string, onlyId?: string): Promise<AccidentParticipation[]> {
  const mine = await db
    .select({ party: accidentParties, declaration: accidentDeclarations })
    .from(accidentParties)
    .innerJoin(accidentDeclarations, eq(accidentDeclarations.id, accidentParties.declarationId))
    .where(
      and(eq(accidentParties.cpf, cpf), eq(accidentParties.declarant, false), onlyId ? eq(accidentDeclarations.id, onlyId) : undefined),
    )
    .orderBy(desc(accidentDeclarations.submittedAt))
    .limit(200);
  if (!mine.length) return [];
  const all = await db
    .select()
    .from(accidentParties)
    .where(
      inArray(
        accidentParties.declarationId,
        mine.map((m) => m.declaration.id),
      ),
    )
    .orderBy(asc(accidentParties.position));
  return mine.map(({ party, declaration: d }) => ({
    id: d.id,
    protocol: d.protocol,
    status: d.status,
    occurredAt: d.occurredAt.toISOString(),
    municipality: d.municipalityName,
    placeDescription: d.placeDescription,
    narrative: d.narrative,
    me: {
      id: party.id,
      name: party.name,
      cpf: party.cpf,
      plate: party.plate,
      vehicle: party.vehicle,
      declarant: false,
      confirmedAt: party.confirmedAt?.toISOString() ?? null,
    },
    others: all
      .filter((p) => p.declarationId === d.id && p.id !== party.id)
      .map((p) => ({ plate: p.plate, vehicle: p.vehicle, declarant: p.declarant })),
  }));
}

/** The traffic police queue: declarations awaiting a decision, oldest deadline first; CPFs masked. */
export async function accidentQueue(db: Queryable) {
  const rows = await db
    .select()
    .from(accidentDeclarations)
    .where(eq(accidentDeclarations.status, 'submitted'))
    .orderBy(asc(accidentDeclarations.deadlineAt))
    .limit(500);
  return assemble(db, rows, 'staff');
}

export const maskedCpfs = (cpfs: (string | null)[]) => cpfs.filter((c): c is string => !!c).map(maskCpf);
