import { type AccidentDeclaration, accidentStatusLabels, maskCpf } from '@vigia/contracts';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db, Queryable } from '../../db/client.js';
import type { accidentDeclarations, accidentEvents, accidentParties } from '../../db/tables/accident-certificate.js';
import type { DocumentsDeps } from '../documents/issue-document.js';
import type { FileStorage } from '../files/file-storage.js';
import type { TrafficAccidentsAdapter } from './traffic-accidents.adapter.js';

export interface AccidentDeps {
  db: Db;
  clock: Clock;
  config: Config;
  storage: FileStorage;
  documents: DocumentsDeps;
  /** The system of record (the platform's own store unless a state plugs another adapter in). */
  accidents: (db: Queryable) => TrafficAccidentsAdapter;
}

export type DeclarationRow = typeof accidentDeclarations.$inferSelect;
export type PartyRow = typeof accidentParties.$inferSelect;
export type EventRow = typeof accidentEvents.$inferSelect;

/** Photos a declaration may carry, and their size (the upload limit applies too). */
export const ACCIDENT_PHOTO_TYPES = ['image/jpeg', 'image/png'];
export const ACCIDENT_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The declaration as its owner (full CPFs: the declarant typed them) or the traffic police (CPFs
 * masked) see it, with its history.
 */
export function toDeclaration(
  row: DeclarationRow,
  parties: PartyRow[],
  photos: { id: string; originalName: string }[],
  events: EventRow[],
  view: 'owner' | 'staff',
): AccidentDeclaration {
  return {
    id: row.id,
    protocol: row.protocol,
    status: row.status,
    statusLabel: accidentStatusLabels[row.status],
    version: row.version,
    occurredAt: row.occurredAt.toISOString(),
    latitude: row.latitude,
    longitude: row.longitude,
    municipality: row.municipalityName,
    placeDescription: row.placeDescription,
    narrative: row.narrative,
    parties: [...parties]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        id: p.id,
        name: p.name,
        cpf: p.cpf && view === 'staff' ? maskCpf(p.cpf) : p.cpf,
        plate: p.plate,
        vehicle: p.vehicle,
        declarant: p.declarant,
        confirmedAt: p.confirmedAt?.toISOString() ?? null,
      })),
    photos,
    answer: row.answer,
    deadlineAt: row.status === 'submitted' ? row.deadlineAt.toISOString() : null,
    code: row.code,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt.toISOString(),
    history: events.map((e) => ({ kind: e.kind, at: e.at.toISOString(), note: e.note, version: e.version })),
  };
}
