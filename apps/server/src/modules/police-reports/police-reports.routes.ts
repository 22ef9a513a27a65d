import multipart from '@fastify/multipart';
import {
  authenticityCodeSchema,
  idParamSchema,
  policeReportDecisionBodySchema,
  policeReportDraftBodySchema,
  policeReportMessageBodySchema,
  policeReportSchema,
  policeReportUpdateBodySchema,
  policeReportVerificationSchema,
  policeStationSchema,
  storedFileSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db, Queryable } from '../../db/client.js';
import { acting, citizenActorOf, citizenOf } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { sendFile } from '../../http/send-file.js';
import { hitRateLimit } from '../accounts/rate-limit.js';
import type { DocumentRenderQueue } from '../documents/deferred-render.js';
import { localFileStorage } from '../files/file-storage.js';
import { uploadFile } from '../files/upload-file.js';
import { decideReport } from './decide-report.js';
import { saveReportDraft, startReport, submitReport } from './file-report.js';
import { type PoliceRecordsAdapter, platformPoliceRecords } from './police-records.adapter.js';
import { DAY_MS, POLICE_REPORT_FILE_MAX_BYTES, type PoliceReportDeps } from './police-report-deps.js';
import { ownReport, reportPdfOf, reportsOf, verifyPoliceReport } from './police-report-queries.js';
import { policeReportsPolicy as policy } from './police-reports.policy.js';
import { officerScope } from './police-scope.js';
import { staffAttachment, staffQueue, staffReport } from './police-staff-views.js';
import { listStations } from './police-stations.js';
import { recordProtectiveMeasureForwarded } from './protective-measure.js';
import { recordVehicleRecovery } from './record-vehicle-recovery.js';
import { citizenMessage, policeMessage } from './report-messages.js';
import { platformVehicleTheft, type VehicleTheftRecords } from './vehicle-theft-link.js';

const tags = ['citizen: online police station'];

/** Attachments a citizen may upload per day (abuse guard, shared database counter). */
const FILES_PER_DAY = 60;
const RENDER_RETRY_SECONDS = 2;

export function policeReportsRoutes(
  app: {
    database: { db: Db };
    clock: Clock;
    config: Config;
    /** A state's police-records system; default: the platform's own numbering. */
    policeRecords?: (db: Queryable) => PoliceRecordsAdapter;
    /** The vehicle-records store told of stolen and recovered vehicles. */
    vehicleTheft?: VehicleTheftRecords;
  },
  renders: Pick<DocumentRenderQueue, 'schedule'>,
): FastifyPluginAsyncZod {
  const storage = localFileStorage(app.config.dataDir);
  const deps: PoliceReportDeps = {
    db: app.database.db,
    clock: app.clock,
    config: app.config,
    storage,
    documents: { storage, publicUrl: app.config.publicUrl },
    renders,
    records: app.policeRecords ?? platformPoliceRecords,
    vehicles: app.vehicleTheft ?? platformVehicleTheft,
  };
  const maxBytes = Math.min(app.config.uploads.maxBytes, POLICE_REPORT_FILE_MAX_BYTES);
  const reportResponse = { 200: policeReportSchema };
  return async (r) => {
    await r.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5 } });

    r.get('/api/citizen/police-stations', {
      config: { access: policy.stations },
      schema: {
        tags,
        summary: 'Civil-police stations (where a pre-registration is completed)',
        response: { 200: z.object({ stations: z.array(policeStationSchema) }) },
      },
      handler: async () => ({ stations: await listStations(deps.db) }),
    });
    r.post('/api/citizen/police-report-files', {
      config: { access: policy.uploadFile },
      schema: {
        tags,
        summary: 'Upload one attachment (JPEG, PNG or PDF, checked by content; at most 10 MB)',
        consumes: ['multipart/form-data'],
        response: { 200: storedFileSchema },
      },
      handler: async (request) => {
        const { citizen } = citizenOf(request);
        const limit = await hitRateLimit(deps.db, 'police-report-file', citizen.id, { max: FILES_PER_DAY, windowMs: DAY_MS });
        if (!limit.allowed) throw new AppError('RATE_LIMITED', 'Limite diário de anexos enviados atingido. Tente novamente amanhã.');
        const part = await request.file();
        if (!part) throw new AppError('BAD_REQUEST', 'Envie o arquivo no campo "file".');
        return uploadFile({ db: deps.db, storage, maxBytes }, { ...citizenActorOf(request), id: citizen.id }, part);
      },
    });
    r.post('/api/citizen/police-reports', {
      config: { access: policy.start },
      schema: {
        tags,
        summary: 'Start a report (step 1): the draft is saved with its protocol',
        body: policeReportDraftBodySchema,
        response: reportResponse,
      },
      handler: async (request) => startReport(deps, citizenOf(request), citizenActorOf(request), request.body),
    });
    r.put('/api/citizen/police-reports/:id', {
      config: { access: policy.saveDraft },
      schema: {
        tags,
        summary: 'Save a later step of a draft',
        params: idParamSchema,
        body: policeReportUpdateBodySchema,
        response: reportResponse,
      },
      handler: async (request) => saveReportDraft(deps, citizenOf(request), request.params.id, request.body),
    });
    r.post('/api/citizen/police-reports/:id/submit', {
      config: { access: policy.submit },
      schema: { tags, summary: 'Submit a draft (required fields of its kind checked)', params: idParamSchema, response: reportResponse },
      handler: async (request) => submitReport(deps, citizenOf(request), citizenActorOf(request), request.params.id),
    });
    r.get('/api/citizen/police-reports', {
      config: { access: policy.listMine },
      schema: { tags, summary: "The citizen's police reports", response: { 200: z.object({ reports: z.array(policeReportSchema) }) } },
      handler: async (request) => ({ reports: await reportsOf(deps.db, citizenOf(request).citizen.id) }),
    });
    r.get('/api/citizen/police-reports/:id', {
      config: { access: policy.showMine },
      schema: { tags, summary: 'One own report with its messages and history', params: idParamSchema, response: reportResponse },
      handler: async (request) => ownReport(deps.db, citizenOf(request).citizen.id, request.params.id),
    });
    r.post('/api/citizen/police-reports/:id/messages', {
      config: { access: policy.messageMine },
      schema: {
        tags,
        summary: 'Write to the station (answers a request for information)',
        params: idParamSchema,
        body: policeReportMessageBodySchema,
        response: reportResponse,
      },
      handler: async (request) => citizenMessage(deps, citizenOf(request), citizenActorOf(request), request.params.id, request.body.text),
    });
    r.get('/api/citizen/police-reports/:id/pdf', {
      config: { access: policy.downloadMine },
      schema: {
        tags,
        summary: 'The PDF of an own registered report (202 + Retry-After while it is being generated)',
        params: idParamSchema,
      },
      handler: async (request, reply) => {
        const file = await reportPdfOf(deps.db, storage, citizenOf(request).citizen.id, request.params.id);
        if (file) return sendFile(reply, file);
        return reply.code(202).header('retry-after', String(RENDER_RETRY_SECONDS)).send({
          status: 'generating',
          message: 'O boletim de ocorrência foi registrado e o PDF está sendo gerado. Tente baixar novamente em alguns segundos.',
        });
      },
    });
    r.get('/api/public/police-reports/:code', {
      config: { access: policy.verify },
      schema: {
        tags,
        summary: 'Authenticate a police report by code',
        params: z.object({ code: authenticityCodeSchema }),
        response: { 200: policeReportVerificationSchema },
      },
      handler: async (request) => {
        const { allowed } = await hitRateLimit(deps.db, 'certificate-check', request.ip, {
          max: deps.config.citizen.checksPerMinute,
          windowMs: 60_000,
        });
        if (!allowed) throw new AppError('RATE_LIMITED');
        return verifyPoliceReport(deps.db, request.params.code);
      },
    });
    r.get('/api/police-reports/stations', {
      config: { access: policy.staffStations },
      schema: {
        tags,
        summary: "The stations of the officer's scope",
        response: { 200: z.object({ stations: z.array(policeStationSchema) }) },
      },
      handler: async (request) => ({ stations: await listStations(deps.db, officerScope(acting(request)).municipalities) }),
    });
    r.get('/api/police-reports/queue', {
      config: { access: policy.queue },
      schema: {
        tags,
        summary: 'Open reports of the stations in scope: urgent first, then the protective-measure clock, then the deadline',
        querystring: z.object({ stationId: z.string().uuid().optional(), state: z.enum(['open', 'validated']).default('open') }),
        response: { 200: z.object({ reports: z.array(policeReportSchema) }) },
      },
      handler: async (request) => ({
        reports: await staffQueue(deps, acting(request), request.query.stationId ?? null, request.query.state),
      }),
    });
    r.get('/api/police-reports/:id', {
      config: { access: policy.show },
      schema: { tags, summary: 'One report (audited; outside the scope: 404)', params: idParamSchema, response: reportResponse },
      handler: async (request) => staffReport(deps, acting(request), request.params.id),
    });
    r.get('/api/police-reports/:id/attachments/:fileId', {
      config: { access: policy.attachment },
      schema: {
        tags,
        summary: 'An attachment of a report (audited)',
        params: z.object({ id: z.string().uuid(), fileId: z.string().uuid() }),
      },
      handler: async (request, reply) =>
        sendFile(reply, await staffAttachment(deps, acting(request), request.params.id, request.params.fileId)),
    });
    r.post('/api/police-reports/:id/decision', {
      config: { access: policy.decide },
      schema: {
        tags,
        summary: 'Validate (number and PDF), ask for more information, or refuse with reasons',
        params: idParamSchema,
        body: policeReportDecisionBodySchema,
        response: reportResponse,
      },
      handler: async (request) => decideReport(deps, acting(request), request.params.id, request.body),
    });
    r.post('/api/police-reports/:id/messages', {
      config: { access: policy.message },
      schema: {
        tags,
        summary: 'Write to the citizen (e-mailed)',
        params: idParamSchema,
        body: policeReportMessageBodySchema,
        response: reportResponse,
      },
      handler: async (request) => policeMessage(deps, acting(request), request.params.id, request.body.text),
    });
    r.post('/api/police-reports/:id/protective-measure', {
      config: { access: policy.protectiveMeasure },
      schema: {
        tags,
        summary: 'Record the protective-measure request forwarded to the judge (Lei 11.340 art. 12 III, 48 hours)',
        params: idParamSchema,
        body: z.object({ court: z.string().trim().min(3).max(200), reference: z.string().trim().min(1).max(100) }),
        response: reportResponse,
      },
      handler: async (request) => recordProtectiveMeasureForwarded(deps, acting(request), request.params.id, request.body),
    });
    r.post('/api/police-reports/:id/vehicle-recovery', {
      config: { access: policy.vehicleRecovery },
      schema: {
        tags,
        summary: 'Record that a stolen or robbed vehicle of the report was recovered',
        params: idParamSchema,
        body: z.object({ objectIndex: z.number().int().min(0).max(29) }),
        response: reportResponse,
      },
      handler: async (request) => recordVehicleRecovery(deps, acting(request), request.params.id, request.body.objectIndex),
    });
  };
}
