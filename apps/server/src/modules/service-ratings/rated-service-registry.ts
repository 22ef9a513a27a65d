import type { RatedServiceId } from '@vigia/contracts';
import { and, eq, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { accidentDeclarations } from '../../db/tables/accident-certificate.js';
import { criminalRecordCertificates } from '../../db/tables/criminal-record.js';
import { identityCardRequests } from '../../db/tables/identity-card.js';
import { ombudsmanManifestations } from '../../db/tables/ombudsman.js';
import { policeReports } from '../../db/tables/police-reports.js';
import { securityFees } from '../../db/tables/security-fees.js';
import { toCuiabaDate } from '../calendar/local-date.js';

/**
 * Where a rated service keeps its requests: enough for the rating rules (a finished request of
 * that citizen) and for the public page (volume; share answered within the legal deadline). A new
 * service is rated by adding one entry here and one in `ratedServices` (@vigia/contracts). The
 * anonymous lookups (warrant, vehicle status) are not: they keep no citizen to ask.
 */
export interface RatedServiceSource {
  table: PgTable;
  id: PgColumn;
  citizenId: PgColumn;
  /** What the citizen recognises the request by (protocol; the Pix txid for a fee). */
  protocol: PgColumn;
  /** A finished use: the service answered, issued, delivered or was paid. */
  finished: SQL;
  finishedAt: SQL<Date>;
  /**
   * The legal clock, if the service has one: `due` are the requests the share is counted over
   * (answered, or still open past the deadline at `now`), `within` those answered in time.
   */
  deadline?: { due: (now: Date) => SQL; within: SQL };
}

const crc = criminalRecordCertificates;
const acc = accidentDeclarations;
const ouv = ombudsmanManifestations;

export const ratedServiceRegistry: Record<RatedServiceId, RatedServiceSource> = {
  // Lei 9.051/1995: 15 days. A certificate issued at once has no deadline row and is in time; an
  // answered one (refused with reasons) has no recorded time, so it stays out of the share.
  criminal_record_certificate: {
    table: crc,
    id: crc.id,
    citizenId: crc.citizenId,
    protocol: crc.protocol,
    finished: inArray(crc.status, ['issued', 'answered']),
    finishedAt: sql<Date>`coalesce(${crc.issuedAt}, ${crc.requestedAt})`,
    deadline: {
      due: (now) => or(eq(crc.status, 'issued'), and(eq(crc.status, 'in_analysis'), lt(crc.deadlineAt, now)))!,
      within: and(eq(crc.status, 'issued'), sql`(${crc.deadlineAt} IS NULL OR ${crc.issuedAt} <= ${crc.deadlineAt})`)!,
    },
  },
  identity_card: {
    table: identityCardRequests,
    id: identityCardRequests.id,
    citizenId: identityCardRequests.citizenId,
    protocol: identityCardRequests.protocol,
    finished: eq(identityCardRequests.stage, 'delivered'),
    finishedAt: sql<Date>`${identityCardRequests.updatedAt}`,
  },
  security_fee: {
    table: securityFees,
    id: securityFees.id,
    citizenId: securityFees.citizenId,
    protocol: securityFees.txid,
    finished: and(eq(securityFees.status, 'paid'), isNotNull(securityFees.paidAt))!,
    finishedAt: sql<Date>`${securityFees.paidAt}`,
  },
  // Lei 9.051/1995: 15 days; the decision's time is the row's updated_at (never changed after).
  accident_certificate: {
    table: acc,
    id: acc.id,
    citizenId: acc.citizenId,
    protocol: acc.protocol,
    finished: inArray(acc.status, ['validated', 'rejected']),
    finishedAt: sql<Date>`${acc.updatedAt}`,
    deadline: {
      due: (now) => or(inArray(acc.status, ['validated', 'rejected']), and(eq(acc.status, 'submitted'), lt(acc.deadlineAt, now)))!,
      within: and(inArray(acc.status, ['validated', 'rejected']), sql`${acc.updatedAt} <= ${acc.deadlineAt}`)!,
    },
  },
  // Lei 13.460/2017 art. 16: 30 days, 60 once extended, counted by day in Cuiabá.
  ombudsman: {
    table: ouv,
    id: ouv.id,
    citizenId: ouv.citizenId,
    protocol: ouv.protocol,
    finished: eq(ouv.status, 'answered'),
    finishedAt: sql<Date>`${ouv.answeredAt}`,
    deadline: {
      due: (now) => or(eq(ouv.status, 'answered'), lt(ouv.dueOn, toCuiabaDate(now)))!,
      within: and(eq(ouv.status, 'answered'), sql`${ouv.answeredOn} <= ${ouv.dueOn}`)!,
    },
  },
  // Registered (validated, with its number) or refused with reasons; no legal deadline to count.
  police_report: {
    table: policeReports,
    id: policeReports.id,
    citizenId: policeReports.citizenId,
    protocol: policeReports.protocol,
    finished: inArray(policeReports.status, ['validated', 'refused']),
    finishedAt: sql<Date>`coalesce(${policeReports.validatedAt}, ${policeReports.updatedAt})`,
  },
};
