import multipart from '@fastify/multipart';
import {
  cameraImportLimits,
  idParamSchema,
  vehicleRecordInputSchema,
  vehicleRecordSchema,
  vehicleRecordsListQuerySchema,
  vehicleStatusQuerySchema,
  vehicleStatusSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { acting } from '../../http/context.js';
import { readImportUpload } from '../cameras/import/import-upload.js';
import type { PublicLookupGate } from '../citizen-accounts/public-lookup-gate.js';
import { lookupVehicle, vehicleKeyOf } from './lookup-vehicle.js';
import { createVehicle, importVehicles, listVehicles, updateVehicle, vehiclesTemplate } from './manage-vehicles.js';
import { platformVehicleRecords, type VehicleRecordsAdapter } from './vehicle-records.adapter.js';
import { vehicleRecordsPolicy as policy } from './vehicle-records.policy.js';

const tags = ['citizen: vehicle status'];
const ADMIN = '/api/vehicle-records';

/** Vehicle status and its back office; `vehicles` is the system of record (default: the shipped store). */
export function vehicleRecordsRoutes(
  app: AppDeps,
  opts: { gate: PublicLookupGate; vehicles?: VehicleRecordsAdapter },
): FastifyPluginAsyncZod {
  const db = app.database.db;
  const deps = { db, clock: app.clock };
  const lookup = { clock: app.clock, vehicles: opts.vehicles ?? platformVehicleRecords(db) };
  return async (r) => {
    await r.register(multipart, { limits: { fileSize: cameraImportLimits.maxBytes, files: 1, fields: 2, parts: 3 } });
    r.post('/api/public/vehicles/status', {
      config: { access: policy.status },
      schema: {
        tags,
        summary: 'Vehicle status by plate or chassis: description and whether reported stolen or robbed; proof of work (altcha) required',
        body: vehicleStatusQuerySchema,
        response: { 200: vehicleStatusSchema },
      },
      handler: async (request, reply) => {
        opts.gate.admit(request.ip);
        const key = vehicleKeyOf(request.body);
        await opts.gate.spend(request.body.altcha);
        reply.header('cache-control', 'no-store');
        return lookupVehicle(lookup, key);
      },
    });
    r.get(ADMIN, {
      config: { access: policy.list },
      schema: {
        tags,
        summary: 'The vehicle store (staff search by plate or chassis)',
        querystring: vehicleRecordsListQuerySchema,
        response: { 200: z.object({ vehicles: z.array(vehicleRecordSchema) }) },
      },
      handler: async (request) => ({ vehicles: await listVehicles(db, request.query) }),
    });
    r.post(ADMIN, {
      config: { access: policy.create },
      schema: {
        tags,
        summary: 'Add a vehicle to the store (audited)',
        body: vehicleRecordInputSchema,
        response: { 200: vehicleRecordSchema },
      },
      handler: async (request) => createVehicle(deps, acting(request).actor, request.body),
    });
    r.put(`${ADMIN}/:id`, {
      config: { access: policy.update },
      schema: {
        tags,
        summary: 'Correct a vehicle (audited before and after)',
        params: idParamSchema,
        body: vehicleRecordInputSchema,
        response: { 200: vehicleRecordSchema },
      },
      handler: async (request) => updateVehicle(deps, acting(request).actor, request.params.id, request.body),
    });
    r.get(`${ADMIN}/template`, {
      config: { access: policy.template },
      schema: {
        tags,
        summary: 'Blank import template (CSV or XLSX) of the vehicle store',
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      },
      handler: async (request, reply) => {
        const xlsx = request.query.format === 'xlsx';
        return reply
          .type(xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="modelo-veiculos.${request.query.format}"`)
          .send(await vehiclesTemplate(request.query.format));
      },
    });
    r.post(`${ADMIN}/import`, {
      config: { access: policy.import },
      schema: {
        tags,
        summary: 'Add or replace vehicles from the template (CSV or XLSX): all rows or none',
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ imported: z.number() }) },
      },
      handler: async (request) => importVehicles(deps, acting(request).actor, (await readImportUpload(request)).bytes),
    });
  };
}
