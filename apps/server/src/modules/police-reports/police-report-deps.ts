import { maskCpf, type PoliceReport, policeReportContentSchema, policeReportKindLabels, policeReportStatusLabels } from '@vigia/contracts';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db, Queryable } from '../../db/client.js';
import type { policeReportEvents, policeReportMessages, policeReports } from '../../db/tables/police-reports.js';
import type { DocumentRenderQueue } from '../documents/deferred-render.js';
import type { DocumentsDeps } from '../documents/issue-document.js';
import type { FileStorage } from '../files/file-storage.js';
import type { PoliceRecordsAdapter } from './police-records.adapter.js';
import type { VehicleTheftRecords } from './vehicle-theft-link.js';

export interface PoliceReportDeps {
  db: Db;
  clock: Clock;
  config: Config;
  storage: FileStorage;
  documents: DocumentsDeps;
  /** Renders the report PDFs after commit (the render sweep covers what it cannot). */
  renders: Pick<DocumentRenderQueue, 'schedule'>;
  /** The system of record of police reports (the platform's own numbering unless a state plugs its own). */
  records: (db: Queryable) => PoliceRecordsAdapter;
  /** The vehicle-records store told about stolen and recovered vehicles. */
  vehicles: VehicleTheftRecords;
}

export type ReportRow = typeof policeReports.$inferSelect;
export type MessageRow = typeof policeReportMessages.$inferSelect;
export type EventRow = typeof policeReportEvents.$inferSelect;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/**
 * The platform's target for the station's analysis of an online report (no statute sets one; a
 * state sets its own here). A missing-person report has none: it is urgent from the first minute.
 */
export const POLICE_REPORT_ANALYSIS_DAYS = 10;
/** The time the citizen is given to answer a request for more information (platform default). */
export const POLICE_REPORT_ANSWER_DAYS = 15;
/** Reports a citizen may start per day (abuse guard); a missing-person report is never limited. */
export const POLICE_REPORTS_PER_DAY = 10;
/** Attachments: JPEG, PNG or PDF (checked by bytes at upload), at most 10 MB each. */
export const POLICE_REPORT_FILE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
export const POLICE_REPORT_FILE_MAX_BYTES = 10 * 1024 * 1024;

export interface ReportParts {
  station: { id: string; name: string; municipality: string } | null;
  reporter: { name: string; cpf: string };
  attachments: { id: string; originalName: string }[];
  messages: MessageRow[];
  events: EventRow[];
  pdfReady: boolean;
}

/** The report as its author (full CPF) or the civil police (CPF masked) see it. */
export function toReport(row: ReportRow, parts: ReportParts, view: 'owner' | 'staff'): PoliceReport {
  const content = policeReportContentSchema.parse(row.content);
  return {
    id: row.id,
    protocol: row.protocol,
    kind: row.kind,
    kindLabel: policeReportKindLabels[row.kind],
    status: row.status,
    statusLabel: policeReportStatusLabels[row.status],
    station: parts.station,
    content,
    reporter: { name: parts.reporter.name, cpf: view === 'staff' ? maskCpf(parts.reporter.cpf) : parts.reporter.cpf },
    urgent: row.urgent,
    municipality: parts.station?.municipality ?? null,
    deadlineAt: row.status === 'submitted' || row.status === 'info_requested' ? (row.deadlineAt?.toISOString() ?? null) : null,
    representationDeadlineAt: row.representationDeadlineAt?.toISOString() ?? null,
    protectiveMeasureDueAt: row.protectiveMeasureDueAt?.toISOString() ?? null,
    protectiveMeasureForwardedAt: row.protectiveMeasureForwardedAt?.toISOString() ?? null,
    reportNumber: row.reportNumber,
    code: row.code,
    pdfReady: parts.pdfReady,
    answer: row.answer,
    vehicles: content.objects.flatMap((o, index) =>
      o.type === 'vehicle'
        ? [
            {
              index,
              plate: o.plate,
              chassis: o.chassis,
              description: o.description,
              recoveredAt: row.recoveredVehicles[String(index)] ?? null,
            },
          ]
        : [],
    ),
    attachments: parts.attachments,
    messages: parts.messages.map((m) => ({ id: m.id, from: m.from, text: m.text, at: m.at.toISOString() })),
    history: parts.events.map((e) => ({ kind: e.kind, at: e.at.toISOString(), note: e.note })),
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}
