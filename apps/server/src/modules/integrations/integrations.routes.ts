import {
  idParamSchema,
  integrationCreateSchema,
  integrationRevokeSchema,
  integrationSchema,
  integrationUpdateSchema,
  integrationWithSecretSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context.js';
import { integrationsPolicy as policy } from './integrations.policy.js';
import {
  createIntegration,
  type IntegrationsDeps,
  listIntegrations,
  revokeIntegration,
  rotateIntegration,
  updateIntegration,
} from './integrations.service.js';

const tags = ['integrations'];

/** VMS integrations: external systems that pull cameras as HLS (Art. 22 §3; SPEC §3.3). */
export function integrationsRoutes(deps: IntegrationsDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/admin/integrations', {
      config: { access: policy.list },
      schema: {
        tags,
        summary: 'External systems (VMS) allowed to pull cameras, with the HLS URL of each camera',
        response: { 200: z.object({ items: z.array(integrationSchema) }) },
      },
      handler: async () => ({ items: await listIntegrations(deps) }),
    });
    app.post('/api/admin/integrations', {
      config: { access: policy.create },
      schema: {
        tags,
        summary: 'Register an external system; the generated password is shown only in this answer',
        body: integrationCreateSchema,
        response: { 200: integrationWithSecretSchema },
      },
      handler: async (request) => createIntegration(deps, actorOf(request), request.body),
    });
    app.patch('/api/admin/integrations/:id', {
      config: { access: policy.update },
      schema: {
        tags,
        summary: "Change an integration's name, unit, cameras or allowed source range",
        params: idParamSchema,
        body: integrationUpdateSchema,
        response: { 200: integrationSchema },
      },
      handler: async (request) => updateIntegration(deps, actorOf(request), request.params.id, request.body),
    });
    app.post('/api/admin/integrations/:id/rotate', {
      config: { access: policy.rotate },
      schema: {
        tags,
        summary: 'New password (shown once); the previous one stops working',
        params: idParamSchema,
        response: { 200: integrationWithSecretSchema },
      },
      handler: async (request) => rotateIntegration(deps, actorOf(request), request.params.id),
    });
    app.post('/api/admin/integrations/:id/revoke', {
      config: { access: policy.revoke },
      schema: {
        tags,
        summary: 'Revoke an integration for good (reason)',
        params: idParamSchema,
        body: integrationRevokeSchema,
        response: { 200: integrationSchema },
      },
      handler: async (request) => revokeIntegration(deps, actorOf(request), request.params.id, request.body),
    });
  };
}
