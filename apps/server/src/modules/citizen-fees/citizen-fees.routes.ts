import { idParamSchema, securityFeeSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acting, actorOf, citizenActorOf, citizenOf } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { sendFile } from '../../http/send-file.js';
import type { FileStorage } from '../files/file-storage.js';
import { citizenFeesPolicy as policy } from './citizen-fees.policy.js';
import { confirmPayment, webhookSignatureValid } from './confirm-payment.js';
import type { FeeDeps } from './fee-deps.js';
import { feeSlipOf, feesOf, pendingFees } from './fee-queries.js';
import { reissueFee } from './reissue-fee.js';

const tags = ['citizen: security fees'];
const webhookBody = z.object({
  txid: z.string().regex(/^[A-Za-z0-9]{1,35}$/),
  amountCents: z.number().int().positive(),
  /** The PSP's end-to-end id of the Pix. */
  endToEndId: z.string().min(1).max(64),
});

export function citizenFeesRoutes(deps: FeeDeps, storage: FileStorage): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/citizen/fees', {
      config: { access: policy.listMine },
      schema: { tags, summary: "The citizen's fees", response: { 200: z.object({ fees: z.array(securityFeeSchema) }) } },
      handler: async (request) => ({ fees: await feesOf(deps.db, citizenOf(request).citizen.id) }),
    });
    app.get('/api/citizen/fees/:id/slip', {
      config: { access: policy.slip },
      schema: { tags, summary: 'Payment slip (PDF: Pix QR code, copia e cola, due date)', params: idParamSchema },
      handler: async (request, reply) =>
        sendFile(reply, await feeSlipOf(deps.db, storage, citizenOf(request).citizen.id, request.params.id)),
    });
    app.post('/api/citizen/fees/:id/reissue', {
      config: { access: policy.reissue },
      schema: { tags, summary: 'Reissue an expired, unpaid slip', params: idParamSchema, response: { 200: securityFeeSchema } },
      handler: async (request) => reissueFee(deps, citizenOf(request).citizen.id, citizenActorOf(request), request.params.id),
    });
    app.get('/api/fees/pending', {
      config: { access: policy.pending },
      schema: {
        tags,
        summary: 'Fees waiting for payment (manual confirmation screen)',
        response: { 200: z.object({ fees: z.array(securityFeeSchema) }) },
      },
      handler: async () => ({ fees: await pendingFees(deps.db) }),
    });
    app.post('/api/fees/:id/confirm', {
      config: { access: policy.confirmByHand },
      schema: {
        tags,
        summary: 'Confirm a payment by hand (bank statement reference)',
        params: idParamSchema,
        body: z.object({ amountCents: z.number().int().positive(), reference: z.string().trim().min(3).max(120) }),
        response: { 200: securityFeeSchema },
      },
      handler: async (request) =>
        confirmPayment(deps, acting(request).actor, { feeId: request.params.id }, { ...request.body, via: 'manual' }),
    });
    // The webhook needs its raw bytes for the signature: its own scope with a buffer parser.
    await app.register(async (scope) => {
      scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      scope.post('/api/public/fees/webhook', {
        config: { access: policy.webhook },
        bodyLimit: 4096,
        schema: { tags, summary: 'Payment notice of the bank/PSP (header x-signature: sha256=HMAC of the body)' },
        handler: async (request) => {
          const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const signature = request.headers['x-signature'];
          if (!webhookSignatureValid(deps.config.fees.webhookSecret, raw, typeof signature === 'string' ? signature : undefined))
            throw new AppError('WEBHOOK_SIGNATURE_INVALID');
          let parsed: unknown;
          try {
            parsed = JSON.parse(raw.toString('utf8'));
          } catch {
            throw new AppError('BAD_REQUEST');
          }
          const notice = webhookBody.safeParse(parsed);
          if (!notice.success) throw new AppError('BAD_REQUEST', 'Aviso de pagamento inválido.');
          const actor = { ...actorOf(request), label: 'PSP (webhook)' };
          const fee = await confirmPayment(
            deps,
            actor,
            { txid: notice.data.txid },
            { amountCents: notice.data.amountCents, reference: notice.data.endToEndId, via: 'webhook' },
          );
          return { ok: true, status: fee.status };
        },
      });
    });
  };
}
