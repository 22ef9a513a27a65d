import {
  acceptedResponseSchema,
  idParamSchema,
  integratorAuthorisationRequestSchema,
  integratorAuthorisationSchema,
  partnerProfileInputSchema,
  partnerProfileSchema,
  partnerSignUpRequestSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { actorOf, authOf } from '../../http/context.js';
import { altchaFrom } from '../accounts/altcha.js';
import { identityChangeRoutes } from './identity-change.routes.js';
import { authoriseIntegrator, listMyAuthorisations, listPartnerIntegrators, revokeIntegrator } from './integrator-authorisations.js';
import { getOwnProfile, updateOwnProfile } from './partner-profile.js';
import { partnersPolicy } from './partners.policy.js';
import { SIGN_UP_ACCEPTED, signUpPartner } from './sign-up-partner.js';

const tags = ['partners'];

export function partnersRoutes(deps: { db: Db; config: Config }): FastifyPluginAsyncZod {
  const gate = { db: deps.db, config: deps.config, altcha: altchaFrom(deps.config) };
  return async (app) => {
    await app.register(identityChangeRoutes(deps));

    app.post('/api/public/partners/sign-up', {
      config: { access: partnersPolicy.signUp },
      schema: {
        tags,
        summary: 'Sign up a partner (ente proponente) with its first account; the account waits for e-mail confirmation',
        body: partnerSignUpRequestSchema,
        response: { 202: acceptedResponseSchema },
      },
      handler: async (request, reply) => {
        await signUpPartner(gate, actorOf(request), request.ip, request.body);
        return reply.code(202).send({ message: SIGN_UP_ACCEPTED });
      },
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

    // integrators (Art. 15)
    const authorisations = { 200: z.object({ authorisations: z.array(integratorAuthorisationSchema) }) };
    app.get('/api/partner/integrators', {
      config: { access: partnersPolicy.listIntegrators },
      schema: { tags, summary: 'Integrators authorised by my partner (Art. 15)', response: authorisations },
      handler: async (request) => ({ authorisations: await listPartnerIntegrators(deps.db, authOf(request)) }),
    });
    app.post('/api/partner/integrators', {
      config: { access: partnersPolicy.authoriseIntegrator },
      schema: {
        tags,
        summary: 'Authorise an integrator account until a date (Art. 15)',
        body: integratorAuthorisationRequestSchema,
        response: { 200: integratorAuthorisationSchema },
      },
      handler: async (request) => authoriseIntegrator(deps.db, authOf(request), actorOf(request), request.body),
    });
    app.post('/api/partner/integrators/:id/revoke', {
      config: { access: partnersPolicy.revokeIntegrator },
      schema: {
        tags,
        summary: 'Revoke an integrator authorisation',
        params: idParamSchema,
        response: { 200: integratorAuthorisationSchema },
      },
      handler: async (request) => revokeIntegrator(deps.db, authOf(request), actorOf(request), request.params.id),
    });
    app.get('/api/integrator/authorisations', {
      config: { access: partnersPolicy.myAuthorisations },
      schema: { tags, summary: 'Partners that authorised me (active authorisations)', response: authorisations },
      handler: async (request) => ({ authorisations: await listMyAuthorisations(deps.db, authOf(request)) }),
    });
  };
}
