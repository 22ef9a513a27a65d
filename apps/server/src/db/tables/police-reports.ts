import type { PoliceReportContent } from '@vigia/contracts';
import { policeReportKinds, policeReportStatuses } from '@vigia/contracts';
import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { citizens } from './citizen.js';
import { securityUnits } from './security-units.js';

/**
 * Online police station (issue 16): a citizen's police report (boletim de ocorrência), from the
 * draft of the first step (it already has its protocol) to the civil police's decision. The report
 * is routed to a civil-police station (a security unit); `municipality_ibge` is the station's, the
 * scope of an officer whose grant names a municipality.
 */
export const policeReports = pgTable(
  'police_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protocol: text('protocol').notNull().unique(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    kind: text('kind', { enum: policeReportKinds }).notNull(),
    status: text('status', { enum: policeReportStatuses }).notNull(),
    stationId: uuid('station_id').references(() => securityUnits.id, { onDelete: 'set null' }),
    /** The station's municipality (an officer's scope); null while no station is set. */
    municipalityIbge: text('municipality_ibge'),
    content: jsonb('content').$type<PoliceReportContent>().notNull(),
    /** Missing person (Lei 13.812/2019): urgent, at the top of every queue. */
    urgent: boolean('urgent').notNull().default(false),
    /** Submitted: the police's target date; info requested: the citizen's. */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    /** CPP art. 38: 6 months from the fact (threat, calumny, defamation, insult). */
    representationDeadlineAt: timestamp('representation_deadline_at', { withTimezone: true }),
    /** Lei 11.340 art. 12 III: 48 hours from submission, when protective measures are asked for. */
    protectiveMeasureDueAt: timestamp('protective_measure_due_at', { withTimezone: true }),
    protectiveMeasureForwardedAt: timestamp('protective_measure_forwarded_at', { withTimezone: true }),
    /** Refusal reasons, or the last request for information. */
    answer: text('answer'),
    decidedBy: uuid('decided_by'),
    reportNumber: text('report_number').unique(),
    documentId: uuid('document_id'),
    code: text('code').unique(),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    /** Indexes (in `content.objects`) of the vehicles recorded as recovered, with when. */
    recoveredVehicles: jsonb('recovered_vehicles').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('police_report_citizen_idx').on(t.citizenId),
    index('police_report_queue_idx').on(t.status, t.municipalityIbge, t.stationId),
  ],
);

/** The two-way conversation on a report (citizen ↔ station). */
export const policeReportMessages = pgTable(
  'police_report_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => policeReports.id, { onDelete: 'cascade' }),
    from: text('from', { enum: ['citizen', 'police'] }).notNull(),
    /** Staff user (police) or null (the citizen). */
    by: uuid('by'),
    text: text('text').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('police_report_message_report_idx').on(t.reportId, t.at)],
);

/** The history of a report: submission, each decision, the protective-measure request, recoveries. */
export const policeReportEvents = pgTable(
  'police_report_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => policeReports.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: uuid('by'),
    note: text('note'),
  },
  (t) => [index('police_report_event_report_idx').on(t.reportId, t.at)],
);
