import multipart from '@fastify/multipart';
import {
  cameraCreateSchema,
  cameraImportLimits,
  cameraImportReportSchema,
  cameraImportTemplateQuerySchema,
  cameraSchema,
  cameraSharingConsentSchema,
  clientImportColumns,
  consentConfirmSchema,
  consentLinkViewSchema,
  consentRequestSchema,
  consentTokenSchema,
  idParamSchema,
  integratorClientInputSchema,
  integratorClientSchema,
  selfTestBatchRequestSchema,
  selfTestBatchSchema,
  signedTermSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { actorOf, authOf } from '../../http/context.js';
import { sendFile } from '../../http/send-file.js';
import { loadCameraKeys } from '../cameras/camera-keys.js';
import { buildCsvTemplate, buildXlsxTemplate } from '../cameras/import/import-template.js';
import { readImportUpload } from '../cameras/import/import-upload.js';
import { parseAllowedRanges } from '../cameras/outbound-guard.js';
import { downloadDocument } from '../documents/subject-documents.js';
import { localFileStorage } from '../files/file-storage.js';
import { confirmConsentLink, lookupConsentLink, recordSignedTerm } from './confirm-consent.js';
import { consentOfCompany } from './consent-view.js';
import { importClientCameras } from './import-client-cameras.js';
import { integratorsPolicy } from './integrators.policy.js';
import { addClient, createClientCamera, type IntegratorDeps, listClients, loadClient } from './portfolio.js';
import { requestConsent } from './request-consent.js';
import { listOwnSharing, revokeConsentLink, revokeOwnConsent } from './revoke-consent.js';
import { getSelfTestBatch, startSelfTestBatch } from './self-test-batch.js';

const tags = ['integrators'];
const clientParams = z.object({ clientId: z.string().uuid() });

/** Integrator portfolio, client consent and revocation (issue 18; Art. 15; seed 002 BH + Segura). */
export function integratorsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const svc: IntegratorDeps = {
    db,
    keys: loadCameraKeys(deps.config),
    outbound: { enforce: deps.config.cameras.enforceOutbound, allowed: parseAllowedRanges(deps.config.cameras.allowedRanges) },
    dataDir: deps.config.dataDir,
    clock: deps.clock,
    storage: localFileStorage(deps.config.dataDir),
    publicUrl: deps.config.publicUrl,
  };
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: cameraImportLimits.maxBytes, files: 1, fields: 2, parts: 3 } });

    app.get('/api/integrator/import/template', {
      config: { access: integratorsPolicy.importTemplate },
      schema: {
        tags,
        summary: 'Blank spreadsheet of clients and their cameras (the camera template with the client columns in front)',
        querystring: cameraImportTemplateQuerySchema,
      },
      handler: async (request, reply) => {
        const xlsx = request.query.format === 'xlsx';
        const name = xlsx ? 'modelo-clientes-cameras-vigia-mais.xlsx' : 'modelo-clientes-cameras-vigia-mais.csv';
        return reply
          .type(xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(xlsx ? await buildXlsxTemplate(clientImportColumns) : buildCsvTemplate(clientImportColumns));
      },
    });

    app.post('/api/integrator/import', {
      config: { access: integratorsPolicy.importSpreadsheet },
      schema: {
        tags,
        summary:
          'Import a spreadsheet of clients and their cameras: all rows or none; clients created or linked, each asked to consent by e-mail',
        consumes: ['multipart/form-data'],
        querystring: z.object({
          dryRun: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
        }),
        response: { 200: cameraImportReportSchema },
      },
      handler: async (request) =>
        importClientCameras(svc, authOf(request), actorOf(request), await readImportUpload(request), request.query),
    });

    app.get('/api/integrator/clients', {
      config: { access: integratorsPolicy.listClients },
      schema: {
        tags,
        summary: 'The company portfolio: clients, their cameras (eligibility, consent, uptime this month) and consents',
        response: { 200: z.object({ clients: z.array(integratorClientSchema) }) },
      },
      handler: async (request) => ({ clients: await listClients(db, authOf(request), deps.clock.now()) }),
    });

    app.post('/api/integrator/clients', {
      config: { access: integratorsPolicy.addClient },
      schema: {
        tags,
        summary: 'Add a client (person or company) to the portfolio',
        body: integratorClientInputSchema,
        response: { 200: integratorClientSchema },
      },
      handler: async (request) => {
        const auth = authOf(request);
        const id = await db.transaction((tx) => addClient(tx, auth, actorOf(request), request.body));
        return (await listClients(db, auth, deps.clock.now(), id))[0]!;
      },
    });

    app.get('/api/integrator/clients/:clientId', {
      config: { access: integratorsPolicy.listClients },
      schema: {
        tags,
        summary: 'One client of the portfolio (another company’s client: 404)',
        params: clientParams,
        response: { 200: integratorClientSchema },
      },
      handler: async (request) => {
        const auth = authOf(request);
        await loadClient(db, auth, request.params.clientId);
        return (await listClients(db, auth, deps.clock.now(), request.params.clientId))[0]!;
      },
    });

    app.post('/api/integrator/clients/:clientId/cameras', {
      config: { access: integratorsPolicy.addClientCamera },
      schema: {
        tags,
        summary: 'Register a camera of a client (it streams only once the client consents)',
        params: clientParams,
        body: cameraCreateSchema,
        response: { 201: cameraSchema },
      },
      handler: async (request, reply) => {
        const camera = await createClientCamera(svc, authOf(request), actorOf(request), request.params.clientId, request.body);
        return reply.code(201).send(camera);
      },
    });

    app.post('/api/integrator/clients/:clientId/consents', {
      config: { access: integratorsPolicy.requestConsent },
      schema: {
        tags,
        summary: 'Ask the client to consent to sharing named cameras (e-mailed link or signed term)',
        params: clientParams,
        body: consentRequestSchema,
        response: { 200: cameraSharingConsentSchema },
      },
      handler: async (request) => requestConsent(svc, authOf(request), actorOf(request), request.params.clientId, request.body),
    });

    app.post('/api/integrator/consents/:id/signed-term', {
      config: { access: integratorsPolicy.recordSignedTerm },
      schema: {
        tags,
        summary: 'Record the term the client signed (uploaded scan) — the consent is granted',
        params: idParamSchema,
        body: signedTermSchema,
        response: { 200: cameraSharingConsentSchema },
      },
      handler: async (request) => recordSignedTerm(svc, authOf(request), actorOf(request), request.params.id, request.body),
    });

    app.get('/api/integrator/consents/:id/term', {
      config: { access: integratorsPolicy.consentTerm },
      schema: { tags, summary: 'The generated consent term (PDF with authenticity code) to print and sign', params: idParamSchema },
      handler: async (request, reply) => {
        const c = await consentOfCompany(db, authOf(request), request.params.id);
        return sendFile(reply, await downloadDocument(db, svc.storage, 'camera_sharing_consent', c.id, c.termDocumentId));
      },
    });

    app.post('/api/integrator/self-test-batches', {
      config: { access: integratorsPolicy.selfTestBatch },
      schema: {
        tags,
        summary: 'Run the installer self-test over the client cameras (all, or one client’s), one camera at a time',
        body: selfTestBatchRequestSchema,
        response: { 200: selfTestBatchSchema },
      },
      handler: async (request) => startSelfTestBatch(svc, authOf(request), actorOf(request), request.body.clientPartnerId, request.log),
    });

    app.get('/api/integrator/self-test-batches/:id', {
      config: { access: integratorsPolicy.selfTestBatch },
      schema: {
        tags,
        summary: 'Progress and per-camera report of a self-test batch',
        params: idParamSchema,
        response: { 200: selfTestBatchSchema },
      },
      handler: async (request) => getSelfTestBatch(db, authOf(request), request.params.id),
    });

    app.post('/api/public/camera-consents/lookup', {
      config: { access: integratorsPolicy.lookupConsentLink },
      schema: {
        tags,
        summary: 'What the consent link is about (client, company, camera names, state)',
        body: consentTokenSchema,
        response: { 200: consentLinkViewSchema },
      },
      handler: async (request) => lookupConsentLink(db, request.body.token),
    });

    app.post('/api/public/camera-consents/confirm', {
      config: { access: integratorsPolicy.confirmConsentLink },
      schema: {
        tags,
        summary: 'The client consents through the e-mailed link',
        body: consentConfirmSchema,
        response: { 200: consentLinkViewSchema },
      },
      handler: async (request) => confirmConsentLink(svc, actorOf(request), request.body),
    });

    app.post('/api/public/camera-consents/revoke', {
      config: { access: integratorsPolicy.revokeConsentLink },
      schema: {
        tags,
        summary: 'The client revokes through the e-mailed link: sharing stops at once',
        body: consentTokenSchema,
        response: { 200: consentLinkViewSchema },
      },
      handler: async (request) => revokeConsentLink(db, deps.clock, actorOf(request), request.body.token),
    });

    app.get('/api/partner/camera-sharing', {
      config: { access: integratorsPolicy.ownSharing },
      schema: {
        tags,
        summary: 'My cameras shared by integrator companies: who manages them and each consent',
        response: { 200: z.object({ consents: z.array(cameraSharingConsentSchema) }) },
      },
      handler: async (request) => ({ consents: await listOwnSharing(db, authOf(request)) }),
    });

    app.post('/api/partner/camera-sharing/:id/revoke', {
      config: { access: integratorsPolicy.revokeOwnSharing },
      schema: {
        tags,
        summary: 'Revoke a consent from the portal: sharing stops at once',
        params: idParamSchema,
        response: { 200: cameraSharingConsentSchema },
      },
      handler: async (request) => revokeOwnConsent(db, deps.clock, authOf(request), actorOf(request), request.params.id),
    });
  };
}
