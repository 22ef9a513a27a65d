import multipart from '@fastify/multipart';
import {
  accidentCertificateVerificationSchema,
  accidentDecisionBodySchema,
  accidentDeclarationBodySchema,
  accidentDeclarationSchema,
  accidentParticipationSchema,
  authenticityCodeSchema,
  idParamSchema,
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
import { DAY_MS } from '../citizen-criminal-record/certificate-deps.js';
import { localFileStorage } from '../files/file-storage.js';
import { uploadFile } from '../files/upload-file.js';
import { accidentCertificatePolicy as policy } from './accident-certificate.policy.js';
import { ACCIDENT_PHOTO_MAX_BYTES, type AccidentDeps } from './accident-deps.js';
import { accidentCertificatePdfOf, accidentQueue, declarationsOf, ownDeclaration, participationsOf } from './accident-queries.js';
import { staffDeclaration, staffPhoto } from './accident-staff-views.js';
import { confirmParticipation } from './confirm-participation.js';
import { decideAccident } from './decide-accident.js';
import { declareAccident, resubmitAccident } from './declare-accident.js';
import { platformTrafficAccidents, type TrafficAccidentsAdapter } from './traffic-accidents.adapter.js';
import { verifyAccidentCertificate } from './verify-accident-certificate.js';

const tags = ['citizen: traffic-accident certificate'];

/** Photos a citizen may upload per day (abuse guard, shared database counter). */
const PHOTOS_PER_DAY = 60;

export function accidentCertificateRoutes(app: {
  database: { db: Db };
  clock: Clock;
  config: Config;
  /** A state's accident base; default: the platform's own store. */
  accidents?: (db: Queryable) => TrafficAccidentsAdapter;
}): FastifyPluginAsyncZod {
  const storage = localFileStorage(app.config.dataDir);
  const deps: AccidentDeps = {
    db: app.database.db,
    clock: app.clock,
    config: app.config,
    storage,
    documents: { storage, publicUrl: app.config.publicUrl },
    accidents: app.accidents ?? platformTrafficAccidents,
  };
  const maxBytes = Math.min(app.config.uploads.maxBytes, ACCIDENT_PHOTO_MAX_BYTES);
  return async (r) => {
    await r.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5 } });

    r.post('/api/citizen/accident-photos', {
      config: { access: policy.uploadPhoto },
      schema: {
        tags,
        summary: 'Upload one photo of an accident (JPEG or PNG, checked by content; at most 10 MB)',
        consumes: ['multipart/form-data'],
        response: { 200: storedFileSchema },
      },
      handler: async (request) => {
        const { citizen } = citizenOf(request);
        const limit = await hitRateLimit(deps.db, 'accident-photo', citizen.id, { max: PHOTOS_PER_DAY, windowMs: DAY_MS });
        if (!limit.allowed) throw new AppError('RATE_LIMITED', 'Limite diário de fotos enviadas atingido. Tente novamente amanhã.');
        const part = await request.file();
        if (!part) throw new AppError('BAD_REQUEST', 'Envie a foto no campo "file".');
        // The citizen is the uploader: only their own photos can be attached to their declaration.
        return uploadFile({ db: deps.db, storage, maxBytes }, { ...citizenActorOf(request), id: citizen.id }, part);
      },
    });
    r.post('/api/citizen/accident-certificates', {
      config: { access: policy.declare },
      schema: {
        tags,
        summary: 'Declare a non-injury accident (a protocol at once; the traffic police decide)',
        body: accidentDeclarationBodySchema,
        response: { 200: accidentDeclarationSchema },
      },
      handler: async (request) => declareAccident(deps, citizenOf(request), citizenActorOf(request), request.body),
    });
    r.get('/api/citizen/accident-certificates', {
      config: { access: policy.listMine },
      schema: {
        tags,
        summary: "The citizen's accident declarations",
        response: { 200: z.object({ declarations: z.array(accidentDeclarationSchema) }) },
      },
      handler: async (request) => ({ declarations: await declarationsOf(deps.db, citizenOf(request).citizen.id) }),
    });
    r.get('/api/citizen/accident-certificates/:id', {
      config: { access: policy.showMine },
      schema: {
        tags,
        summary: 'One own declaration with its history',
        params: idParamSchema,
        response: { 200: accidentDeclarationSchema },
      },
      handler: async (request) => ownDeclaration(deps.db, citizenOf(request).citizen.id, request.params.id),
    });
    r.put('/api/citizen/accident-certificates/:id', {
      config: { access: policy.resubmit },
      schema: {
        tags,
        summary: 'Correct and resubmit a declaration the traffic police sent back',
        params: idParamSchema,
        body: accidentDeclarationBodySchema,
        response: { 200: accidentDeclarationSchema },
      },
      handler: async (request) => resubmitAccident(deps, citizenOf(request), citizenActorOf(request), request.params.id, request.body),
    });
    r.get('/api/citizen/accident-certificates/:id/pdf', {
      config: { access: policy.downloadMine },
      schema: { tags, summary: 'The PDF of an own accident certificate', params: idParamSchema },
      handler: async (request, reply) =>
        sendFile(reply, await accidentCertificatePdfOf(deps.db, storage, citizenOf(request).citizen.id, request.params.id)),
    });
    r.get('/api/citizen/accident-participations', {
      config: { access: policy.participations },
      schema: {
        tags,
        summary: "Declarations naming the citizen's CPF as another party (others' personal data left out)",
        response: { 200: z.object({ participations: z.array(accidentParticipationSchema) }) },
      },
      handler: async (request) => ({ participations: await participationsOf(deps.db, citizenOf(request).citizen.cpf) }),
    });
    r.post('/api/citizen/accident-participations/:id/confirm', {
      config: { access: policy.confirm },
      schema: {
        tags,
        summary: 'Confirm participation in an accident declared by someone else',
        params: idParamSchema,
        response: { 200: accidentParticipationSchema },
      },
      handler: async (request) => confirmParticipation(deps, citizenOf(request), citizenActorOf(request), request.params.id),
    });
    r.get('/api/public/accident-certificates/:code', {
      config: { access: policy.verify },
      schema: {
        tags,
        summary: 'Authenticate an accident certificate by code',
        params: z.object({ code: authenticityCodeSchema }),
        response: { 200: accidentCertificateVerificationSchema },
      },
      handler: async (request) => {
        const { allowed } = await hitRateLimit(deps.db, 'certificate-check', request.ip, {
          max: deps.config.citizen.checksPerMinute,
          windowMs: 60_000,
        });
        if (!allowed) throw new AppError('RATE_LIMITED');
        return verifyAccidentCertificate(deps, request.params.code);
      },
    });
    r.get('/api/accident-certificates/queue', {
      config: { access: policy.queue },
      schema: {
        tags,
        summary: 'Declarations awaiting the traffic police, oldest deadline first (CPFs masked)',
        response: { 200: z.object({ declarations: z.array(accidentDeclarationSchema) }) },
      },
      handler: async () => ({ declarations: await accidentQueue(deps.db) }),
    });
    r.get('/api/accident-certificates/:id', {
      config: { access: policy.show },
      schema: {
        tags,
        summary: 'One declaration with its history (audited)',
        params: idParamSchema,
        response: { 200: accidentDeclarationSchema },
      },
      handler: async (request) => staffDeclaration(deps, acting(request), request.params.id),
    });
    r.get('/api/accident-certificates/:id/photos/:fileId', {
      config: { access: policy.photo },
      schema: {
        tags,
        summary: 'A photo of a declaration (audited)',
        params: z.object({ id: z.string().uuid(), fileId: z.string().uuid() }),
      },
      handler: async (request, reply) => sendFile(reply, await staffPhoto(deps, acting(request), request.params.id, request.params.fileId)),
    });
    r.post('/api/accident-certificates/:id/decision', {
      config: { access: policy.decide },
      schema: {
        tags,
        summary: 'Validate (certificate issued), ask for corrections or reject with reasons',
        params: idParamSchema,
        body: accidentDecisionBodySchema,
        response: { 200: accidentDeclarationSchema },
      },
      handler: async (request) => decideAccident(deps, acting(request), request.params.id, request.body),
    });
  };
}
