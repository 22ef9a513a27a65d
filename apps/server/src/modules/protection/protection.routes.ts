import multipart from '@fastify/multipart';
import {
  actionPlanSchema,
  activationDecisionSchema,
  briefingChecklistSchema,
  cameraImportLimits,
  convocationRequestSchema,
  functionGrantSchema,
  idParamSchema,
  levelDecisionSchema,
  logEntrySchema,
  missionSummarySchema,
  periodChangeSchema,
  postMissionReportSchema,
  protectionRequestSchema,
  referencePlaceSchema,
  teamRuleSetSchema,
  threatAssessmentSchema,
  vehiclesRequestSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { sendFile } from '../../http/send-file.js';
import type { Clock } from '../calendar/clock.js';
import { localFileStorage } from '../files/file-storage.js';
import { assessThreat } from './assess-threat.js';
import { assignCoreIntelligence } from './assign-core-intelligence.js';
import { signChecklist } from './briefing-checklist.js';
import { acknowledgeConvocation, convokeOfficer, presentForDuty } from './convocations.js';
import { decideActivation } from './decide-activation.js';
import { decideLevel } from './decide-level.js';
import type { ProtectionDeps } from './deps.js';
import { addLogEntry, closeMission, startMission, submitReport } from './execution.js';
import { functionsOf, grantFunctions } from './functions.js';
import { listMissions, missionDetail } from './mission-view.js';
import { changePeriod } from './period.js';
import { issuePlan, savePlan, setVehicles } from './plan-mission.js';
import { protectionPolicy as policy } from './protection.policy.js';
import { readerCopy } from './reader-copy.js';
import { importReferencePlaces, listReferencePlaces, referenceTemplate } from './reference-places.js';
import { requestProtection } from './request-protection.js';
import { routeMosaic, setCurrentLeg } from './route-mosaic.js';
import { currentTeamRules, publishTeamRules } from './team-rules.js';

const tags = ['protection'];
const base = '/api/protection';
const mission = `${base}/missions/:id`;
const convocationParams = z.object({ id: z.string().uuid(), convocationId: z.string().uuid() });
const detail = { 200: z.looseObject({ id: z.string().uuid(), status: z.string() }) };

/** Routes stay thin: schema → access → one service call. Need-to-know lives in scope.ts. */
export function protectionRoutes(deps: { db: Db; config: Config; clock: Clock }): FastifyPluginAsyncZod {
  const svc: ProtectionDeps = {
    db: deps.db,
    clock: deps.clock,
    storage: localFileStorage(deps.config.dataDir),
    publicUrl: deps.config.publicUrl,
    reminderDays: deps.config.protection.reminderDays,
  };
  const view = (who: Parameters<typeof missionDetail>[1], id: string) => missionDetail(svc, who, id);
  return async (app) => {
    // The reference-list import (this plugin's only upload): one spreadsheet, as the camera import.
    await app.register(multipart, { limits: { fileSize: cameraImportLimits.maxBytes, files: 1, fields: 2, parts: 3 } });
    app.get(`${base}/functions/me`, {
      config: { access: policy.myFunctions },
      schema: { tags, summary: 'My protection functions', response: { 200: z.object({ functions: z.array(z.string()) }) } },
      handler: async (request) => ({ functions: await functionsOf(deps.db, acting(request).auth.user.id) }),
    });
    app.put(`${base}/functions`, {
      config: { access: policy.grantFunctions },
      schema: { tags, summary: 'Set the protection functions of a protection_staff user', body: functionGrantSchema },
      handler: async (request) => grantFunctions(svc, acting(request), request.body.email, request.body.functions),
    });
    app.get(`${base}/team-rules`, {
      config: { access: policy.teamRules },
      schema: { tags, summary: 'Level → team composition rule set in force (Art. 15–16)' },
      handler: async () => ({ ruleSet: (await currentTeamRules(deps.db)) ?? null }),
    });
    app.put(`${base}/team-rules`, {
      config: { access: policy.publishTeamRules },
      schema: { tags, summary: 'Publish a new version of the team rule set (CORE coordination)', body: teamRuleSetSchema },
      handler: async (request) => publishTeamRules(svc, acting(request), request.body),
    });
    app.get(`${base}/reference-places`, {
      config: { access: policy.referencePlaces },
      schema: {
        tags,
        summary: 'Reference list of hospitals, police and fire units (support along routes)',
        response: { 200: z.object({ places: z.array(referencePlaceSchema) }) },
      },
      handler: async () => ({ places: await listReferencePlaces(deps.db) }),
    });
    app.get(`${base}/reference-places/template`, {
      config: { access: policy.referenceTemplate },
      schema: {
        tags,
        summary: 'Blank template (CSV or XLSX) of the reference list',
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      },
      handler: async (request, reply) => {
        const xlsx = request.query.format === 'xlsx';
        return reply
          .type(xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="modelo-apoio-na-rota.${request.query.format}"`)
          .send(await referenceTemplate(request.query.format));
      },
    });
    app.post(`${base}/reference-places/import`, {
      config: { access: policy.importReferencePlaces },
      schema: {
        tags,
        summary: 'Replace the reference list from the template (CSV or XLSX): all rows or none, every problem reported',
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ imported: z.number() }) },
      },
      handler: async (request) => {
        if (!request.isMultipart()) throw new AppError('BAD_REQUEST', 'Envie a planilha no campo "file" (multipart/form-data).');
        const part = await request.file();
        if (!part) throw new AppError('BAD_REQUEST', 'Envie a planilha no campo "file".');
        const bytes = await part.toBuffer().catch((err: { code?: string }) => {
          if (err.code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError('PAYLOAD_TOO_LARGE', 'A planilha excede o tamanho máximo permitido.');
          throw err;
        });
        if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'A planilha excede o tamanho máximo permitido.');
        return importReferencePlaces(deps.db, acting(request).actor, bytes);
      },
    });
    app.get(`${base}/missions`, {
      config: { access: policy.listMissions },
      schema: {
        tags,
        summary: 'Missions I need to know (code names only; audited)',
        response: { 200: z.object({ missions: z.array(missionSummarySchema) }) },
      },
      handler: async (request) => ({ missions: await listMissions(svc, acting(request)) }),
    });
    app.post(`${base}/missions`, {
      config: { access: policy.requestProtection },
      schema: {
        tags,
        summary: 'Request protection (Art. 3–6)',
        body: protectionRequestSchema,
        response: { 201: z.object({ id: z.string().uuid() }) },
      },
      handler: async (request, reply) => reply.code(201).send(await requestProtection(svc, acting(request), request.body)),
    });
    app.get(mission, {
      config: { access: policy.viewMission },
      schema: { tags, summary: 'Mission detail (need-to-know; audited)', params: idParamSchema, response: detail },
      handler: async (request) => view(acting(request), request.params.id),
    });
    const step = <S extends z.ZodType>(
      method: 'post' | 'put',
      path: string,
      summary: string,
      body: S,
      run: (who: ReturnType<typeof acting>, id: string, input: z.infer<S>) => Promise<unknown>,
    ) =>
      app[method](`${mission}${path}`, {
        config: { access: policy.act },
        schema: { tags, summary, params: idParamSchema, body, response: detail },
        handler: async (request) => {
          const who = acting(request);
          await run(who, request.params.id, request.body as z.infer<S>);
          return view(who, request.params.id);
        },
      });
    step('post', '/assessment', 'Threat assessment by intelligence (Art. 6)', threatAssessmentSchema, (w, id, b) =>
      assessThreat(svc, w, id, b),
    );
    step('post', '/activation', 'Activation decision by the Delegado-Geral (Art. 6–7)', activationDecisionSchema, (w, id, b) =>
      decideActivation(svc, w, id, b),
    );
    step('post', '/level', 'Protection level with the five criteria (Art. 12–14)', levelDecisionSchema, (w, id, b) =>
      decideLevel(svc, w, id, b),
    );
    step('put', '/vehicles', 'Vehicles of the mission (Art. 20)', vehiclesRequestSchema, (w, id, b) => setVehicles(svc, w, id, b.vehicles));
    step('put', '/plan', 'Save the action plan draft (Art. 17–18)', actionPlanSchema, (w, id, b) => savePlan(svc, w, id, b));
    step('post', '/plan/issue', 'Issue the complete action plan (Art. 18 gate)', z.object({}).optional(), (w, id) => issuePlan(svc, w, id));
    step(
      'post',
      '/core-intelligence',
      'Place a CORE intelligence member (Art. 12 §ú)',
      z.object({ email: z.string().trim().toLowerCase().email() }),
      (w, id, b) => assignCoreIntelligence(svc, w, id, b.email),
    );
    step('post', '/convocations', 'Convoke an officer through the chain of command (Art. 9–10)', convocationRequestSchema, (w, id, b) =>
      convokeOfficer(svc, w, id, b),
    );
    step('post', '/start', 'Start the mission (gates of Art. 10, 18–22)', z.object({}).optional(), (w, id) => startMission(svc, w, id));
    step('post', '/log', 'Execution log entry', logEntrySchema, (w, id, b) => addLogEntry(svc, w, id, b));
    step('post', '/report', 'Post-mission report', postMissionReportSchema, (w, id, b) => submitReport(svc, w, id, b.text));
    step(
      'post',
      '/close',
      'Approve the report and close the mission',
      z.object({ reason: z.string().trim().min(10).max(2000) }),
      (w, id, b) => closeMission(svc, w, id, b.reason),
    );
    step(
      'post',
      '/current-leg',
      'The leg being travelled (orders the route mosaic; execution log)',
      z.object({ leg: z.number().int().min(0).max(29) }),
      (w, id, b) => setCurrentLeg(svc, w, id, b.leg),
    );
    app.get(`${mission}/route-mosaic`, {
      config: { access: policy.routeMosaic },
      schema: {
        tags,
        summary: 'Route mosaic of a mission in progress: its route cameras per leg, the leg being travelled first (audited)',
        params: idParamSchema,
      },
      handler: async (request) => routeMosaic(svc, acting(request), request.params.id),
    });
    step('post', '/period', 'Extend or reduce the period (Art. 11 §1)', periodChangeSchema, (w, id, b) => changePeriod(svc, w, id, b));
    const onConvocation = (
      path: string,
      summary: string,
      run: (who: ReturnType<typeof acting>, id: string, cid: string, body: unknown) => Promise<void>,
      body: z.ZodType = z.object({}).optional(),
    ) =>
      app.post(`${mission}/convocations/:convocationId${path}`, {
        config: { access: policy.act },
        schema: { tags, summary, params: convocationParams, body, response: detail },
        handler: async (request) => {
          const who = acting(request);
          await run(who, request.params.id, request.params.convocationId, request.body);
          return view(who, request.params.id);
        },
      });
    onConvocation('/acknowledge', 'The immediate superior acknowledges (Art. 10 §1)', (w, id, cid) =>
      acknowledgeConvocation(svc, w, id, cid),
    );
    onConvocation('/present', 'The officer presents (Art. 10 §2)', (w, id, cid) => presentForDuty(svc, w, id, cid));
    onConvocation(
      '/checklist',
      'The officer signs the briefing checklist (Art. 21–22)',
      (w, id, cid, b) => signChecklist(svc, w, id, cid, b as z.infer<typeof briefingChecklistSchema>),
      briefingChecklistSchema,
    );
    app.get(`${mission}/acts/:actId/pdf`, {
      config: { access: policy.downloadAct },
      schema: {
        tags,
        summary: 'A controlled copy of an act, watermarked with the reader',
        params: z.object({ id: z.string().uuid(), actId: z.string().uuid() }),
      },
      handler: async (request, reply) => {
        const copy = await readerCopy(svc, acting(request), request.params.id, request.params.actId);
        return sendFile(reply.header('x-authenticity-code', copy.code), copy);
      },
    });
  };
}
