import type { App } from './server.js';

/** The citizen session a test holds after signing in with gov.br. */
export interface CitizenSessionCookies {
  cookie: string;
  csrf: string;
}

export const GOVBR_TEST_CLIENT = {
  clientId: 'vigia-mais-mt-test',
  clientSecret: 'segredo-do-cliente-de-teste-govbr',
  redirectUri: 'http://127.0.0.1:3000/api/citizen/auth/callback',
};

/** The app's settings for the local gov.br provider at `issuer`. */
export const govbrEnv = (issuer: string): Record<string, string> => ({
  GOVBR_ISSUER: issuer,
  GOVBR_CLIENT_ID: GOVBR_TEST_CLIENT.clientId,
  GOVBR_CLIENT_SECRET: GOVBR_TEST_CLIENT.clientSecret,
  GOVBR_REDIRECT_URI: GOVBR_TEST_CLIENT.redirectUri,
});

class CookieJar {
  private readonly jar = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }
  header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** How the sign-in reaches the app: in process (`app.inject`) or over HTTP. */
type AppGet = (
  url: string,
  cookie?: string,
) => Promise<{ status: number; location: string | undefined; setCookies: string[]; body: string }>;

const injectGet =
  (app: App): AppGet =>
  async (url, cookie) => {
    const res = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    const loc = res.headers.location;
    return {
      status: res.statusCode,
      location: loc === undefined ? undefined : String(loc),
      setCookies: [res.headers['set-cookie'] ?? []].flat(),
      body: res.body,
    };
  };

const httpGet =
  (baseUrl: string): AppGet =>
  async (url, cookie) => {
    const res = await fetch(`${baseUrl}${url}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    return {
      status: res.status,
      location: res.headers.get('location') ?? undefined,
      setCookies: res.headers.getSetCookie(),
      body: await res.text(),
    };
  };

/**
 * Signs a citizen in through the real flow: the app's /api/citizen/auth/login redirect, the local
 * gov.br provider's sign-in form (CPF and password), its redirect back with the code, and the app's
 * callback (code exchange with PKCE, userinfo, reliability level). Throws if the provider refuses.
 */
export const signInWithGovbr = (app: App, cpf: string, password: string, redirectUri = GOVBR_TEST_CLIENT.redirectUri) =>
  signIn(injectGet(app), redirectUri, cpf, password);

/** The same against a running server (benchmarks); `redirectUri` is the one the provider knows. */
export const signInWithGovbrHttp = (baseUrl: string, redirectUri: string, cpf: string, password: string) =>
  signIn(httpGet(baseUrl), redirectUri, cpf, password);

async function signIn(get: AppGet, redirectUri: string, cpf: string, password: string): Promise<CitizenSessionCookies> {
  const start = await get('/api/citizen/auth/login');
  if (start.status !== 302 || !start.location) throw new Error(`login did not redirect: ${start.status} ${start.body}`);
  let location = start.location;
  const jar = new CookieJar();
  let form: { cpf: string; password: string } | null = { cpf, password };
  for (let hop = 0; hop < 10; hop++) {
    if (location.startsWith(redirectUri)) {
      const back = await get(location.slice(location.indexOf('/api/')));
      if (back.status !== 302) throw new Error(`callback failed: ${back.status} ${back.body}`);
      const setCookie = back.setCookies.find((c) => c.startsWith('vm_citizen='));
      if (!setCookie) throw new Error('no citizen session cookie');
      const cookie = setCookie.split(';')[0]!;
      const session = JSON.parse((await get('/api/citizen/session', cookie)).body) as { csrfToken: string };
      return { cookie, csrf: session.csrfToken };
    }
    const isInteraction = /\/interaction\/[\w-]+$/.test(new URL(location).pathname);
    const res =
      isInteraction && form
        ? await fetch(location, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(form).toString(),
          })
        : await fetch(location, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    if (isInteraction) form = null;
    const next = res.headers.get('location');
    if (!next) throw new Error(`gov.br stopped at ${location}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    location = new URL(next, location).href;
  }
  throw new Error('too many redirects');
}
