import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/**
 * Serves the built web app: the public portal (`index.html`) and the back office (`app.html`,
 * under /app/) are separate bundles. Unknown /api paths answer a JSON 404.
 *
 * Caching: only /assets/ holds content-hashed files (Vite names them after their hash), so only they
 * are `immutable` for a year. Pages are `no-cache` (revalidated on every visit, so a deployment is
 * seen at once). A missing asset is a 404, never the HTML page (a browser would cache the page as a
 * script, and a typo would look like success).
 */
export async function installWeb(app: FastifyInstance, webDist: string): Promise<void> {
  const hasBuild = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: path.join(webDist, 'assets'),
      prefix: '/assets/',
      decorateReply: true,
      maxAge: '1y',
      immutable: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' || url.startsWith('/api/') || url.startsWith('/assets/') || !hasBuild) {
      return reply.code(404).send(new AppError('NOT_FOUND').toBody(request.id));
    }
    const page = url === '/app' || url.startsWith('/app/') ? 'app.html' : 'index.html';
    // sendFile takes the plugin's maxAge/immutable unless told otherwise: the page is no-cache.
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .sendFile(page, webDist, { cacheControl: false, lastModified: true, etag: true });
  });
}
