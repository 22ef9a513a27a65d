import { idParamSchema, reportDraftRequestSchema, reportRequestSchema, reportReviewRequestSchema, reportSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { acting, authOf } from '../../http/context.js';
import { sendFile } from '../../http/send-file.js';
import type { Clock } from '../calendar/clock.js';
import { downloadDocument } from '../documents/subject-documents.js';
import { localFileStorage } from '../files/file-storage.js';
import { downloadStoredFile } from '../files/stored-file-access.js';
import type { ObligationDeps } from '../obligations/deps.js';
import { openSanctionInTx } from '../sanctions/sanctions.service.js';
import { accountabilityPolicy as policy } from './accountability.policy.js';
import {
  listReports,
  loadReportInScope,
  requestReport,
  reviewReport,
  saveDraft,
  submitReport,
  toReport,
} from './accountability.service.js';

const tags = ['accountability'];
const base = '/api/accountability/reports';

/** Accountability report (Art. 19). */
export function accountabilityRoutes(deps: { db: Db; config: Config; clock: Clock }): FastifyPluginAsyncZod {
  const storage = localFileStorage(deps.config.dataDir);
  const svc: ObligationDeps = { db: deps.db, clock: deps.clock, storage, publicUrl: deps.config.publicUrl };
  return async (app) => {
    app.get(base, {
      config: { access: policy.listReports },
      schema: { tags, summary: 'Reports in scope', response: { 200: z.object({ reports: z.array(reportSchema) }) } },
      handler: async (request) => ({ reports: await listReports(deps.db, deps.clock, authOf(request)) }),
    });
    app.get(`${base}/:id`, {
      config: { access: policy.viewReport },
      schema: { tags, summary: 'Report with prefilled facts', params: idParamSchema, response: { 200: reportSchema } },
      handler: async (request) => toReport(deps.db, deps.clock, await loadReportInScope(deps.db, authOf(request), request.params.id)),
    });
    app.get(`${base}/:id/files/:fileId`, {
      config: { access: policy.downloadReportFile },
      schema: {
        tags,
        summary: 'Download a generated act or an attached photo of the report',
        params: z.object({ id: z.string().uuid(), fileId: z.string().uuid() }),
      },
      handler: async (request, reply) => {
        const r = await loadReportInScope(deps.db, authOf(request), request.params.id);
        if (r.photoFileIds.includes(request.params.fileId))
          return sendFile(reply, await downloadStoredFile(deps.db, storage, request.params.fileId));
        return sendFile(reply, await downloadDocument(deps.db, storage, 'accountability_report', r.id, request.params.fileId));
      },
    });
    app.post(base, {
      config: { access: policy.requestReport },
      schema: {
        tags,
        summary: 'Request a report with a deadline, or open a special audit (Art. 19 §1)',
        body: reportRequestSchema,
        response: { 200: reportSchema },
      },
      handler: async (request) => requestReport(svc, acting(request), request.body),
    });
    app.put(`${base}/:id`, {
      config: { access: policy.saveDraft },
      schema: {
        tags,
        summary: 'Save activities, results and photos',
        params: idParamSchema,
        body: reportDraftRequestSchema,
        response: { 200: reportSchema },
      },
      handler: async (request) => saveDraft(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/:id/submit`, {
      config: { access: policy.submitReport },
      schema: { tags, summary: 'Submit the report', params: idParamSchema, response: { 200: reportSchema } },
      handler: async (request) => submitReport(svc, acting(request), request.params.id),
    });
    app.post(`${base}/:id/review`, {
      config: { access: policy.reviewReport },
      schema: {
        tags,
        summary: 'Approve, ask for corrections, or reject (Art. 19 §3–4)',
        params: idParamSchema,
        body: reportReviewRequestSchema,
        response: { 200: reportSchema },
      },
      handler: async (request) => {
        const who = acting(request);
        return reviewReport(
          svc,
          who,
          request.params.id,
          request.body,
          async (tx, w, termId, facts, reportId) =>
            (await openSanctionInTx(svc, tx, w, { termId, facts, accountabilityReportId: reportId })).id,
        );
      },
    });
  };
}
