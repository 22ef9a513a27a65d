import {
  idParamSchema,
  warrantInputSchema,
  warrantListQuerySchema,
  warrantLookupResultSchema,
  warrantLookupSchema,
  warrantSchema,
  warrantStatusChangeSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { acting } from '../../http/context.js';
import type { PublicLookupGate } from '../citizen-accounts/public-lookup-gate.js';
import { lookupWarrant, warrantQueryOf } from './lookup-warrant.js';
import { changeWarrantStatus, listWarrants, registerWarrant } from './manage-warrants.js';
import { platformWarrants, type WarrantsAdapter } from './warrants.adapter.js';
import { warrantsPolicy as policy } from './warrants.policy.js';

const tags = ['citizen: arrest warrants'];

/**
 * Arrest-warrant lookup and its back office. `warrants` is the system of record (default: the
 * shipped store); a state plugs the BNMP in by passing its own adapter.
 */
export function warrantsRoutes(
  app: AppDeps,
  opts: { gate: PublicLookupGate; personKeySecret: string; warrants?: WarrantsAdapter },
): FastifyPluginAsyncZod {
  const db = app.database.db;
  const deps = { db, clock: app.clock, warrants: opts.warrants ?? platformWarrants(db), personKeySecret: opts.personKeySecret };
  return async (r) => {
    r.post('/api/public/warrants/lookup', {
      config: { access: policy.lookup },
      schema: {
        tags,
        summary:
          "Is there a pending, valid arrest warrant? CPF + birth date, or full name + mother's name + birth date; proof of work (altcha) required",
        body: warrantLookupSchema,
        response: { 200: warrantLookupResultSchema },
      },
      handler: async (request, reply) => {
        opts.gate.admit(request.ip);
        const query = warrantQueryOf(request.body);
        await opts.gate.spend(request.body.altcha);
        reply.header('cache-control', 'no-store');
        return lookupWarrant(deps, query);
      },
    });
    r.get('/api/warrants', {
      config: { access: policy.list },
      schema: {
        tags,
        summary: 'Warrants of the shipped store (audited read)',
        querystring: warrantListQuerySchema,
        response: { 200: z.object({ warrants: z.array(warrantSchema) }) },
      },
      handler: async (request) => {
        const { actor } = acting(request);
        return { warrants: await listWarrants(deps, actor, request.query) };
      },
    });
    r.post('/api/warrants', {
      config: { access: policy.register },
      schema: { tags, summary: 'Register a pending warrant (audited)', body: warrantInputSchema, response: { 200: warrantSchema } },
      handler: async (request) => registerWarrant(deps, acting(request).actor, request.body),
    });
    r.post('/api/warrants/:id/status', {
      config: { access: policy.changeStatus },
      schema: {
        tags,
        summary: "Change a warrant's status (served, revoked, expired, pending) and validity, with a reason (audited)",
        params: idParamSchema,
        body: warrantStatusChangeSchema,
        response: { 200: warrantSchema },
      },
      handler: async (request) => changeWarrantStatus(deps, acting(request).actor, request.params.id, request.body),
    });
  };
}
