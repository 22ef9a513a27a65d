import { type CitizenSession, citizenSessionSchema, lookupEntrySchema, nameLookupsQuerySchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadKeyFile } from '../../config/key-file.js';
import type { AppDeps } from '../../http/app-deps.js';
import { actorOf, citizenOf } from '../../http/context.js';
import { CITIZEN_SESSION_COOKIE } from '../../http/session-token.js';
import { citizenAccountsPolicy as policy } from './citizen-accounts.policy.js';
import { lookupsOf, personKeyLookupsOf, personKeyOf } from './citizen-lookups.js';
import { endCitizenSession, resolveCitizenSession } from './citizen-session.service.js';
import { finishCitizenSignIn, startCitizenSignIn } from './sign-in-with-govbr.js';

const tags = ['citizen: gov.br sign-in'];
const UNAVAILABLE =
  'O acesso com gov.br não está configurado neste ambiente. Os serviços que dispensam identificação (autenticar certidão, consultar protocolo) continuam disponíveis.';

/** The HMAC key of person keys (name-based lookups): configured, or generated once into DATA_DIR/keys. */
export const lookupPersonKey = (config: AppDeps['config']): string =>
  loadKeyFile({ envKey: config.citizen.lookupPersonKey, dataDir: config.dataDir, file: 'lookup-person.key' });

/** gov.br sign-in (authorization code + PKCE), the citizen session and "who looked me up". */
export function citizenAccountsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { config, clock } = deps;
  const db = deps.database.db;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.session.secureCookie };
  const personKeySecret = lookupPersonKey(config);
  return async (app) => {
    app.get('/api/citizen/session', {
      config: { access: policy.session },
      schema: { tags, summary: 'Whether gov.br sign-in is available and who is signed in', response: { 200: citizenSessionSchema } },
      handler: async (request): Promise<CitizenSession> => {
        const token = request.cookies[CITIZEN_SESSION_COOKIE];
        const ctx = token ? await resolveCitizenSession(db, clock, token) : null;
        return {
          signInAvailable: config.citizen.govbr !== null,
          unavailableReason: config.citizen.govbr ? null : UNAVAILABLE,
          citizen: ctx ? { name: ctx.citizen.name, cpf: ctx.citizen.cpf, email: ctx.citizen.email, level: ctx.citizen.level } : null,
          csrfToken: ctx?.session.csrfToken ?? null,
        };
      },
    });
    app.get('/api/citizen/auth/login', {
      config: { access: policy.startSignIn },
      schema: {
        tags,
        summary: 'Redirect to gov.br (PKCE S256, state, nonce)',
        querystring: z.object({ returnTo: z.string().max(200).optional() }),
      },
      handler: async (request, reply) => reply.redirect(await startCitizenSignIn(db, clock, config, request.query.returnTo)),
    });
    app.get('/api/citizen/auth/callback', {
      config: { access: policy.finishSignIn },
      schema: {
        tags,
        summary: 'gov.br redirects back with the code',
        querystring: z.object({ state: z.string().max(200).optional() }).passthrough(),
      },
      handler: async (request, reply) => {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const done = await finishCitizenSignIn(db, clock, config, actorOf(request), { state: request.query.state, query });
        reply.setCookie(CITIZEN_SESSION_COOKIE, done.token, { ...cookieOptions, maxAge: Math.floor(config.citizen.sessionMs / 1000) });
        return reply.redirect(done.returnTo);
      },
    });
    app.post('/api/citizen/auth/logout', {
      config: { access: policy.signOut },
      schema: { tags, summary: 'End the citizen session' },
      handler: async (request, reply) => {
        await endCitizenSession(db, clock, citizenOf(request).session.id);
        reply.clearCookie(CITIZEN_SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    });
    app.get('/api/citizen/lookups', {
      config: { access: policy.myLookups },
      schema: {
        tags,
        summary: 'Who looked me up: queries and checks about my CPF',
        response: { 200: z.object({ lookups: z.array(lookupEntrySchema) }) },
      },
      handler: async (request) => ({ lookups: await lookupsOf(db, clock, citizenOf(request).citizen.cpf) }),
    });
    app.post('/api/citizen/lookups/by-name', {
      config: { access: policy.myLookupsByName },
      schema: {
        tags,
        summary:
          "Who looked me up by name: queries made without a CPF (full name + mother's name + birth date); my name is gov.br's, I give the other two",
        body: nameLookupsQuerySchema,
        response: { 200: z.object({ lookups: z.array(lookupEntrySchema) }) },
      },
      handler: async (request) => {
        const key = personKeyOf(personKeySecret, { name: citizenOf(request).citizen.name, ...request.body });
        return { lookups: await personKeyLookupsOf(db, clock, key) };
      },
    });
  };
}
