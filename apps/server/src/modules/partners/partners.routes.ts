import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { partnerProfileInputSchema, partnerProfileSchema, partnerSignUpRequestSchema } from '@vigia/contracts';
import type { Db } from '../../db/client.js';
import { actorOf, authOf } from '../../http/context.js';
import { getOwnProfile, signUpPartner, updateOwnProfile } from './partner-profile.js';
import { partnersPolicy } from './partners.policy.js';

const tags = ['partners'];

export function partnersRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/public/partners/sign-up', {
      config: { access: partnersPolicy.signUp },
      schema: { tags, summary: 'Sign up a partner (ente proponente) with its first account', body: partnerSignUpRequestSchema, response: { 200: partnerProfileSchema } },
      handler: async (request) => signUpPartner(deps.db, actorOf(request), request.body),
    });

    app.get('/api/partner/profile', {
      config: { access: partnersPolicy.ownProfile },
      schema: { tags, summary: 'Own partner profile', response: { 200: partnerProfileSchema } },
      handler: async (request) => getOwnProfile(deps.db, authOf(request)),
    });

    app.put('/api/partner/profile', {
      config: { access: partnersPolicy.updateOwnProfile },
      schema: { tags, summary: 'Update own partner profile', body: partnerProfileInputSchema, response: { 200: partnerProfileSchema } },
      handler: async (request) => updateOwnProfile(deps.db, authOf(request), actorOf(request), request.body),
    });
  };
}
