import { date, index, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cooperationTerms } from './accreditation.js';

export const sanctionNumberSeq = pgSequence('sanction_process_number_seq', { startWith: 1 });

/**
 * Sanction process (Art. 30): notification → 10 business days of defence from receipt (§1) →
 * reasoned decision (warning, or suspension ≤ 2 years with a ban on new partnerships). Refused when
 * time-barred (5 years from the accountability report, interrupted by an investigating act, §2–3).
 */
export const sanctionProcesses = pgTable(
  'sanction_process',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    partnerId: uuid('partner_id').notNull(),
    termId: uuid('term_id')
      .notNull()
      .references(() => cooperationTerms.id),
    accountabilityReportId: uuid('accountability_report_id'),
    status: text('status', { enum: ['notified', 'defence_filed', 'decided'] })
      .notNull()
      .default('notified'),
    facts: text('facts').notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    defenceDueOn: date('defence_due_on', { mode: 'string' }).notNull(),
    defenceText: text('defence_text'),
    defenceFileId: uuid('defence_file_id'),
    defenceFiledAt: timestamp('defence_filed_at', { withTimezone: true }),
    decision: text('decision', { enum: ['warning', 'suspension', 'dismissed'] }),
    decisionReasons: text('decision_reasons'),
    suspensionStartsOn: date('suspension_starts_on', { mode: 'string' }),
    suspensionEndsOn: date('suspension_ends_on', { mode: 'string' }),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [index('sanction_process_partner_idx').on(t.partnerId, t.decision, t.suspensionEndsOn)],
);

/** Art. 29: revocation by the Secretary for supervening public interest, with reasons. */
export const termRevocations = pgTable('term_revocation', {
  id: uuid('id').primaryKey().defaultRandom(),
  termId: uuid('term_id')
    .notNull()
    .references(() => cooperationTerms.id)
    .unique(),
  reasons: text('reasons').notNull(),
  revokedBy: uuid('revoked_by').notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A case for the committee opened by a sweep (missed installation deadline, outages) or a rejection. */
export const complianceCases = pgTable(
  'compliance_case',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    kind: text('kind', {
      enum: ['installation_deadline_missed', 'uptime_breach', 'accountability_rejected', 'image_misuse', 'signage_plate_missing'],
    }).notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    closedNote: text('closed_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('compliance_case_status_idx').on(t.status, t.partnerId)],
);

/**
 * Camera health for the uptime obligation (Art. 25 §3, Art. 21; guide "100% do tempo"). The health
 * engineer fills these: `camera_monitoring` says since when a camera is watched (no row → "não
 * medido"); `camera_outage` holds each interval without video.
 */
export const cameraMonitoring = pgTable('camera_monitoring', {
  cameraId: uuid('camera_id').primaryKey(),
  monitoredSince: timestamp('monitored_since', { withTimezone: true }).notNull(),
});

export const cameraOutages = pgTable(
  'camera_outage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cameraId: uuid('camera_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    source: text('source').notNull().default('health'),
    /** Why (health engineer): camera_unreachable | auth_failed | stream_stalled | node_lost … */
    cause: text('cause'),
    partnerNotifiedAt: timestamp('partner_notified_at', { withTimezone: true }),
    committeeNotifiedAt: timestamp('committee_notified_at', { withTimezone: true }),
  },
  (t) => [index('camera_outage_camera_idx').on(t.cameraId, t.startedAt)],
);
