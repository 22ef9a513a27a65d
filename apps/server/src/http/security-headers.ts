import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response (issue 12 item 8), written by hand rather than through
 * @fastify/helmet: the policy is small and depends on the deployment (map tile server, media node
 * origins), so it is easier to read here in one place.
 *
 * - HTML (the portal, the back office, the API documentation) gets a Content-Security-Policy
 *   without inline script: scripts only from this origin; images also from the map tile server;
 *   fetch/WebSocket/HLS also to the media nodes (http(s) and ws(s) of each node's public URL).
 *   Styles: the bundles are CSS files and components set styles through the CSSOM (allowed),
 *   so 'self' only — no 'unsafe-inline' anywhere (swagger-ui's own CSP needs none either).
 * - Everything else (JSON, files, metrics) gets `default-src 'none'`: a response rendered as a page
 *   by mistake can run nothing.
 * - Always: frame-ancestors 'none' (+ X-Frame-Options DENY for old browsers), nosniff,
 *   Referrer-Policy strict-origin-when-cross-origin (the tile server's usage policy asks for a
 *   Referer; cross-origin requests carry the origin only, never a path or a query).
 * - Production only: Strict-Transport-Security (a year, subdomains included).
 */
export interface SecurityHeaderOptions {
  production: boolean;
  /** Origin of the map tiles (img-src), from MAP_TILES_URL. */
  mapTilesOrigin: string | undefined;
  /** Public base URLs of the media nodes browsers connect to (configured fallback + registered nodes). */
  mediaNodeUrls: () => Promise<string[]>;
}

const HSTS = 'max-age=31536000; includeSubDomains';
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** http(s) and ws(s) origins of a media node's public URL; nothing for a malformed one. */
export function mediaOriginsOf(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const secure = u.protocol === 'https:' || u.protocol === 'wss:';
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return [];
  return [`${secure ? 'https' : 'http'}://${u.host}`, `${secure ? 'wss' : 'ws'}://${u.host}`];
}

export function pageCsp(opts: { mapTilesOrigin: string | undefined; mediaOrigins: string[] }): string {
  const media = [...new Set(opts.mediaOrigins)];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...(opts.mapTilesOrigin ? [opts.mapTilesOrigin] : [])]],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...media]],
    ['media-src', ["'self'", 'blob:', ...media]],
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

export function installSecurityHeaders(app: FastifyInstance, opts: SecurityHeaderOptions): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (opts.production) reply.header('strict-transport-security', HSTS);
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      const mediaOrigins = (await opts.mediaNodeUrls()).flatMap(mediaOriginsOf);
      reply.header('content-security-policy', pageCsp({ mapTilesOrigin: opts.mapTilesOrigin, mediaOrigins }));
    } else {
      reply.header('content-security-policy', API_CSP);
    }
    return payload;
  });
}
