import {
  idParamSchema,
  inspectionFollowUpRequestSchema,
  inspectionRecordRequestSchema,
  inspectionScheduleRequestSchema,
  inspectionSchema,
} from '@vigia/contracts';
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
import { inspectionsPolicy as policy } from './inspections.policy.js';
import {
  closeFollowUp,
  listInspections,
  loadInspectionInScope,
  recordInspection,
  scheduleInspection,
  viewInspection,
} from './inspections.service.js';

const tags = ['inspections'];
const base = '/api/inspections';

/** Inspections (Art. 28 §1). */
export function inspectionsRoutes(deps: { db: Db; config: Config; clock: Clock }): FastifyPluginAsyncZod {
  const storage = localFileStorage(deps.config.dataDir);
  const svc: ObligationDeps = { db: deps.db, clock: deps.clock, storage, publicUrl: deps.config.publicUrl };
  return async (app) => {
    app.get(base, {
      config: { access: policy.listInspections },
      schema: {
        tags,
        summary: 'Inspections in scope (partners never see an unannounced one before it is recorded)',
        response: { 200: z.object({ inspections: z.array(inspectionSchema) }) },
      },
      handler: async (request) => ({ inspections: await listInspections(deps.db, authOf(request)) }),
    });
    app.get(`${base}/:id`, {
      config: { access: policy.viewInspection },
      schema: { tags, summary: 'Inspection detail', params: idParamSchema, response: { 200: inspectionSchema } },
      handler: async (request) => viewInspection(deps.db, authOf(request), request.params.id),
    });
    app.get(`${base}/:id/files/:fileId`, {
      config: { access: policy.downloadInspectionFile },
      schema: {
        tags,
        summary: 'Download the inspection report or a photo',
        params: z.object({ id: z.string().uuid(), fileId: z.string().uuid() }),
      },
      handler: async (request, reply) => {
        const i = await loadInspectionInScope(deps.db, authOf(request), request.params.id);
        if (i.photoFileIds.includes(request.params.fileId))
          return sendFile(reply, await downloadStoredFile(deps.db, storage, request.params.fileId));
        return sendFile(reply, await downloadDocument(deps.db, storage, 'inspection', i.id, request.params.fileId));
      },
    });
    app.post(base, {
      config: { access: policy.scheduleInspection },
      schema: {
        tags,
        summary: 'Schedule an inspection (scheduled or unannounced)',
        body: inspectionScheduleRequestSchema,
        response: { 200: inspectionSchema },
      },
      handler: async (request) => scheduleInspection(svc, acting(request), request.body),
    });
    app.post(`${base}/:id/record`, {
      config: { access: policy.recordInspection },
      schema: {
        tags,
        summary: 'Record checklist, photos, findings and follow-up deadline',
        params: idParamSchema,
        body: inspectionRecordRequestSchema,
        response: { 200: inspectionSchema },
      },
      handler: async (request) => recordInspection(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/:id/follow-up/close`, {
      config: { access: policy.closeFollowUp },
      schema: {
        tags,
        summary: 'Close the follow-up (faults remedied)',
        params: idParamSchema,
        body: inspectionFollowUpRequestSchema,
        response: { 200: inspectionSchema },
      },
      handler: async (request) => closeFollowUp(svc, acting(request), request.params.id, request.body.note),
    });
  };
}
