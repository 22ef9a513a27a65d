import { createUserRequestSchema, idParamSchema, reasonSchema, userSummarySchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/context.js';
import { accountsPolicy } from './accounts.policy.js';
import { createUser, listUsers, reactivateUser, suspendUser } from './users.service.js';

const tags = ['users'];

export function usersRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/admin/users', {
      config: { access: accountsPolicy.listUsers },
      schema: { tags, summary: 'List users', response: { 200: z.object({ users: z.array(userSummarySchema) }) } },
      handler: async () => ({ users: await listUsers(deps.db) }),
    });

    app.post('/api/admin/users', {
      config: { access: accountsPolicy.createUser },
      schema: { tags, summary: 'Create a user with role grants', body: createUserRequestSchema, response: { 200: userSummarySchema } },
      handler: async (request) => createUser(deps.db, actorOf(request), request.body),
    });

    app.post('/api/admin/users/:id/suspend', {
      config: { access: accountsPolicy.suspendUser },
      schema: {
        tags,
        summary: 'Suspend a user (ends all sessions)',
        params: idParamSchema,
        body: reasonSchema,
        response: { 200: userSummarySchema },
      },
      handler: async (request) => suspendUser(deps.db, actorOf(request), request.params.id, request.body.reason),
    });

    app.post('/api/admin/users/:id/reactivate', {
      config: { access: accountsPolicy.reactivateUser },
      schema: {
        tags,
        summary: 'Reactivate a suspended user',
        params: idParamSchema,
        body: reasonSchema,
        response: { 200: userSummarySchema },
      },
      handler: async (request) => reactivateUser(deps.db, actorOf(request), request.params.id, request.body.reason),
    });
  };
}
