import {
  identityCardRequestBodySchema,
  identityCardRequestSchema,
  identityCardStatusSchema,
  identityCardWorkItemSchema,
  idParamSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acting, citizenActorOf, citizenOf } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { hitRateLimit } from '../accounts/rate-limit.js';
import { advanceIdentityCard, decideExemption } from './advance-identity-card.js';
import { identityCardPolicy as policy } from './identity-card.policy.js';
import type { IdentityCardDeps } from './identity-card-deps.js';
import { addPost, identityCardStatus, identityCardsOf, openIdentityCards, postsWithPlaces } from './identity-card-queries.js';
import { requestIdentityCard } from './request-identity-card.js';

const tags = ['citizen: identity card'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const STATUS_LOOKUPS_PER_MINUTE = 60;

export function identityCardRoutes(deps: IdentityCardDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/citizen/identity-cards', {
      config: { access: policy.request },
      schema: {
        tags,
        summary: 'Pre-request an identity card (post and day)',
        body: identityCardRequestBodySchema,
        response: { 200: identityCardRequestSchema },
      },
      handler: async (request) => requestIdentityCard(deps, citizenOf(request), citizenActorOf(request), request.body),
    });
    app.get('/api/citizen/identity-cards', {
      config: { access: policy.listMine },
      schema: {
        tags,
        summary: "The citizen's identity-card requests",
        response: { 200: z.object({ requests: z.array(identityCardRequestSchema) }) },
      },
      handler: async (request) => ({ requests: await identityCardsOf(deps.db, citizenOf(request).citizen.id) }),
    });
    app.get('/api/public/identity-cards/:protocol', {
      config: { access: policy.status },
      schema: {
        tags,
        summary: 'Status by protocol (stage and post)',
        params: z.object({ protocol: z.string().min(8).max(40) }),
        response: { 200: identityCardStatusSchema },
      },
      handler: async (request) => {
        const { allowed } = await hitRateLimit(deps.db, 'identity-card-status', request.ip, {
          max: STATUS_LOOKUPS_PER_MINUTE,
          windowMs: 60_000,
        });
        if (!allowed) throw new AppError('RATE_LIMITED');
        return identityCardStatus(deps.db, request.params.protocol);
      },
    });
    app.get('/api/public/identification-posts', {
      config: { access: policy.posts },
      schema: { tags, summary: 'Posts and free places on a day', querystring: z.object({ date }) },
      handler: async (request) => ({ posts: await postsWithPlaces(deps.db, request.query.date) }),
    });
    app.post('/api/identification-posts', {
      config: { access: policy.addPost },
      schema: {
        tags,
        summary: 'Add an identification post',
        body: z.object({
          name: z.string().trim().min(3).max(120),
          municipality: z.string().trim().min(2).max(80),
          address: z.string().trim().min(3).max(200),
          dailyCapacity: z.number().int().min(1).max(2000),
        }),
      },
      handler: async (request) => addPost(deps.db, acting(request), request.body),
    });
    app.get('/api/identity-cards', {
      config: { access: policy.workList },
      schema: {
        tags,
        summary: "Politec's open requests",
        response: { 200: z.object({ requests: z.array(identityCardWorkItemSchema) }) },
      },
      handler: async (request) => ({ requests: await openIdentityCards(deps.db, acting(request)) }),
    });
    app.post('/api/identity-cards/:id/stage', {
      config: { access: policy.advance },
      schema: {
        tags,
        summary: 'Move a request to its next stage (the citizen is mailed)',
        params: idParamSchema,
        body: z.object({
          stage: z.enum(['biometrics', 'production', 'shipped', 'available', 'delivered']),
          rgNumber: z.string().trim().min(3).max(30).optional(),
        }),
      },
      handler: async (request) => {
        const row = await advanceIdentityCard(deps, acting(request), request.params.id, request.body.stage, request.body.rgNumber);
        return { stage: row.stage };
      },
    });
    app.post('/api/identity-cards/:id/exemption', {
      config: { access: policy.decideExemption },
      schema: { tags, summary: 'Grant or refuse a fee exemption', params: idParamSchema, body: z.object({ granted: z.boolean() }) },
      handler: async (request) => {
        const row = await decideExemption(deps, acting(request), request.params.id, request.body.granted);
        return { stage: row.stage };
      },
    });
  };
}
