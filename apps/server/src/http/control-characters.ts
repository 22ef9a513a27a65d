import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/**
 * Refuses C0 control characters (NUL included) and DEL in every text a request carries: JSON body,
 * query string and path parameters; tab, line feed and carriage return stay allowed. A NUL byte
 * reached PostgreSQL ("invalid byte sequence for encoding UTF8: 0x00"), answered 500 and put the
 * whole insert — CPFs and e-mails — in the error log; other control characters hide text in
 * documents and logs. One hook covers every route, so no schema can forget it. Binary bodies
 * (uploads, ZIPs) arrive as Buffers or streams and are not looked at.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const MAX_DEPTH = 32;

/** Paths (`field.0.sub`) of every string holding a forbidden character, keys included. */
export function controlCharacterPaths(value: unknown, prefix = '', depth = 0): string[] {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? [prefix] : [];
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return [];
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return [];
  const found: string[] = [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, v] of entries) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (FORBIDDEN.test(key)) found.push(path);
    else found.push(...controlCharacterPaths(v, path, depth + 1));
  }
  return found;
}

export function installControlCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...controlCharacterPaths(request.body),
      ...controlCharacterPaths(request.query),
      ...controlCharacterPaths(request.params),
    ];
    if (paths.length === 0) return;
    throw new AppError(
      'VALIDATION_FAILED',
      undefined,
      paths.slice(0, 20).map((path) => ({
        path,
        message: 'O texto contém caracteres de controle não permitidos (como o caractere nulo). Remova-os e tente novamente.',
      })),
    );
  });
}
