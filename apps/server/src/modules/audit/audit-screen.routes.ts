import { auditEventSchema, auditSearchQuerySchema, usageReportSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/context.js';
import { auditPolicy } from './audit.policy.js';
import { recordAudit } from './audit.service.js';
import { auditCsvStream, searchAuditEvents } from './audit-search.js';
import { usageReport } from './usage-report.js';

const tags = ['audit'];

/** The audit screen (filters, CSV export) and the public usage report. */
export function auditScreenRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/audit/search', {
      config: { access: auditPolicy.search },
      schema: {
        tags,
        summary: 'Audit events filtered by user, camera, partner, action and period (newest first, paged by seq)',
        querystring: auditSearchQuerySchema,
        response: { 200: z.object({ events: z.array(auditEventSchema), nextBeforeSeq: z.number().int().nullable() }) },
      },
      handler: async (request) => {
        const result = await searchAuditEvents(deps.db, request.query);
        const { limit: _l, beforeSeq: _b, ...filter } = request.query;
        await deps.db.transaction((tx) => recordAudit(tx, actorOf(request), { action: 'audit.viewed', data: { filter } }));
        return result;
      },
    });

    app.get('/api/audit/export.csv', {
      config: { access: auditPolicy.exportCsv },
      schema: {
        tags,
        summary: 'The filtered audit events as CSV (streamed; refused above the row limit)',
        querystring: auditSearchQuerySchema.omit({ limit: true, beforeSeq: true }),
      },
      handler: async (request, reply) => {
        const { rows, stream } = await auditCsvStream(deps.db, request.query);
        await deps.db.transaction((tx) =>
          recordAudit(tx, actorOf(request), { action: 'audit.exported', data: { filter: request.query, rows } }),
        );
        const day = new Date().toISOString().slice(0, 10);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="auditoria-${day}.csv"`)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(stream);
      },
    });

    app.get('/api/public/transparency/usage', {
      config: { access: auditPolicy.publicUsage },
      schema: {
        tags: ['transparency'],
        summary: 'Monthly usage counts (views, playbacks, exports, releases, denials) — no personal data',
        querystring: z.object({ months: z.coerce.number().int().min(1).max(36).default(12) }),
        response: { 200: usageReportSchema },
      },
      handler: async (request) => usageReport(deps.db, request.query.months),
    });
  };
}
