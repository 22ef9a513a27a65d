import {
  authenticityCodeSchema,
  certificateConsentLinkSchema,
  certificateRequestSchema,
  certificateVerificationSchema,
  consentAnswerSchema,
  consentLinkSchema,
  cpfSchema,
  criminalRecordEntrySchema,
  criminalRecordKinds,
  criminalRecordStatuses,
  idParamSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { acting, citizenActorOf, citizenOf } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { sendFile } from '../../http/send-file.js';
import { CoalescedRateLimit } from '../accounts/rate-limit.js';
import type { DocumentRenderQueue } from '../documents/deferred-render.js';
import { localFileStorage } from '../files/file-storage.js';
import type { CertificateDeps } from './certificate-deps.js';
import { analysisQueue, certificatePdfOf, certificatesOf } from './certificate-queries.js';
import { answerConsentLink, consentLinksOf, createConsentLink, revokeConsentLink } from './consent-links.js';
import { criminalRecordPolicy as policy } from './criminal-record.policy.js';
import { platformCriminalRecords } from './criminal-records.adapter.js';
import { addCriminalRecord, changeCriminalRecordStatus, criminalRecordsOfCpf, toCriminalRecordEntry } from './criminal-records.store.js';
import { decideCertificate } from './decide-certificate.js';
import { requestCertificate } from './request-certificate.js';
import { verifyCertificate } from './verify-certificate.js';

const tags = ['citizen: criminal-record certificate'];
const text = (max: number) => z.string().trim().min(3).max(max);

/** How long a client is asked to wait before asking again for a PDF still being rendered. */
const RENDER_RETRY_SECONDS = 2;

export function criminalRecordRoutes(app: AppDeps, renders: DocumentRenderQueue): FastifyPluginAsyncZod {
  const storage = localFileStorage(app.config.dataDir);
  const deps: CertificateDeps = {
    db: app.database.db,
    clock: app.clock,
    config: app.config,
    documents: { storage, publicUrl: app.config.publicUrl },
    renders,
    records: platformCriminalRecords,
  };
  // Public checks (verification, consent links) per address: the shared database counter, written
  // in one upsert per address at most every 250 ms rather than on every check.
  const checks = new CoalescedRateLimit(deps.db, 'certificate-check', { max: deps.config.citizen.checksPerMinute, windowMs: 60_000 });
  const publicLimit = async (ip: string) => {
    if (!checks.hit(ip)) throw new AppError('RATE_LIMITED');
  };
  return async (r) => {
    r.addHook('onClose', () => checks.flush());
    r.post('/api/citizen/criminal-certificates', {
      config: { access: policy.request },
      schema: {
        tags,
        summary: 'Request a certificate (issued at once, or analysed within 15 days)',
        body: z.object({ purpose: text(200) }),
        response: { 200: certificateRequestSchema },
      },
      handler: async (request) => requestCertificate(deps, citizenOf(request), citizenActorOf(request), request.body),
    });
    r.get('/api/citizen/criminal-certificates', {
      config: { access: policy.listMine },
      schema: {
        tags,
        summary: "The citizen's certificate requests",
        response: { 200: z.object({ certificates: z.array(certificateRequestSchema) }) },
      },
      handler: async (request) => ({ certificates: await certificatesOf(deps.db, citizenOf(request).citizen.id) }),
    });
    r.get('/api/citizen/criminal-certificates/:id/pdf', {
      config: { access: policy.downloadMine },
      schema: {
        tags,
        summary: 'The PDF of an own certificate (202 + Retry-After while it is being generated)',
        params: idParamSchema,
      },
      handler: async (request, reply) => {
        const file = await certificatePdfOf(deps.db, storage, citizenOf(request).citizen.id, request.params.id);
        if (file) return sendFile(reply, file);
        return reply.code(202).header('retry-after', String(RENDER_RETRY_SECONDS)).send({
          status: 'generating',
          message: 'A certidão foi emitida e o PDF está sendo gerado. Tente baixar novamente em alguns segundos.',
        });
      },
    });
    r.post('/api/citizen/criminal-certificates/:id/consent-links', {
      config: { access: policy.createConsentLink },
      schema: {
        tags,
        summary: 'Give someone (an employer) a link valid for N days',
        params: idParamSchema,
        body: z.object({ grantee: text(120), days: z.number().int().min(1).max(365) }),
        response: { 200: consentLinkSchema },
      },
      handler: async (request) => createConsentLink(deps, citizenOf(request), citizenActorOf(request), request.params.id, request.body),
    });
    r.get('/api/citizen/consent-links', {
      config: { access: policy.listMyConsentLinks },
      schema: {
        tags,
        summary: 'The consent links the citizen gave (active, expired, revoked)',
        response: { 200: z.object({ links: z.array(certificateConsentLinkSchema) }) },
      },
      handler: async (request) => ({ links: await consentLinksOf(deps.db, deps.clock, citizenOf(request).citizen.id) }),
    });
    r.post('/api/citizen/consent-links/:id/revoke', {
      config: { access: policy.revokeConsentLink },
      schema: {
        tags,
        summary: 'Revoke a consent link the citizen gave (it answers "revogado" from then on)',
        params: idParamSchema,
        response: { 200: certificateConsentLinkSchema },
      },
      handler: async (request) => revokeConsentLink(deps, citizenOf(request), citizenActorOf(request), request.params.id),
    });
    r.get('/api/public/criminal-certificates/:code', {
      config: { access: policy.verify },
      schema: {
        tags,
        summary: 'Verify a certificate by authenticity code',
        params: z.object({ code: authenticityCodeSchema }),
        response: { 200: certificateVerificationSchema },
      },
      handler: async (request) => {
        await publicLimit(request.ip);
        return verifyCertificate(deps, request.params.code);
      },
    });
    r.get('/api/public/consent/:token', {
      config: { access: policy.consent },
      schema: {
        tags,
        summary: 'Answer of a consent link',
        params: z.object({ token: z.string().regex(/^[\w-]{20,100}$/) }),
        response: { 200: consentAnswerSchema },
      },
      handler: async (request) => {
        await publicLimit(request.ip);
        return answerConsentLink(deps, request.params.token);
      },
    });
    r.get('/api/criminal-certificates/queue', {
      config: { access: policy.queue },
      schema: { tags, summary: 'Requests in analysis (Politec), oldest deadline first' },
      handler: async () => ({ requests: await analysisQueue(deps.db) }),
    });
    r.post('/api/criminal-certificates/:id/decision', {
      config: { access: policy.decide },
      schema: {
        tags,
        summary: 'Issue the certificate or answer with reasons',
        params: idParamSchema,
        body: z.discriminatedUnion('decision', [
          z.object({ decision: z.literal('issue') }),
          z.object({ decision: z.literal('answer'), reason: text(2000) }),
        ]),
        response: { 200: certificateRequestSchema },
      },
      handler: async (request) => decideCertificate(deps, acting(request), request.params.id, request.body),
    });
    r.post('/api/criminal-records', {
      config: { access: policy.addRecord },
      schema: {
        tags,
        summary: 'Add an entry to the platform records base',
        body: z.object({
          cpf: cpfSchema.nullable(),
          name: text(200),
          motherName: text(200).nullable().default(null),
          kind: z.enum(criminalRecordKinds),
          status: z.enum(criminalRecordStatuses),
          description: text(500),
          court: text(200).nullable().default(null),
        }),
      },
      handler: async (request) => {
        const row = await addCriminalRecord(deps.db, acting(request), request.body);
        return { id: row.id };
      },
    });
    r.get('/api/criminal-records', {
      config: { access: policy.recordsOfCpf },
      schema: {
        tags,
        summary: "A CPF's entries (audited; shown to the citizen)",
        querystring: z.object({ cpf: cpfSchema, purpose: text(200) }),
        response: { 200: z.object({ records: z.array(criminalRecordEntrySchema) }) },
      },
      handler: async (request) => ({
        records: (await criminalRecordsOfCpf(deps.db, deps.clock, acting(request), request.query.cpf, request.query.purpose)).map(
          toCriminalRecordEntry,
        ),
      }),
    });
    r.post('/api/criminal-records/:id/status', {
      config: { access: policy.changeRecordStatus },
      schema: {
        tags,
        summary: "Change an entry's status (sentence served, punishability extinguished…), with the reason; audited",
        params: idParamSchema,
        body: z.object({ status: z.enum(criminalRecordStatuses), reason: text(500) }),
        response: { 200: criminalRecordEntrySchema },
      },
      handler: async (request) =>
        toCriminalRecordEntry(
          await changeCriminalRecordStatus(deps.db, acting(request), request.params.id, request.body.status, request.body.reason),
        ),
    });
  };
}
