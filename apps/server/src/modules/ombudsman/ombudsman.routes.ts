import {
  anonymousManifestationBodySchema,
  answerBodySchema,
  citizenManifestationBodySchema,
  extendBodySchema,
  followUpQuerySchema,
  idParamSchema,
  manifestationCreatedSchema,
  manifestationFollowUpSchema,
  manifestationMessageBodySchema,
  ombudsmanManifestationSchema,
  ombudsmanQueueItemSchema,
  protocolParamSchema,
  publicMessageBodySchema,
  routeManifestationBodySchema,
  unitManifestationSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { acting, actorOf, citizenActorOf, citizenOf } from '../../http/context.js';
import { altchaFrom } from '../accounts/altcha.js';
import { answerManifestation, messageCitizen } from './answer-manifestation.js';
import { extendAnswerDeadline, extendUnitDeadline } from './extend-deadline.js';
import { fileAnonymousManifestation, fileCitizenManifestation } from './file-manifestation.js';
import { citizenManifestations, citizenReply, followByProtocol, ownFollowUp } from './follow-manifestation.js';
import { ombudsmanPolicy as policy } from './ombudsman.policy.js';
import type { OmbudsmanDeps } from './ombudsman-deps.js';
import { ombudsmanQueue, ombudsmanView, unitInbox, unitView } from './ombudsman-queries.js';
import { routeManifestation } from './route-manifestation.js';
import { unitAnswer } from './unit-answer.js';

const tags = ['ombudsman'];

/** Ombudsman (Ouvidoria, Lei 13.460/2017): file, follow and reply; the ombudsman's queue; the units' inbox. */
export function ombudsmanRoutes(app: { db: Db; clock: Clock; config: Config }): FastifyPluginAsyncZod {
  const deps: OmbudsmanDeps = { db: app.db, clock: app.clock, config: app.config, altcha: altchaFrom(app.config) };
  return async (r) => {
    r.post('/api/citizen/ombudsman/manifestations', {
      config: { access: policy.fileSignedIn },
      bodyLimit: 32_768,
      schema: {
        tags,
        summary: 'File an identified or confidential manifestation (gov.br sign-in)',
        body: citizenManifestationBodySchema,
        response: { 200: manifestationCreatedSchema },
      },
      handler: async (request) => fileCitizenManifestation(deps, citizenActorOf(request), citizenOf(request).citizen, request.body),
    });
    r.post('/api/public/ombudsman/manifestations', {
      config: { access: policy.fileAnonymous },
      bodyLimit: 32_768,
      schema: {
        tags,
        summary: 'File an anonymous manifestation (ALTCHA proof of work; limited per address)',
        body: anonymousManifestationBodySchema,
        response: { 200: manifestationCreatedSchema },
      },
      handler: async (request) => fileAnonymousManifestation(deps, actorOf(request), request.ip, request.body),
    });
    r.get('/api/public/ombudsman/manifestations/:protocol', {
      config: { access: policy.followUp },
      schema: {
        tags,
        summary: 'Follow a manifestation by protocol and access code',
        params: protocolParamSchema,
        querystring: followUpQuerySchema,
        response: { 200: manifestationFollowUpSchema },
      },
      handler: async (request) => followByProtocol(deps, request.ip, request.params.protocol, request.query.code),
    });
    r.post('/api/public/ombudsman/manifestations/:protocol/messages', {
      config: { access: policy.replyPublic },
      bodyLimit: 16_384,
      schema: {
        tags,
        summary: 'Reply to the ombudsman by protocol and access code',
        params: protocolParamSchema,
        body: publicMessageBodySchema,
        response: { 200: manifestationFollowUpSchema },
      },
      handler: async (request) =>
        citizenReply(
          deps,
          actorOf(request),
          { ip: request.ip, protocol: request.params.protocol, code: request.body.code },
          request.body.text,
        ),
    });
    r.get('/api/citizen/ombudsman/manifestations', {
      config: { access: policy.listMine },
      schema: {
        tags,
        summary: "The citizen's manifestations",
        response: { 200: z.object({ manifestations: z.array(manifestationFollowUpSchema) }) },
      },
      handler: async (request) => ({ manifestations: await citizenManifestations(deps, citizenOf(request).citizen.id) }),
    });
    r.get('/api/citizen/ombudsman/manifestations/:id', {
      config: { access: policy.showMine },
      schema: {
        tags,
        summary: "One of the citizen's manifestations",
        params: idParamSchema,
        response: { 200: manifestationFollowUpSchema },
      },
      handler: async (request) => ownFollowUp(deps, citizenOf(request).citizen.id, request.params.id),
    });
    r.post('/api/citizen/ombudsman/manifestations/:id/messages', {
      config: { access: policy.replyMine },
      bodyLimit: 16_384,
      schema: {
        tags,
        summary: 'Reply to the ombudsman (signed in)',
        params: idParamSchema,
        body: manifestationMessageBodySchema,
        response: { 200: manifestationFollowUpSchema },
      },
      handler: async (request) =>
        citizenReply(deps, citizenActorOf(request), { citizenId: citizenOf(request).citizen.id, id: request.params.id }, request.body.text),
    });

    r.get('/api/ombudsman/queue', {
      config: { access: policy.queue },
      schema: {
        tags,
        summary: 'The ombudsman queue with its clocks',
        response: { 200: z.object({ items: z.array(ombudsmanQueueItemSchema) }) },
      },
      handler: async () => ({ items: await ombudsmanQueue(deps) }),
    });
    r.get('/api/ombudsman/manifestations/:id', {
      config: { access: policy.show },
      schema: {
        tags,
        summary: 'A manifestation with its requester (audited)',
        params: idParamSchema,
        response: { 200: ombudsmanManifestationSchema },
      },
      handler: async (request) => ombudsmanView(deps, acting(request), request.params.id),
    });
    r.post('/api/ombudsman/manifestations/:id/route', {
      config: { access: policy.route },
      schema: {
        tags,
        summary: 'Route to the responsible unit (its 20-day clock starts)',
        params: idParamSchema,
        body: routeManifestationBodySchema,
        response: { 200: ombudsmanManifestationSchema },
      },
      handler: async (request) => routeManifestation(deps, acting(request), request.params.id, request.body),
    });
    r.post('/api/ombudsman/manifestations/:id/extend', {
      config: { access: policy.extend },
      schema: {
        tags,
        summary: 'Extend the answer deadline once by 30 days with a justification (Lei 13.460 art. 16)',
        params: idParamSchema,
        body: extendBodySchema,
        response: { 200: ombudsmanManifestationSchema },
      },
      handler: async (request) => extendAnswerDeadline(deps, acting(request), request.params.id, request.body.justification),
    });
    r.post('/api/ombudsman/manifestations/:id/answer', {
      config: { access: policy.answer },
      schema: {
        tags,
        summary: 'The conclusive answer to the citizen',
        params: idParamSchema,
        body: answerBodySchema,
        response: { 200: ombudsmanManifestationSchema },
      },
      handler: async (request) => answerManifestation(deps, acting(request), request.params.id, request.body.text),
    });
    r.post('/api/ombudsman/manifestations/:id/messages', {
      config: { access: policy.message },
      schema: {
        tags,
        summary: 'Write to the citizen',
        params: idParamSchema,
        body: manifestationMessageBodySchema,
        response: { 200: ombudsmanManifestationSchema },
      },
      handler: async (request) => messageCitizen(deps, acting(request), request.params.id, request.body.text),
    });

    r.get('/api/ombudsman/unit/manifestations', {
      config: { access: policy.unitInbox },
      schema: {
        tags,
        summary: "Manifestations routed to the caller's units (no identity of a confidential one)",
        response: { 200: z.object({ items: z.array(unitManifestationSchema) }) },
      },
      handler: async (request) => ({ items: await unitInbox(deps, acting(request)) }),
    });
    r.get('/api/ombudsman/unit/manifestations/:id', {
      config: { access: policy.unitShow },
      schema: { tags, summary: 'One routed manifestation', params: idParamSchema, response: { 200: unitManifestationSchema } },
      handler: async (request) => unitView(deps, acting(request), request.params.id),
    });
    r.post('/api/ombudsman/unit/manifestations/:id/answer', {
      config: { access: policy.unitAnswer },
      schema: {
        tags,
        summary: "The unit's answer to the ombudsman",
        params: idParamSchema,
        body: answerBodySchema,
        response: { 200: unitManifestationSchema },
      },
      handler: async (request) => unitAnswer(deps, acting(request), request.params.id, request.body.text),
    });
    r.post('/api/ombudsman/unit/manifestations/:id/extend', {
      config: { access: policy.unitExtend },
      schema: {
        tags,
        summary: "Extend the unit's deadline once by 20 days with a justification",
        params: idParamSchema,
        body: extendBodySchema,
        response: { 200: unitManifestationSchema },
      },
      handler: async (request) => extendUnitDeadline(deps, acting(request), request.params.id, request.body.justification),
    });
  };
}
