import {
  assetCreateRequestSchema,
  assetSchema,
  assetStatuses,
  assetStatusRequestSchema,
  idParamSchema,
  incidentCloseRequestSchema,
  incidentReplaceRequestSchema,
  incidentReportRequestSchema,
  incidentSchema,
  loanCreateRequestSchema,
  loanSchema,
  pickupRecordRequestSchema,
  pickupScheduleRequestSchema,
  returnRequestSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { acting, actorOf, authOf } from '../../http/context.js';
import { sendFile } from '../../http/send-file.js';
import type { Clock } from '../calendar/clock.js';
import { downloadDocument } from '../documents/subject-documents.js';
import { localFileStorage } from '../files/file-storage.js';
import type { ObligationDeps } from '../obligations/deps.js';
import { createAsset, listAssets, setAssetStatus, viewAsset } from './assets.js';
import { closeIncident, listIncidents, replaceUnderWarranty, reportIncident } from './incidents.js';
import { loansPolicy as policy } from './loans.policy.js';
import { createLoan, listLoans, loadLoanInScope, recordPickup, recordReturn, schedulePickup, toLoan } from './loans.service.js';

const tags = ['loans'];
const base = '/api/loans';
const docParams = z.object({ id: z.string().uuid(), docId: z.string().uuid() });

/** Equipment loan (Art. 17–18): asset registry, loans, pickup, return, incidents. */
export function loansRoutes(deps: { db: Db; config: Config; clock: Clock }): FastifyPluginAsyncZod {
  const storage = localFileStorage(deps.config.dataDir);
  const svc: ObligationDeps = { db: deps.db, clock: deps.clock, storage, publicUrl: deps.config.publicUrl };
  return async (app) => {
    app.get(`${base}/assets`, {
      config: { access: policy.listAssets },
      schema: {
        tags,
        summary: 'Asset registry (state cameras)',
        querystring: z.object({ status: z.enum(assetStatuses).optional() }),
        response: { 200: z.object({ assets: z.array(assetSchema) }) },
      },
      handler: async (request) => ({ assets: await listAssets(deps.db, request.query.status) }),
    });
    app.get(`${base}/assets/:id`, {
      config: { access: policy.viewAsset },
      schema: { tags, summary: 'Asset with its full history', params: idParamSchema, response: { 200: assetSchema } },
      handler: async (request) => viewAsset(deps.db, request.params.id),
    });
    app.post(`${base}/assets`, {
      config: { access: policy.createAsset },
      schema: {
        tags,
        summary: 'Register an asset (model, serial, asset tag, warranty end)',
        body: assetCreateRequestSchema,
        response: { 200: assetSchema },
      },
      handler: async (request) => createAsset(deps.db, actorOf(request), request.body),
    });
    app.post(`${base}/assets/:id/status`, {
      config: { access: policy.setAssetStatus },
      schema: {
        tags,
        summary: 'Back to stock, to repair, or written off',
        params: idParamSchema,
        body: assetStatusRequestSchema,
        response: { 200: assetSchema },
      },
      handler: async (request) => setAssetStatus(deps.db, actorOf(request), request.params.id, request.body.status, request.body.note),
    });
    app.get(base, {
      config: { access: policy.listLoans },
      schema: {
        tags,
        summary: 'Loans in scope (own partner; manager: its adhesion partners; SESP: all)',
        response: { 200: z.object({ loans: z.array(loanSchema) }) },
      },
      handler: async (request) => ({ loans: await listLoans(deps.db, deps.clock, authOf(request)) }),
    });
    app.get(`${base}/:id`, {
      config: { access: policy.viewLoan },
      schema: { tags, summary: 'Loan detail', params: idParamSchema, response: { 200: loanSchema } },
      handler: async (request) => toLoan(deps.db, deps.clock, await loadLoanInScope(deps.db, authOf(request), request.params.id)),
    });
    app.get(`${base}/:id/documents/:docId`, {
      config: { access: policy.downloadLoanDocument },
      schema: { tags, summary: 'Download a loan act (loan term, responsibility term, return, replacement)', params: docParams },
      handler: async (request, reply) => {
        await loadLoanInScope(deps.db, authOf(request), request.params.id);
        return sendFile(reply, await downloadDocument(deps.db, storage, 'equipment_loan', request.params.id, request.params.docId));
      },
    });
    app.post(base, {
      config: { access: policy.createLoan },
      schema: {
        tags,
        summary: 'Reserve assets for an active cooperation and issue the loan term (Art. 17 sole §)',
        body: loanCreateRequestSchema,
        response: { 200: loanSchema },
      },
      handler: async (request) => createLoan(svc, acting(request), request.body),
    });
    app.post(`${base}/:id/pickup-schedule`, {
      config: { access: policy.schedulePickup },
      schema: {
        tags,
        summary: 'Schedule the pickup at SESP (guide §03)',
        params: idParamSchema,
        body: pickupScheduleRequestSchema,
        response: { 200: loanSchema },
      },
      handler: async (request) => schedulePickup(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/:id/pickup`, {
      config: { access: policy.recordPickup },
      schema: {
        tags,
        summary: 'Record the pickup: responsibility term, 90-day installation deadline (guide §04)',
        params: idParamSchema,
        body: pickupRecordRequestSchema,
        response: { 200: loanSchema },
      },
      handler: async (request) => recordPickup(svc, acting(request), request.params.id, request.body.pickedUpOn),
    });
    app.post(`${base}/:id/return`, {
      config: { access: policy.recordReturn },
      schema: {
        tags,
        summary: 'Return with the condition of each item (Art. 18 caput)',
        params: idParamSchema,
        body: returnRequestSchema,
        response: { 200: loanSchema },
      },
      handler: async (request) => recordReturn(svc, acting(request), request.params.id, request.body),
    });
    app.get(`${base}/incidents`, {
      config: { access: policy.listIncidents },
      schema: { tags, summary: 'Incidents in scope', response: { 200: z.object({ incidents: z.array(incidentSchema) }) } },
      handler: async (request) => ({ incidents: await listIncidents(deps.db, authOf(request)) }),
    });
    app.post(`${base}/:id/incidents`, {
      config: { access: policy.reportIncident },
      schema: {
        tags,
        summary: 'Report theft/damage/defect (Art. 18 §1–3)',
        params: idParamSchema,
        body: incidentReportRequestSchema,
        response: { 200: incidentSchema },
      },
      handler: async (request) => reportIncident(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/incidents/:id/replace`, {
      config: { access: policy.replaceUnderWarranty },
      schema: {
        tags,
        summary: 'Replace a defective asset under warranty (Art. 18 §3)',
        params: idParamSchema,
        body: incidentReplaceRequestSchema,
        response: { 200: incidentSchema },
      },
      handler: async (request) => replaceUnderWarranty(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/incidents/:id/close`, {
      config: { access: policy.closeIncident },
      schema: {
        tags,
        summary: 'Close an incident (repair done, Art. 18 §2)',
        params: idParamSchema,
        body: incidentCloseRequestSchema,
        response: { 200: incidentSchema },
      },
      handler: async (request) => closeIncident(svc, acting(request), request.params.id, request.body),
    });
  };
}
