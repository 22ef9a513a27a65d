import { type AccidentDeclaration, type accidentDeclarationBodySchema, meetsLevel, requiredLevelOf } from '@vigia/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { accidentDeclarations, accidentEvents, accidentParties } from '../../db/tables/accident-certificate.js';
import { citizens } from '../../db/tables/citizen.js';
import { storedFiles } from '../../db/tables/files.js';
import type { CitizenContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import { hitRateLimit } from '../accounts/rate-limit.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { newCitizenProtocol } from '../citizen-accounts/citizen-protocol.js';
import { ANALYSIS_DEADLINE_DAYS, DAY_MS } from '../citizen-criminal-record/certificate-deps.js';
import { nearestMunicipalitySeat } from '../reference/municipalities.js';
import { isInsideMatoGrosso } from '../reference/state-outline.js';
import { ACCIDENT_PHOTO_MAX_BYTES, ACCIDENT_PHOTO_TYPES, type AccidentDeps, type DeclarationRow } from './accident-deps.js';
import { declarationOf } from './accident-queries.js';

export type DeclarationInput = z.output<typeof accidentDeclarationBodySchema>;

/** Declarations a citizen may file per day (abuse guard, shared database counter). */
export const DECLARATIONS_PER_DAY = 5;

/**
 * The rules of an online declaration, checked before anything is written:
 * - a non-injury accident only: an injury accident is referred to the police (ACCIDENT_WITH_INJURIES);
 * - the date is not in the future and no older than ACCIDENT_DECLARATION_MAX_DAYS when first declared
 *   (a resubmission after a correction counts from the first submission, not from now);
 * - the point picked on the map is inside Mato Grosso (the state outline);
 * - other parties are other people (not the declarant, no CPF twice);
 * - photos are the citizen's own uploads, JPEG or PNG (checked by bytes at upload), at most 10 MB.
 */
async function checkDeclaration(deps: AccidentDeps, who: CitizenContext, input: DeclarationInput, firstDeclaredAt: Date) {
  if (!input.noInjuries) throw new AppError('ACCIDENT_WITH_INJURIES');
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > deps.clock.now().getTime())
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'occurredAt', message: 'A data e a hora do acidente não podem estar no futuro.' },
    ]);
  const maxDays = deps.config.citizen.accidentDeclarationMaxDays;
  if (firstDeclaredAt.getTime() - occurredAt.getTime() > maxDays * DAY_MS)
    throw new AppError(
      'ACCIDENT_DECLARATION_LATE',
      `O prazo para declarar um acidente pela internet é de ${maxDays} dias. Procure uma unidade da polícia de trânsito para registrá-lo.`,
    );
  if (!isInsideMatoGrosso(input.latitude, input.longitude)) throw new AppError('ACCIDENT_OUTSIDE_MT');
  const cpfs = input.otherParties.map((p) => p.cpf).filter((c): c is string => !!c);
  const problems: { path: string; message: string }[] = [];
  input.otherParties.forEach((p, i) => {
    if (p.cpf === who.citizen.cpf) problems.push({ path: `otherParties.${i}.cpf`, message: 'Informe aqui as outras partes, não você.' });
    else if (p.cpf && cpfs.indexOf(p.cpf) !== cpfs.lastIndexOf(p.cpf))
      problems.push({ path: `otherParties.${i}.cpf`, message: 'O mesmo CPF foi informado para mais de uma parte.' });
  });
  if (new Set(input.photoFileIds).size !== input.photoFileIds.length)
    problems.push({ path: 'photoFileIds', message: 'A mesma foto foi anexada mais de uma vez.' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  if (input.photoFileIds.length) {
    const files = await deps.db
      .select()
      .from(storedFiles)
      .where(and(inArray(storedFiles.id, input.photoFileIds), eq(storedFiles.uploadedBy, who.citizen.id)));
    if (files.length !== input.photoFileIds.length) throw new AppError('NOT_FOUND', 'Foto não encontrada entre os seus envios.');
    if (files.some((f) => !ACCIDENT_PHOTO_TYPES.includes(f.mediaType)))
      throw new AppError('FILE_TYPE_NOT_ALLOWED', 'As fotos do acidente devem ser JPEG ou PNG.');
    if (files.some((f) => f.sizeBytes > ACCIDENT_PHOTO_MAX_BYTES))
      throw new AppError('PAYLOAD_TOO_LARGE', 'Cada foto do acidente deve ter no máximo 10 MB.');
  }
  const seat = nearestMunicipalitySeat(input.latitude, input.longitude).municipality;
  return { occurredAt, municipalityIbge: seat.ibgeCode, municipalityName: seat.name };
}

function requireLevel(who: CitizenContext) {
  if (!meetsLevel(who.citizen.level, requiredLevelOf('accident_certificate'))) throw new AppError('CITIZEN_LEVEL_TOO_LOW');
}

/** Writes the parties of a version: the declarant first, then the others as named. */
async function writeParties(tx: Tx, declarationId: string, who: CitizenContext, input: DeclarationInput) {
  await tx.delete(accidentParties).where(eq(accidentParties.declarationId, declarationId));
  await tx.insert(accidentParties).values([
    {
      declarationId,
      position: 0,
      declarant: true,
      name: who.citizen.name,
      cpf: who.citizen.cpf,
      plate: input.plate,
      vehicle: input.vehicle,
    },
    ...input.otherParties.map((p, i) => ({
      declarationId,
      position: i + 1,
      declarant: false,
      name: p.name,
      cpf: p.cpf,
      plate: p.plate,
      vehicle: p.vehicle,
    })),
  ]);
}

/**
 * Tells the other parties named by CPF who already use the portal (so their e-mail is known) that
 * a declaration names them and awaits their confirmation. The e-mail says no more than the
 * protocol: the declaration is read after signing in.
 */
async function notifyNamedParties(tx: Tx, protocol: string, input: DeclarationInput) {
  const cpfs = input.otherParties.map((p) => p.cpf).filter((c): c is string => !!c);
  if (!cpfs.length) return;
  const named = await tx.select({ email: citizens.email }).from(citizens).where(inArray(citizens.cpf, cpfs));
  for (const { email } of named) {
    if (!email) continue;
    await queueMail(tx, {
      to: email,
      subject: `Acidente de trânsito — protocolo ${protocol}: confirme sua participação`,
      text: `Uma declaração de acidente de trânsito sem vítimas (protocolo ${protocol}) indica você como parte.\n\nEntre no Portal da Segurança com sua conta gov.br, em Meus serviços, para ler a declaração e confirmar sua participação.\n`,
    });
  }
}

/** A signed-in citizen (gov.br prata or ouro) declares a non-injury accident; a protocol at once. */
export async function declareAccident(
  deps: AccidentDeps,
  who: CitizenContext,
  actor: AuditActor,
  input: DeclarationInput,
): Promise<AccidentDeclaration> {
  requireLevel(who);
  const now = deps.clock.now();
  const checked = await checkDeclaration(deps, who, input, now);
  const limit = await hitRateLimit(deps.db, 'accident-declaration', who.citizen.id, { max: DECLARATIONS_PER_DAY, windowMs: DAY_MS });
  if (!limit.allowed) throw new AppError('RATE_LIMITED', 'Limite diário de declarações de acidente atingido. Tente novamente amanhã.');
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accidentDeclarations)
      .values({
        protocol: newCitizenProtocol('CAT', now),
        citizenId: who.citizen.id,
        status: 'submitted',
        ...contentOf(input, checked),
        deadlineAt: new Date(now.getTime() + ANALYSIS_DEADLINE_DAYS * DAY_MS),
        submittedAt: now,
        updatedAt: now,
      })
      .returning();
    await writeParties(tx, row!.id, who, input);
    await notifyNamedParties(tx, row!.protocol, input);
    await tx.insert(accidentEvents).values({ declarationId: row!.id, version: 1, kind: 'submitted', at: now, snapshot: { ...input } });
    await recordAudit(tx, actor, {
      action: 'accident_certificate.declared',
      targetType: 'accident_declaration',
      targetId: row!.id,
      data: { protocol: row!.protocol, municipality: checked.municipalityIbge, parties: input.otherParties.length + 1 },
    });
    return row!.id;
  });
  return declarationOf(deps.db, id, 'owner');
}

const contentOf = (input: DeclarationInput, checked: Awaited<ReturnType<typeof checkDeclaration>>) => ({
  occurredAt: checked.occurredAt,
  latitude: input.latitude,
  longitude: input.longitude,
  municipalityIbge: checked.municipalityIbge,
  municipalityName: checked.municipalityName,
  placeDescription: input.placeDescription,
  narrative: input.narrative,
  photoFileIds: input.photoFileIds,
  noInjuries: input.noInjuries,
});

/**
 * The citizen corrects a declaration the traffic police sent back and resubmits it: a new version
 * (the earlier one stays in the history with its content), a new legal deadline from now, and the
 * other parties' confirmations cleared (they confirmed the earlier text; they confirm again).
 */
export async function resubmitAccident(
  deps: AccidentDeps,
  who: CitizenContext,
  actor: AuditActor,
  id: string,
  input: DeclarationInput,
): Promise<AccidentDeclaration> {
  requireLevel(who);
  const [current] = await deps.db
    .select()
    .from(accidentDeclarations)
    .where(and(eq(accidentDeclarations.id, id), eq(accidentDeclarations.citizenId, who.citizen.id)));
  if (!current) throw new AppError('NOT_FOUND', 'Nenhuma declaração de acidente sua com este identificador.');
  const checked = await checkDeclaration(deps, who, input, current.submittedAt);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(accidentDeclarations).where(eq(accidentDeclarations.id, id)).for('update');
    if (row!.status !== 'corrections_requested')
      throw new AppError('INVALID_STATE', 'Só é possível corrigir uma declaração quando a polícia de trânsito pede correção.');
    const version = (row as DeclarationRow).version + 1;
    await tx
      .update(accidentDeclarations)
      .set({
        ...contentOf(input, checked),
        status: 'submitted',
        version,
        deadlineAt: new Date(now.getTime() + ANALYSIS_DEADLINE_DAYS * DAY_MS),
        updatedAt: now,
      })
      .where(eq(accidentDeclarations.id, id));
    await writeParties(tx, id, who, input);
    await notifyNamedParties(tx, row!.protocol, input);
    await tx.insert(accidentEvents).values({ declarationId: id, version, kind: 'resubmitted', at: now, snapshot: { ...input } });
    await recordAudit(tx, actor, {
      action: 'accident_certificate.resubmitted',
      targetType: 'accident_declaration',
      targetId: id,
      data: { protocol: row!.protocol, version },
    });
  });
  return declarationOf(deps.db, id, 'owner');
}
