import {
  complianceCaseSchema,
  idParamSchema,
  revocationRequestSchema,
  revocationSchema,
  sanctionDecideRequestSchema,
  sanctionDefenceRequestSchema,
  sanctionOpenRequestSchema,
  sanctionSchema,
  uptimeScorecardSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { acting, authOf } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { sendFile } from '../../http/send-file.js';
import type { Clock } from '../calendar/clock.js';
import { toCuiabaDate } from '../calendar/local-date.js';
import { downloadDocument } from '../documents/subject-documents.js';
import { localFileStorage } from '../files/file-storage.js';
import type { ObligationDeps } from '../obligations/deps.js';
import { partnerIdsOf, SESP_SEES_EVERY_PARTNER } from '../partners/partner-scope.js';
import { sanctionsPolicy as policy } from './sanctions.policy.js';
import {
  closeCase,
  decideSanction,
  fileDefence,
  listCases,
  listSanctions,
  loadSanctionInScope,
  openSanction,
  revokeCooperation,
  viewSanction,
} from './sanctions.service.js';
import { monthlyScorecard } from './uptime.js';

const tags = ['sanctions'];
const base = '/api/sanctions';

/** Sanctions (Art. 30), revocation (Art. 29), committee cases, uptime scorecard (Art. 25 §3). */
export function sanctionsRoutes(deps: { db: Db; config: Config; clock: Clock }): FastifyPluginAsyncZod {
  const storage = localFileStorage(deps.config.dataDir);
  const svc: ObligationDeps = { db: deps.db, clock: deps.clock, storage, publicUrl: deps.config.publicUrl };
  return async (app) => {
    app.get(base, {
      config: { access: policy.listSanctions },
      schema: { tags, summary: 'Sanction processes in scope', response: { 200: z.object({ sanctions: z.array(sanctionSchema) }) } },
      handler: async (request) => ({ sanctions: await listSanctions(deps.db, deps.clock, authOf(request)) }),
    });
    app.get(`${base}/cases`, {
      config: { access: policy.listCases },
      schema: {
        tags,
        summary: 'Committee cases (missed installation deadline, outages, rejected reports)',
        response: { 200: z.object({ cases: z.array(complianceCaseSchema) }) },
      },
      handler: async (request) => ({ cases: await listCases(deps.db, authOf(request)) }),
    });
    app.post(`${base}/cases/:id/close`, {
      config: { access: policy.closeCase },
      schema: {
        tags,
        summary: 'Close a committee case with a note',
        params: idParamSchema,
        body: z.object({ note: z.string().trim().min(3).max(4000) }),
        response: { 200: complianceCaseSchema },
      },
      handler: async (request) => closeCase(deps.db, deps.clock, acting(request), request.params.id, request.body.note),
    });
    app.get(`${base}/scorecard`, {
      config: { access: policy.uptimeScorecard },
      schema: {
        tags,
        summary: 'Monthly uptime scorecard of a partner ("não medido" without health data)',
        querystring: z.object({
          partnerId: z.string().uuid().optional(),
          month: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
            .optional(),
        }),
        response: { 200: uptimeScorecardSchema },
      },
      handler: async (request) => {
        const auth = authOf(request);
        const own = partnerIdsOf(auth);
        const partnerId = request.query.partnerId ?? own[0];
        const seesAll = auth.roles.some((r) => SESP_SEES_EVERY_PARTNER.has(r));
        if (!partnerId || (!seesAll && !own.includes(partnerId))) throw new AppError('NOT_FOUND', 'Parceiro não encontrado.');
        return monthlyScorecard(deps.db, partnerId, request.query.month ?? toCuiabaDate(deps.clock.now()).slice(0, 7), deps.clock.now());
      },
    });
    app.post(`${base}/revocations`, {
      config: { access: policy.revokeCooperation },
      schema: {
        tags,
        summary: 'Revoke accreditation and cooperation for supervening public interest (Art. 29)',
        body: revocationRequestSchema,
        response: { 200: revocationSchema },
      },
      handler: async (request) => revokeCooperation(svc, acting(request), request.body),
    });
    app.get(`${base}/:id`, {
      config: { access: policy.viewSanction },
      schema: { tags, summary: 'Sanction process detail with limitation period', params: idParamSchema, response: { 200: sanctionSchema } },
      handler: async (request) => viewSanction(deps.db, deps.clock, authOf(request), request.params.id),
    });
    app.get(`${base}/:id/documents/:docId`, {
      config: { access: policy.downloadSanctionDocument },
      schema: {
        tags,
        summary: 'Download the notification or decision',
        params: z.object({ id: z.string().uuid(), docId: z.string().uuid() }),
      },
      handler: async (request, reply) => {
        await loadSanctionInScope(deps.db, authOf(request), request.params.id);
        return sendFile(reply, await downloadDocument(deps.db, storage, 'sanction_process', request.params.id, request.params.docId));
      },
    });
    app.post(base, {
      config: { access: policy.openSanction },
      schema: {
        tags,
        summary: 'Notify the partner: opens the process, 10 business days of defence (Art. 30 §1)',
        body: sanctionOpenRequestSchema,
        response: { 200: sanctionSchema },
      },
      handler: async (request) => openSanction(svc, acting(request), request.body),
    });
    app.post(`${base}/:id/defence`, {
      config: { access: policy.fileDefence },
      schema: {
        tags,
        summary: 'File the defence (refused after the 10th business day)',
        params: idParamSchema,
        body: sanctionDefenceRequestSchema,
        response: { 200: sanctionSchema },
      },
      handler: async (request) => fileDefence(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/:id/decide`, {
      config: { access: policy.decideSanction },
      schema: {
        tags,
        summary: 'Reasoned decision: warning, suspension ≤ 2 years, or dismissal',
        params: idParamSchema,
        body: sanctionDecideRequestSchema,
        response: { 200: sanctionSchema },
      },
      handler: async (request) => decideSanction(svc, acting(request), request.params.id, request.body),
    });
  };
}
