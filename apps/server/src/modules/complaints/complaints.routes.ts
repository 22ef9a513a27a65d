import {
  complaintCreatedSchema,
  complaintCreateRequestSchema,
  complaintOutcomeRequestSchema,
  complaintPublicSchema,
  complaintSchema,
  complaintTriageRequestSchema,
  idParamSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { acting, actorOf } from '../../http/context.js';
import type { Clock } from '../calendar/clock.js';
import { complaintsPolicy as policy } from './complaints.policy.js';
import { fileComplaint, listComplaints, lookupComplaint, publishOutcome, triageComplaint, viewComplaint } from './complaints.service.js';

const tags = ['complaints'];

/** Complaints (Art. 28 §2): public form and protocol lookup; committee triage. */
export function complaintsRoutes(deps: { db: Db; clock: Clock }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/public/complaints', {
      config: { access: policy.fileComplaint },
      bodyLimit: 16_384,
      schema: {
        tags,
        summary: 'File a complaint (anonymous or identified); returns the protocol',
        body: complaintCreateRequestSchema,
        response: { 200: complaintCreatedSchema },
      },
      handler: async (request) => {
        const { website: _honeypot, ...input } = request.body;
        return fileComplaint(deps.db, deps.clock, actorOf(request), request.ip, input);
      },
    });
    app.get('/api/public/complaints/:protocol', {
      config: { access: policy.lookupComplaint },
      schema: {
        tags,
        summary: 'Status and published outcome of a complaint',
        params: z.object({ protocol: z.string().min(8).max(40) }),
        response: { 200: complaintPublicSchema },
      },
      handler: async (request) => lookupComplaint(deps.db, request.params.protocol),
    });
    app.get('/api/complaints', {
      config: { access: policy.listComplaints },
      schema: { tags, summary: 'Complaints (triage queue)', response: { 200: z.object({ complaints: z.array(complaintSchema) }) } },
      handler: async () => ({ complaints: await listComplaints(deps.db) }),
    });
    app.get('/api/complaints/:id', {
      config: { access: policy.viewComplaint },
      schema: { tags, summary: 'Complaint detail', params: idParamSchema, response: { 200: complaintSchema } },
      handler: async (request) => viewComplaint(deps.db, request.params.id),
    });
    app.post('/api/complaints/:id/triage', {
      config: { access: policy.triageComplaint },
      schema: {
        tags,
        summary: 'Investigate (link a cooperation) or dismiss',
        params: idParamSchema,
        body: complaintTriageRequestSchema,
        response: { 200: complaintSchema },
      },
      handler: async (request) => triageComplaint(deps.db, acting(request), request.params.id, request.body),
    });
    app.post('/api/complaints/:id/outcome', {
      config: { access: policy.publishOutcome },
      schema: {
        tags,
        summary: 'Publish the outcome to the complainant',
        params: idParamSchema,
        body: complaintOutcomeRequestSchema,
        response: { 200: complaintSchema },
      },
      handler: async (request) => publishOutcome(deps.db, deps.clock, acting(request), request.params.id, request.body.outcome),
    });
  };
}
