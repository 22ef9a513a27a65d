import { auditEventSchema, auditListQuerySchema, auditVerifyResultSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/context.js';
import { auditPolicy } from './audit.policy.js';
import { listAuditEvents, recordAudit, verifyAuditChain } from './audit.service.js';

const tags = ['audit'];

export function auditRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/audit/events', {
      config: { access: auditPolicy.list },
      schema: {
        tags,
        summary: 'Audit events, newest first',
        querystring: auditListQuerySchema,
        response: { 200: z.object({ events: z.array(auditEventSchema) }) },
      },
      handler: async (request) => {
        const events = await listAuditEvents(deps.db, request.query);
        // Reading the audit trail is itself audited.
        await deps.db.transaction((tx) => recordAudit(tx, actorOf(request), { action: 'audit.viewed', data: { filter: request.query } }));
        return { events };
      },
    });

    app.get('/api/audit/verify', {
      config: { access: auditPolicy.verify },
      schema: { tags, summary: 'Verify the hash chain and name the first broken row', response: { 200: auditVerifyResultSchema } },
      handler: async (request) => {
        const result = await verifyAuditChain(deps.db);
        await deps.db.transaction((tx) =>
          recordAudit(tx, actorOf(request), {
            action: 'audit.verified',
            data: { ok: result.ok, checked: result.checked, firstBroken: result.firstBroken },
          }),
        );
        return result;
      },
    });
  };
}
