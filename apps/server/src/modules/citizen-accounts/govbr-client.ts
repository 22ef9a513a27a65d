import type { GovbrLevel } from '@vigia/contracts';
import * as oidc from 'openid-client';
import type { Config } from '../../config/config.js';
import { AppError } from '../../http/errors.js';

/**
 * gov.br Login Único through `openid-client`: authorization code + PKCE (S256), confidential
 * client (client_secret_basic), CPF as the subject, and the reliability level read from the
 * "confiabilidades" API with the citizen's access token after sign-in.
 */

export type GovbrConfig = NonNullable<Config['citizen']['govbr']>;

export const GOVBR_SCOPES = 'openid email profile govbr_confiabilidades';

const discovered = new Map<string, Promise<oidc.Configuration>>();

/** Plain http is accepted only for a provider on this machine (the local gov.br of tests and the demo). */
const isLoopback = (url: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

function configurationOf(cfg: GovbrConfig): Promise<oidc.Configuration> {
  const key = `${cfg.issuer}|${cfg.clientId}`;
  let pending = discovered.get(key);
  if (!pending) {
    pending = oidc.discovery(
      new URL(cfg.issuer),
      cfg.clientId,
      undefined,
      oidc.ClientSecretBasic(cfg.clientSecret),
      isLoopback(cfg.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    discovered.set(key, pending);
    pending.catch(() => discovered.delete(key));
  }
  return pending;
}

export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function startAuthorization(cfg: GovbrConfig): Promise<AuthorizationStart> {
  const configuration = await configurationOf(cfg).catch(() => {
    throw new AppError('UNAVAILABLE', 'O gov.br não respondeu. Tente novamente em alguns minutos.');
  });
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: cfg.redirectUri,
    scope: GOVBR_SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export interface GovbrIdentity {
  cpf: string;
  name: string;
  email: string | null;
  level: GovbrLevel;
}

const LEVEL_BY_ID: Record<string, GovbrLevel> = { '1': 'bronze', '2': 'prata', '3': 'ouro' };

/** Exchanges the code (checking state, nonce and the PKCE verifier), then reads claims and level. */
export async function finishAuthorization(
  cfg: GovbrConfig,
  callbackQuery: string,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<GovbrIdentity> {
  const configuration = await configurationOf(cfg);
  const currentUrl = new URL(cfg.redirectUri);
  currentUrl.search = callbackQuery;
  let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
  try {
    tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
  } catch {
    throw new AppError('GOVBR_SIGN_IN_FAILED');
  }
  const sub = tokens.claims()?.sub;
  if (!sub || !/^\d{11}$/.test(sub)) throw new AppError('GOVBR_SIGN_IN_FAILED', 'O gov.br não informou um CPF válido como identificador.');
  const info = await oidc.fetchUserInfo(configuration, tokens.access_token, sub);
  return {
    cpf: sub,
    name: String(info.social_name || info.name || ''),
    email: typeof info.email === 'string' ? info.email : null,
    level: await readReliabilityLevel(cfg, sub, tokens.access_token),
  };
}

/** gov.br "confiabilidades" API: the highest level the account holds (no answer: bronze). */
async function readReliabilityLevel(cfg: GovbrConfig, cpf: string, accessToken: string): Promise<GovbrLevel> {
  const url = `${cfg.reliabilityUrl.replace(/\/$/, '')}/confiabilidades/v3/contas/${cpf}/niveis?response-type=ids`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
  if (!res.ok) throw new AppError('GOVBR_SIGN_IN_FAILED', 'Não foi possível ler o nível da conta gov.br. Tente entrar novamente.');
  const levels = (await res.json()) as { id?: unknown }[];
  const ids = Array.isArray(levels) ? levels.map((l) => String(l.id)) : [];
  return ids.includes('3') ? 'ouro' : ids.includes('2') ? 'prata' : (LEVEL_BY_ID[ids[0] ?? '1'] ?? 'bronze');
}
