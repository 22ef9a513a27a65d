import type { ActionPlan, LevelDecision, ProtecteeCategory, TeamRuleSet, ThreatAssessment } from '@vigia/contracts';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { cameras } from './cameras.js';

/**
 * Protection operations for authorities (Resolução 121/2025/CSPJC-MT). Its own tables: nothing
 * here is joined by any other module, and every read goes through modules/protection's scope.
 */
export const protectionMissionNumberSeq = pgSequence('protection_mission_number_seq', { startWith: 1 });

/** Standing functions of a person inside the module (requester, intelligence, Delegado-Geral, CORE). */
export const protectionFunctionGrants = pgTable(
  'protection_function_grant',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    function: text('function').notNull(),
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.function] })],
);

export interface Protectee {
  name: string;
  office: string;
  category: ProtecteeCategory;
  familyMemberOf: { name: string; relationship: string } | null;
}

export interface MissionVehicle {
  plate: string;
  armoured: boolean;
  soundAndLightSignals: boolean;
  kind: 'team' | 'authority_own' | 'institutional';
  drivenByTeam: boolean;
}

/** One protection mission, from the request to the closure; each step's record is its own column. */
export const protectionMissions = pgTable(
  'protection_mission',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    codeName: text('code_name').notNull(),
    status: text('status').notNull().default('requested'),
    origin: text('origin', { enum: ['ex_officio', 'on_request'] }).notNull(),
    requesterId: uuid('requester_id').notNull(),
    requestingUnit: text('requesting_unit').notNull(),
    protectee: jsonb('protectee').$type<Protectee>().notNull(),
    directorGeneralOrder: text('director_general_order'),
    reasons: text('reasons').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    assessment: jsonb('assessment').$type<ThreatAssessment>(),
    assessedBy: uuid('assessed_by'),
    activation: jsonb('activation').$type<{ activate: boolean; reasons: string; decidedBy: string; decidedAt: string }>(),
    level: integer('level'),
    levelDecision: jsonb('level_decision').$type<LevelDecision & { decidedBy: string; decidedAt: string }>(),
    teamRuleVersion: integer('team_rule_version'),
    vehicles: jsonb('vehicles').$type<MissionVehicle[]>().notNull().default([]),
    plan: jsonb('plan').$type<ActionPlan>(),
    planIssuedAt: timestamp('plan_issued_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    report: text('report'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    incidentLogged: boolean('incident_logged').notNull().default(false),
    /** Evidence locks on the route cameras' footage for the mission period, taken at the start. */
    evidenceLockIds: jsonb('evidence_lock_ids').$type<string[]>().notNull().default([]),
    /** Index (in `plan.route.legs`) of the leg being travelled, set by the team during the mission: orders the route mosaic. */
    currentLeg: integer('current_leg'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('protection_mission_status_idx').on(t.status)],
);

/**
 * A person's place in one mission: the intelligence analyst who assessed it, the CORE intelligence
 * nucleus, a convoked officer (with the chain-of-command communication to the immediate superior,
 * Art. 10 §1, the presentation §2 and the briefing checklist, Art. 21–22).
 */
export const protectionAssignments = pgTable(
  'protection_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => protectionMissions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['analyst', 'core_intelligence', 'officer'] }).notNull(),
    role: text('role'),
    unit: text('unit'),
    coreOfficer: boolean('core_officer'),
    authorityProtectionCourse: boolean('authority_protection_course'),
    justification: text('justification'),
    trainingValidatedByCore: boolean('training_validated_by_core'),
    superiorId: uuid('superior_id').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    presentedAt: timestamp('presented_at', { withTimezone: true }),
    checklist: jsonb('checklist').$type<Record<string, unknown>>(),
    checklistSignedAt: timestamp('checklist_signed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('protection_assignment_unique').on(t.missionId, t.userId, t.kind),
    index('protection_assignment_user_idx').on(t.userId),
    index('protection_assignment_superior_idx').on(t.superiorId),
  ],
);

/** Execution log (Art. 18 III): observations, incidents, changes of route. Append-only. */
export const protectionLogEntries = pgTable('protection_log_entry', {
  id: uuid('id').primaryKey().defaultRandom(),
  missionId: uuid('mission_id')
    .notNull()
    .references(() => protectionMissions.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['observation', 'incident', 'route_change'] }).notNull(),
  text: text('text').notNull(),
  authorId: uuid('author_id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/** Art. 11 §1: extensions and reductions of the period, each with its reasons. */
export const protectionPeriodChanges = pgTable('protection_period_change', {
  id: uuid('id').primaryKey().defaultRandom(),
  missionId: uuid('mission_id')
    .notNull()
    .references(() => protectionMissions.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['extension', 'reduction'] }).notNull(),
  previousEnd: date('previous_end', { mode: 'string' }).notNull(),
  newEnd: date('new_end', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  decidedBy: uuid('decided_by').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
});

/** Art. 15–16 (Annex I is not public): the level → team rule set, versioned; missions record the version used. */
export const protectionTeamRuleSets = pgTable('protection_team_rule_set', {
  version: integer('version').primaryKey(),
  rules: jsonb('rules').$type<TeamRuleSet>().notNull(),
  publishedBy: uuid('published_by'),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Each act of a mission: the issued document and the content (an ActContent) it was rendered from, for reader copies. */
export const protectionActs = pgTable(
  'protection_act',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => protectionMissions.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    documentId: uuid('document_id').notNull(),
    content: jsonb('content').$type<{ title: string }>().notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('protection_act_mission_idx').on(t.missionId)],
);

/**
 * The cameras along the route, fixed when the mission starts (the same set whose footage is
 * evidence-locked): while the mission is in progress they are the only cameras its team may watch
 * live and play back (route-camera grant, route-grant.ts).
 */
export const protectionRouteCameras = pgTable(
  'protection_route_camera',
  {
    missionId: uuid('mission_id')
      .notNull()
      .references(() => protectionMissions.id, { onDelete: 'cascade' }),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.cameraId] }), index('protection_route_camera_camera_idx').on(t.cameraId)],
);

/** Art. 11 §1: the end-of-period reminder mail, sent once per mission and period end (a new end after an act is a new version). */
export const protectionPeriodReminders = pgTable(
  'protection_period_reminder',
  {
    missionId: uuid('mission_id')
      .notNull()
      .references(() => protectionMissions.id, { onDelete: 'cascade' }),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    recipients: integer('recipients').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.periodEnd] })],
);

/**
 * Reference list of hospitals, police and fire units (support along a route). Configuration
 * imported by an administrator from the template; each import replaces the whole list. Rows marked
 * `illustrative` are demo data, not real units.
 */
export const protectionReferencePlaces = pgTable(
  'protection_reference_place',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['hospital', 'police', 'fire'] }).notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    municipality: text('municipality').notNull(),
    phone: text('phone'),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    source: text('source').notNull(),
    illustrative: boolean('illustrative').notNull().default(false),
    importedBy: uuid('imported_by'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('protection_reference_place_kind_idx').on(t.kind)],
);
