import {
  identityChangeDecisionSchema,
  identityChangeRequestSchema,
  identityChangeSchema,
  identityChangeStatusSchema,
  idParamSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { actorOf, authOf } from '../../http/context.js';
import { decideIdentityChange } from './decide-identity-change.js';
import { fileIdentityChange } from './file-identity-change.js';
import { listIdentityChanges } from './identity-change.repository.js';
import { ownPartnerId } from './partner-profile.js';
import { partnersPolicy } from './partners.policy.js';

const tags = ['partners'];
const list = { 200: z.object({ changes: z.array(identityChangeSchema) }) };

/** Alteração cadastral (issue 12, item 7): the only way a partner's identity changes after its first submission. */
export function identityChangeRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/partner/identity-changes', {
      config: { access: partnersPolicy.listOwnIdentityChanges },
      schema: { tags, summary: 'My partner’s identity-change requests', response: list },
      handler: async (request) => ({ changes: await listIdentityChanges(deps.db, { partnerId: ownPartnerId(authOf(request)) }) }),
    });

    app.post('/api/partner/identity-changes', {
      config: { access: partnersPolicy.fileIdentityChange },
      schema: {
        tags,
        summary: 'File an identity-change request (kind, name, CPF/CNPJ, legal representative)',
        body: identityChangeRequestSchema,
        response: { 200: identityChangeSchema },
      },
      handler: async (request) => fileIdentityChange(deps.db, authOf(request), actorOf(request), request.body),
    });

    app.get('/api/accreditation/identity-changes', {
      config: { access: partnersPolicy.listIdentityChanges },
      schema: {
        tags,
        summary: 'Identity-change requests of every partner (committee)',
        querystring: z.object({ status: identityChangeStatusSchema.optional() }),
        response: list,
      },
      handler: async (request) => ({ changes: await listIdentityChanges(deps.db, { status: request.query.status }) }),
    });

    app.post('/api/accreditation/identity-changes/:id/decide', {
      config: { access: partnersPolicy.decideIdentityChange },
      schema: {
        tags,
        summary: 'Approve or reject an identity-change request (committee)',
        params: idParamSchema,
        body: identityChangeDecisionSchema,
        response: { 200: identityChangeSchema },
      },
      handler: async (request) => decideIdentityChange(deps.db, actorOf(request), request.params.id, request.body),
    });
  };
}
