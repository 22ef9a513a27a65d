import multipart from '@fastify/multipart';
import {
  cameraCreateSchema,
  cameraIdParamsSchema,
  cameraImportLimits,
  cameraImportQuerySchema,
  cameraImportReportSchema,
  cameraImportTemplateQuerySchema,
  cameraListSchema,
  cameraMapSchema,
  cameraMapViewQuerySchema,
  cameraMapViewSchema,
  cameraOptionListSchema,
  cameraPageQuerySchema,
  cameraPublicAccessDecisionSchema,
  cameraPublicAccessRequestListSchema,
  cameraPushCredentialsSchema,
  cameraSchema,
  cameraSelfTestListSchema,
  cameraSelfTestParamsSchema,
  cameraSelfTestSchema,
  cameraUpdateSchema,
  publicMapSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { actorOf, authOf } from '../../http/context.js';
import { cameraDepsOf } from './camera-deps.js';
import { listMapCameras, publicMap } from './camera-map.service.js';
import { listCameraOptions } from './camera-pages.js';
import { camerasPolicy } from './cameras.policy.js';
import { type CameraDeps, createCamera, deleteCamera, getCamera, listCameras, updateCamera } from './cameras.service.js';
import { decidePublicAccess } from './decide-public-access.js';
import { importCameras } from './import/import-cameras.js';
import { buildCsvTemplate, buildXlsxTemplate } from './import/import-template.js';
import { readImportUpload } from './import/import-upload.js';
import { listPublicAccessRequests } from './list-public-access-requests.js';
import { createMapIndexCache, mapView } from './map/map-view.service.js';
import { regeneratePushCredentials } from './push-credentials.js';
import { listSelfTests, readSnapshot, runSelfTest } from './self-test.js';

const tags = ['cameras'];

/** Camera registry and installer self-test (SPEC §3.3, guide §05). */
export function camerasRoutes(deps: { db: Db; config: Config }): FastifyPluginAsyncZod {
  const cam: CameraDeps = cameraDepsOf(deps.db, deps.config);
  const mapIndexes = createMapIndexCache(deps.db);
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: cameraImportLimits.maxBytes, files: 1, fields: 2, parts: 3 } });

    app.get('/api/cameras/map', {
      config: { access: camerasPolicy.map },
      schema: {
        tags,
        summary: 'Cameras the user may see, for the operations map (no address, ports or credentials)',
        response: { 200: cameraMapSchema },
      },
      handler: async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return listMapCameras(deps.db, authOf(request));
      },
    });

    app.get('/api/cameras/map/view', {
      config: { access: camerasPolicy.mapView },
      schema: {
        tags,
        summary:
          'Operations map for a viewport and zoom: clusters with status counts, single cameras where zoomed in (no address, ports or credentials)',
        querystring: cameraMapViewQuerySchema,
        response: { 200: cameraMapViewSchema },
      },
      handler: async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return mapView(deps.db, mapIndexes, authOf(request), request.query);
      },
    });

    app.get('/api/public/map', {
      config: { access: camerasPolicy.publicMap },
      schema: {
        tags,
        summary: 'Public map: approximate participating sites (partner kind) and cameras open to the public',
        response: { 200: publicMapSchema },
      },
      handler: async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return publicMap(deps.db);
      },
    });

    app.get('/api/cameras/import/template', {
      config: { access: camerasPolicy.importTemplate },
      schema: { tags, summary: 'Blank spreadsheet (XLSX or CSV) for the bulk import', querystring: cameraImportTemplateQuerySchema },
      handler: async (request, reply) => {
        const xlsx = request.query.format === 'xlsx';
        const name = xlsx ? 'modelo-cameras-vigia-mais.xlsx' : 'modelo-cameras-vigia-mais.csv';
        return reply
          .type(xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(xlsx ? await buildXlsxTemplate() : buildCsvTemplate());
      },
    });

    app.post('/api/cameras/import', {
      config: { access: camerasPolicy.importSpreadsheet },
      schema: {
        tags,
        summary: 'Import the installer spreadsheet (XLSX or CSV): all rows or none, with a row-by-row report',
        consumes: ['multipart/form-data'],
        querystring: cameraImportQuerySchema,
        response: { 200: cameraImportReportSchema },
      },
      handler: async (request) => importCameras(cam, authOf(request), actorOf(request), await readImportUpload(request), request.query),
    });

    app.get('/api/cameras', {
      config: { access: camerasPolicy.list },
      schema: {
        tags,
        summary: "Cameras the user may see, a page at a time (by name; `cursor` = the previous page's `nextCursor`)",
        querystring: cameraPageQuerySchema,
        response: { 200: cameraListSchema },
      },
      handler: async (request) => listCameras(deps.db, authOf(request), request.query),
    });

    app.get('/api/cameras/options', {
      config: { access: camerasPolicy.options },
      schema: {
        tags,
        summary: 'Camera pickers: id, name, owner, municipality, status and eligibility of the cameras the user may see, a page at a time',
        querystring: cameraPageQuerySchema,
        response: { 200: cameraOptionListSchema },
      },
      handler: async (request) => listCameraOptions(deps.db, authOf(request), request.query),
    });

    app.post('/api/cameras', {
      config: { access: camerasPolicy.create },
      schema: { tags, summary: 'Register a camera', body: cameraCreateSchema, response: { 201: cameraSchema } },
      handler: async (request, reply) => reply.code(201).send(await createCamera(cam, authOf(request), actorOf(request), request.body)),
    });

    app.get('/api/cameras/:id', {
      config: { access: camerasPolicy.read },
      schema: { tags, summary: 'One camera', params: cameraIdParamsSchema, response: { 200: cameraSchema } },
      handler: async (request) => getCamera(deps.db, authOf(request), request.params.id),
    });

    app.patch('/api/cameras/:id', {
      config: { access: camerasPolicy.update },
      schema: { tags, summary: 'Edit a camera', params: cameraIdParamsSchema, body: cameraUpdateSchema, response: { 200: cameraSchema } },
      handler: async (request) => updateCamera(cam, authOf(request), actorOf(request), request.params.id, request.body),
    });

    app.delete('/api/cameras/:id', {
      config: { access: camerasPolicy.remove },
      schema: { tags, summary: 'Delete a camera', params: cameraIdParamsSchema },
      handler: async (request, reply) => {
        await deleteCamera(cam, authOf(request), actorOf(request), request.params.id);
        return reply.code(204).send();
      },
    });

    app.get('/api/cameras/public-access/requests', {
      config: { access: camerasPolicy.publicAccessRequests },
      schema: {
        tags,
        summary: 'Requests to open a camera to the public waiting for the committee (Art. 26 §2)',
        response: { 200: cameraPublicAccessRequestListSchema },
      },
      handler: async (_request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return { items: await listPublicAccessRequests(deps.db) };
      },
    });

    app.post('/api/cameras/:id/public-access/decision', {
      config: { access: camerasPolicy.publicAccessDecision },
      schema: {
        tags,
        summary: "Committee decision on the partner's request to open a camera to the public (Art. 26 §2)",
        params: cameraIdParamsSchema,
        body: cameraPublicAccessDecisionSchema,
        response: { 200: cameraSchema },
      },
      handler: async (request) => decidePublicAccess(deps.db, authOf(request), actorOf(request), request.params.id, request.body),
    });

    app.post('/api/cameras/:id/push-credentials', {
      config: { access: camerasPolicy.pushCredentials },
      schema: {
        tags,
        summary: '(Re)generate the RTSP push credentials of a camera without a public IP (shown once)',
        params: cameraIdParamsSchema,
        response: { 201: cameraPushCredentialsSchema },
      },
      handler: async (request, reply) => {
        const host = request.hostname.replace(/:\d+$/, '');
        const { pushPublicUrl: configured, pushTlsPort } = deps.config.cameras;
        const pushPublicUrl = configured ?? (pushTlsPort ? `rtsps://${host}:${pushTlsPort}` : `rtsp://${host}:8554`);
        const out = await regeneratePushCredentials(
          { db: deps.db, keys: cam.keys, pushPublicUrl },
          authOf(request),
          actorOf(request),
          request.params.id,
        );
        return reply.code(201).header('cache-control', 'no-store').send(out);
      },
    });

    app.post('/api/cameras/:id/self-test', {
      config: { access: camerasPolicy.selfTest },
      schema: { tags, summary: 'Run the installer self-test', params: cameraIdParamsSchema, response: { 200: cameraSelfTestSchema } },
      handler: async (request) => runSelfTest(cam, authOf(request), actorOf(request), request.params.id, request.log),
    });

    app.get('/api/cameras/:id/self-tests', {
      config: { access: camerasPolicy.selfTestHistory },
      schema: { tags, summary: 'Self-test history of a camera', params: cameraIdParamsSchema, response: { 200: cameraSelfTestListSchema } },
      handler: async (request) => ({ items: await listSelfTests(deps.db, authOf(request), request.params.id) }),
    });

    app.get('/api/cameras/:id/self-tests/:testId/snapshot', {
      config: { access: camerasPolicy.selfTestSnapshot },
      schema: { tags, summary: 'JPEG captured by a self-test', params: cameraSelfTestParamsSchema },
      handler: async (request, reply) => {
        const jpeg = await readSnapshot(cam, authOf(request), request.params.id, request.params.testId);
        return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(jpeg);
      },
    });
  };
}
