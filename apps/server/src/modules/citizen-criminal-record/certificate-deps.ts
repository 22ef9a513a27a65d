import type { CertificateRequest } from '@vigia/contracts';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db, Queryable } from '../../db/client.js';
import type { criminalRecordCertificates } from '../../db/tables/criminal-record.js';
import type { DocumentRenderQueue } from '../documents/deferred-render.js';
import type { DocumentsDeps } from '../documents/issue-document.js';
import type { CriminalRecordsAdapter } from './criminal-records.adapter.js';

export interface CertificateDeps {
  db: Db;
  clock: Clock;
  config: Config;
  documents: DocumentsDeps;
  /** Renders the certificate PDFs after commit (the render sweep covers what it cannot). */
  renders: Pick<DocumentRenderQueue, 'schedule'>;
  /** The system of record (the platform's own store unless a state plugs another adapter in). */
  records: (db: Queryable) => CriminalRecordsAdapter;
}

export type CertificateRow = typeof criminalRecordCertificates.$inferSelect;

/** Lei 9.051/1995: certificates for the defence of rights are issued within 15 days. */
export const ANALYSIS_DEADLINE_DAYS = 15;

export const DAY_MS = 86_400_000;

/** `pdfReady`: the certificate's document has its file (its SHA-256 is recorded). */
export function toCertificateRequest(r: CertificateRow, pdfReady = false): CertificateRequest {
  return {
    id: r.id,
    protocol: r.protocol,
    status: r.status,
    deadlineAt: r.deadlineAt?.toISOString() ?? null,
    code: r.code,
    issuedAt: r.issuedAt?.toISOString() ?? null,
    validUntil: r.validUntil?.toISOString() ?? null,
    result: r.result,
    answer: r.answer,
    requestedAt: r.requestedAt.toISOString(),
    pdfReady: r.status === 'issued' && pdfReady,
  };
}
