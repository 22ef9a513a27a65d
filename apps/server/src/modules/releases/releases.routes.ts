import {
  areaOfInterestCreateSchema,
  areaOfInterestSchema,
  idParamSchema,
  misuseFlagSchema,
  misuseReportSchema,
  misuseResultSchema,
  operatorUnitSchema,
  releaseCameraOptionSchema,
  releaseCloseSchema,
  releaseDecisionCreateSchema,
  releaseNoteCreateSchema,
  releaseRequestCreateSchema,
  releaseRequestSchema,
  releaseRequestSummarySchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { acting, actorOf, authOf } from '../../http/context.js';
import { sendFile, sendZip } from '../../http/send-file.js';
import { downloadDocument } from '../documents/subject-documents.js';
import { exportPackageZip } from '../exports/export-package-zip.js';
import { localFileStorage } from '../files/file-storage.js';
import { addNote } from './add-note.js';
import { createArea, listAreas, removeArea } from './areas-of-interest.js';
import { closeRequest } from './close-request.js';
import { createRequest } from './create-request.js';
import { decideRequest } from './decide-request.js';
import { listMisuseFlags, reportMisuse } from './misuse.js';
import { downloadDelivery, retryDelivery } from './release-delivery.js';
import { cameraOptions, loadRequest, type ReleaseDeps } from './release-scope.js';
import { releasesPolicy as policy } from './releases.policy.js';
import { listRequests, viewRequest } from './view-request.js';

const tags = ['releases'];
const base = '/api/releases';

/** Footage release requests (art. 2º, VI), operator areas of interest (art. 26) and misuse (art. 27, § 2º). */
export function releasesRoutes(deps: { db: Db; config: Config }): FastifyPluginAsyncZod {
  const storage = localFileStorage(deps.config.dataDir);
  const svc: ReleaseDeps = { db: deps.db, storage, publicUrl: deps.config.publicUrl };
  return async (app) => {
    app.get(`${base}/camera-options`, {
      config: { access: policy.cameraOptions },
      schema: {
        tags,
        summary: 'Cameras the caller may name in a request (name and municipality only)',
        response: { 200: z.object({ cameras: z.array(releaseCameraOptionSchema) }) },
      },
      handler: async (request) => ({ cameras: await cameraOptions(deps.db, authOf(request)) }),
    });
    app.get(base, {
      config: { access: policy.list },
      schema: {
        tags,
        summary: 'Release requests in scope (own for requesters and filing operators)',
        response: { 200: z.object({ requests: z.array(releaseRequestSummarySchema) }) },
      },
      handler: async (request) => ({ requests: await listRequests(deps.db, authOf(request)) }),
    });
    app.post(base, {
      config: { access: policy.create },
      schema: {
        tags,
        summary: 'File a request; citizens, press and companies are refused (BH); footage is locked from now on',
        body: releaseRequestCreateSchema,
        response: { 200: releaseRequestSchema },
      },
      handler: async (request) => createRequest(svc, acting(request), request.body),
    });
    app.get(`${base}/:id`, {
      config: { access: policy.view },
      schema: {
        tags,
        summary: 'A release request with instruction, decision, locks and delivery',
        params: idParamSchema,
        response: { 200: releaseRequestSchema },
      },
      handler: async (request) => viewRequest(deps.db, authOf(request), request.params.id),
    });
    app.post(`${base}/:id/notes`, {
      config: { access: policy.addNote },
      schema: {
        tags,
        summary: 'Instruction note (footage availability); may conclude the instruction',
        params: idParamSchema,
        body: releaseNoteCreateSchema,
        response: { 200: releaseRequestSchema },
      },
      handler: async (request) => addNote(deps.db, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/:id/decision`, {
      config: { access: policy.decide },
      schema: {
        tags,
        summary: 'Reasoned decision (grant / partial / deny) with the decision act',
        params: idParamSchema,
        body: releaseDecisionCreateSchema,
        response: { 200: releaseRequestSchema },
      },
      handler: async (request) => decideRequest(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/:id/close`, {
      config: { access: policy.close },
      schema: {
        tags,
        summary: 'Close a granted case: releases the remaining evidence locks',
        params: idParamSchema,
        body: releaseCloseSchema,
        response: { 200: releaseRequestSchema },
      },
      handler: async (request) => closeRequest(deps.db, acting(request), request.params.id, request.body.reason),
    });
    app.get(`${base}/:id/documents/:docId`, {
      config: { access: policy.downloadDocument },
      schema: { tags, summary: 'Download the decision act', params: z.object({ id: z.string().uuid(), docId: z.string().uuid() }) },
      handler: async (request, reply) => {
        await loadRequest(deps.db, authOf(request), request.params.id);
        return sendFile(reply, await downloadDocument(deps.db, storage, 'release_request', request.params.id, request.params.docId));
      },
    });
    app.get(`${base}/:id/delivery/:deliveryId/download`, {
      config: { access: policy.downloadDelivery },
      schema: {
        tags,
        summary:
          "Download the released footage (requester's account only, expiring, audited; package pending while the export job builds it; then the signed ZIP)",
        params: z.object({ id: z.string().uuid(), deliveryId: z.string().uuid() }),
      },
      handler: async (request, reply) => {
        const { exportId } = await downloadDelivery(deps.db, acting(request), request.params.id, request.params.deliveryId);
        return sendZip(
          reply,
          await exportPackageZip(deps.db, { dataDir: deps.config.dataDir, signingKey: deps.config.exports.signingKey }, exportId),
        );
      },
    });

    app.post(`${base}/:id/delivery/:deliveryId/retry`, {
      config: { access: policy.retryDelivery },
      schema: {
        tags,
        summary: 'Queue a failed delivery package again (release authority; audited)',
        params: z.object({ id: z.string().uuid(), deliveryId: z.string().uuid() }),
        response: { 200: releaseRequestSchema },
      },
      handler: async (request) => retryDelivery(deps.db, acting(request), request.params.id, request.params.deliveryId),
    });

    // Areas of interest of CIOSP operators (art. 26; BH)
    app.get('/api/admin/areas-of-interest', {
      config: { access: policy.listAreas },
      schema: {
        tags,
        summary: 'Areas of interest of operators or units',
        querystring: z.object({ userId: z.string().uuid().optional(), unit: operatorUnitSchema.optional() }),
        response: { 200: z.object({ areas: z.array(areaOfInterestSchema) }) },
      },
      handler: async (request) => ({ areas: await listAreas(deps.db, request.query) }),
    });
    app.post('/api/admin/areas-of-interest', {
      config: { access: policy.createArea },
      schema: {
        tags,
        summary: 'Give an operator (or a unit) an area of interest: region, municipality or polygon',
        body: areaOfInterestCreateSchema,
        response: { 200: areaOfInterestSchema },
      },
      handler: async (request) => createArea(deps.db, actorOf(request), request.body),
    });
    app.delete('/api/admin/areas-of-interest/:id', {
      config: { access: policy.removeArea },
      schema: { tags, summary: 'Remove an area of interest', params: idParamSchema, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await removeArea(deps.db, actorOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    });

    // Misuse of images (art. 27, § 2º)
    app.post('/api/admin/users/:id/misuse', {
      config: { access: policy.reportMisuse },
      schema: {
        tags,
        summary: "Misuse of images: suspend the user and flag the partner's cooperation for the sanction process",
        params: idParamSchema,
        body: misuseReportSchema,
        response: { 200: misuseResultSchema },
      },
      handler: async (request) => reportMisuse(deps.db, actorOf(request), request.params.id, request.body),
    });
    app.get('/api/admin/misuse-flags', {
      config: { access: policy.listMisuseFlags },
      schema: {
        tags,
        summary: 'Partners flagged for misuse of images (committee cases)',
        response: { 200: z.object({ flags: z.array(misuseFlagSchema) }) },
      },
      handler: async () => ({ flags: await listMisuseFlags(deps.db) }),
    });
  };
}
