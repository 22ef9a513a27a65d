import multipart from '@fastify/multipart';
import {
  cameraImportLimits,
  idParamSchema,
  securityUnitInputSchema,
  securityUnitListQuerySchema,
  securityUnitListSchema,
  securityUnitSchema,
  securityUnitsLicence,
  securityUnitsLicenceUrl,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { CoalescedRateLimit } from '../accounts/rate-limit.js';
import { readImportUpload } from '../cameras/import/import-upload.js';
import { importUnits, unitsTemplate } from './import-units.js';
import { createUnit, deleteUnit, type SecurityUnitDeps, updateUnit } from './manage-units.js';
import { securityUnitsPolicy as policy } from './security-units.policy.js';
import { listUnits, unitsCsv, unitsGeoJson } from './unit-view.js';

const tags = ['citizen: security units'];
const PUBLIC = '/api/public/security-units';
const ADMIN = '/api/security-units';
const licenceLink = `<${securityUnitsLicenceUrl}>; rel="license"`;
const filterQuery = securityUnitListQuerySchema.pick({ kind: true, municipality: true });

/** Directory of security units (issue 16): public open data; administrators keep it. */
export function securityUnitsRoutes(app: AppDeps): FastifyPluginAsyncZod {
  const deps: SecurityUnitDeps = { db: app.database.db, clock: app.clock };
  // Public reads per client address: the shared database counter, as the portal's other public reads.
  const reads = new CoalescedRateLimit(deps.db, 'security-units-read', { max: app.config.citizen.checksPerMinute, windowMs: 60_000 });
  const publicLimit = (ip: string) => {
    if (!reads.hit(ip)) throw new AppError('RATE_LIMITED');
  };
  return async (r) => {
    r.addHook('onClose', () => reads.flush());
    await r.register(multipart, { limits: { fileSize: cameraImportLimits.maxBytes, files: 1, fields: 2, parts: 3 } });

    r.get(PUBLIC, {
      config: { access: policy.list },
      schema: {
        tags,
        summary: 'Security units, filtered by kind and municipality; with near=lat,lon, nearest first with the distance in metres',
        querystring: securityUnitListQuerySchema,
        response: { 200: securityUnitListSchema },
      },
      handler: async (request, reply) => {
        publicLimit(request.ip);
        // The portal and the back office read this list right after an edit: revalidate every time.
        reply.header('cache-control', request.query.near ? 'no-store' : 'no-cache');
        return { units: await listUnits(deps.db, request.query), licence: securityUnitsLicence };
      },
    });
    r.get(`${PUBLIC}.geojson`, {
      config: { access: policy.geojson },
      schema: {
        tags,
        summary: 'Open data: the directory as an RFC 7946 FeatureCollection ([longitude, latitude])',
        querystring: filterQuery,
      },
      handler: async (request, reply) => {
        publicLimit(request.ip);
        return reply
          .type('application/geo+json; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .header('access-control-allow-origin', '*')
          .header('link', licenceLink)
          .send(JSON.stringify(unitsGeoJson(await listUnits(deps.db, request.query))));
      },
    });
    r.get(`${PUBLIC}.csv`, {
      config: { access: policy.csv },
      schema: { tags, summary: 'Open data: the directory as CSV (the import template columns, ";" and BOM)', querystring: filterQuery },
      handler: async (request, reply) => {
        publicLimit(request.ip);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="unidades-de-seguranca.csv"')
          .header('cache-control', 'public, max-age=300')
          .header('access-control-allow-origin', '*')
          .header('link', licenceLink)
          .send(unitsCsv(await listUnits(deps.db, request.query)));
      },
    });

    r.get(`${ADMIN}/template`, {
      config: { access: policy.template },
      schema: {
        tags,
        summary: 'Blank import template (CSV or XLSX) of the directory',
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      },
      handler: async (request, reply) => {
        const xlsx = request.query.format === 'xlsx';
        return reply
          .type(xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="modelo-unidades-de-seguranca.${request.query.format}"`)
          .send(await unitsTemplate(request.query.format));
      },
    });
    r.post(`${ADMIN}/import`, {
      config: { access: policy.import },
      schema: {
        tags,
        summary: 'Replace the whole directory from the template (CSV or XLSX): all rows or none, every problem by row and column',
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ imported: z.number() }) },
      },
      handler: async (request) => importUnits(deps, acting(request).actor, (await readImportUpload(request)).bytes),
    });
    r.post(ADMIN, {
      config: { access: policy.create },
      schema: { tags, summary: 'Add a security unit (audited)', body: securityUnitInputSchema, response: { 200: securityUnitSchema } },
      handler: async (request) => createUnit(deps, acting(request).actor, request.body),
    });
    r.put(`${ADMIN}/:id`, {
      config: { access: policy.update },
      schema: {
        tags,
        summary: 'Edit a security unit (audited with before and after)',
        params: idParamSchema,
        body: securityUnitInputSchema,
        response: { 200: securityUnitSchema },
      },
      handler: async (request) => updateUnit(deps, acting(request).actor, request.params.id, request.body),
    });
    r.delete(`${ADMIN}/:id`, {
      config: { access: policy.remove },
      schema: { tags, summary: 'Remove a security unit (audited)', params: idParamSchema },
      handler: async (request, reply) => {
        await deleteUnit(deps, acting(request).actor, request.params.id);
        return reply.code(204).send();
      },
    });
  };
}
