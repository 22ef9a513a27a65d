import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A local gov.br Login Único: a real OpenID Connect provider (`oidc-provider`) configured like the
 * gov.br staging environment, for tests and `DEMO=1`. What matches gov.br:
 * - scopes `openid email profile govbr_confiabilidades`; the subject (`sub`) is the CPF;
 * - claims `name`, `social_name`, `email`, `email_verified`, `phone_number`, `picture`;
 * - authorization code with PKCE (S256 only), confidential client (client_secret_basic);
 * - the reliability-level API `GET /confiabilidades/v3/contas/{cpf}/niveis?response-type=ids`,
 *   called with the citizen's access token, answering `[{ "id": "1"|"2"|"3", "dataAtualizacao" }]`
 *   (1 bronze, 2 prata, 3 ouro).
 * The sign-in page asks CPF and password like gov.br's and checks them against the accounts given;
 * the authorisation of the scopes is granted on sign-in (gov.br asks once per service).
 */

export type GovbrLevel = 'bronze' | 'prata' | 'ouro';

export interface GovbrAccount {
  cpf: string;
  name: string;
  email: string;
  password: string;
  level: GovbrLevel;
}

export interface GovbrClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface GovbrProvider {
  issuer: string;
  close(): Promise<void>;
}

const LEVEL_ID: Record<GovbrLevel, string> = { bronze: '1', prata: '2', ouro: '3' };

/** Demo and test citizens, one per reliability level (valid CPFs, fictitious people). */
export const govbrDemoAccounts: GovbrAccount[] = [
  { cpf: '52998224725', name: 'Ana Bronze da Silva', email: 'ana.bronze@cidadao.local', password: 'senha-govbr-1', level: 'bronze' },
  { cpf: '11144477735', name: 'Bruno Prata Souza', email: 'bruno.prata@cidadao.local', password: 'senha-govbr-2', level: 'prata' },
  { cpf: '39053344705', name: 'Carla Ouro Lima', email: 'carla.ouro@cidadao.local', password: 'senha-govbr-3', level: 'ouro' },
];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function signInPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>gov.br (local) — Entrar</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="font-family:Rawline,Raleway,sans-serif;max-width:420px;margin:2rem auto;padding:0 1rem">
<h1 style="color:#1351b4">gov.br <small style="font-size:.5em;color:#555">(provedor local de testes)</small></h1>
${error ? `<p role="alert" style="color:#b00">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label>CPF<br><input name="cpf" inputmode="numeric" autocomplete="username" required></label><br><br>
<label>Senha<br><input name="password" type="password" autocomplete="current-password" required></label><br><br>
<button type="submit">Entrar</button></form></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(c as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the provider on `port` (0: any free port) of 127.0.0.1. */
export async function startGovbrProvider(opts: {
  port?: number;
  clients: GovbrClient[];
  accounts?: GovbrAccount[];
}): Promise<GovbrProvider> {
  const accounts = new Map((opts.accounts ?? govbrDemoAccounts).map((a) => [a.cpf, a]));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    scopes: ['openid', 'email', 'profile', 'govbr_confiabilidades'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'social_name', 'phone_number', 'phone_number_verified', 'picture'],
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['govbr-local-provider-cookie-key'] },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: async (_ctx, id) => {
      const a = accounts.get(id);
      if (!a) return undefined;
      return {
        accountId: a.cpf,
        claims: async () => ({ sub: a.cpf, name: a.name, social_name: null, email: a.email, email_verified: true, picture: null }),
      };
    },
  });

  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(signInPage(uid));
      return;
    }
    const form = await formBody(req);
    const cpf = (form.get('cpf') ?? '').replace(/\D/g, '');
    const account = accounts.get(cpf);
    if (!account || account.password !== form.get('password')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(signInPage(uid, 'CPF ou senha incorretos.'));
      return;
    }
    const grant = new provider.Grant({ accountId: cpf, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: cpf }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  async function reliabilityLevels(req: IncomingMessage, res: ServerResponse, cpf: string): Promise<void> {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ? await provider.AccessToken.find(bearer) : undefined;
    if (!token || token.accountId !== cpf || !String(token.scope).split(' ').includes('govbr_confiabilidades')) {
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ erro: 'acesso negado' }));
      return;
    }
    const account = accounts.get(cpf);
    const levels = account ? [{ id: LEVEL_ID[account.level], dataAtualizacao: '2026-01-02 10:00:00' }] : [];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(levels));
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    const uid = /^\/interaction\/([\w-]+)$/.exec(url.pathname)?.[1];
    const levels = /^\/confiabilidades\/v3\/contas\/(\d{11})\/niveis$/.exec(url.pathname)?.[1];
    const handled = uid ? interaction(req, res, uid) : levels ? reliabilityLevels(req, res, levels) : null;
    if (!handled) {
      callback(req, res);
      return;
    }
    handled.catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`erro: ${err instanceof Error ? err.message : 'desconhecido'}`);
    });
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
