/**
 * The `err` serializer of the server's logger: logs never carry personal data (issue 12 item 10).
 * A failed Drizzle query's message and stack end with "params: …" — the values of the insert, CPFs
 * and e-mails included — and a PostgreSQL error's `detail` repeats the offending key
 * ("Key (email)=(…) already exists"). Kept: the error's type, code, the SQL text (placeholders
 * only), the database's code, constraint, table, column and routine; a data exception (class 22)
 * echoes the input in its message, so only its code is kept.
 */
type LoggedError = {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
  code?: unknown;
  statusCode?: unknown;
  query?: string;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
  cause?: LoggedError;
};

const MAX_CAUSES = 5;

function stackFrames(stack: unknown): string {
  if (typeof stack !== 'string') return '';
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

function isDatabaseError(e: Record<string, unknown>): boolean {
  return typeof e.severity === 'string' && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code);
}

export function safeError(value: unknown, depth = 0): LoggedError {
  if (!(value instanceof Error)) return { type: typeof value, message: 'non-error value thrown', stack: '' };
  const e = value as Error & Record<string, unknown>;
  const out: LoggedError = { type: e.name || e.constructor?.name || 'Error', message: e.message, stack: '' };
  if (isDatabaseError(e)) {
    out.code = e.code;
    if (String(e.code).startsWith('22')) out.message = `data exception ${String(e.code)}`;
    for (const key of ['constraint', 'table', 'column', 'routine'] as const) if (e[key] !== undefined) out[key] = e[key];
    if (typeof e.query === 'string') out.query = e.query;
    out.stack = stackFrames(e.stack);
  } else if ('params' in e && typeof e.query === 'string') {
    out.message = 'Failed query';
    out.query = e.query;
    out.stack = stackFrames(e.stack);
  } else {
    out.stack = e.stack ?? '';
    if (e.code !== undefined) out.code = e.code;
    if (e.statusCode !== undefined) out.statusCode = e.statusCode;
  }
  if (e.cause !== undefined && depth < MAX_CAUSES) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** The server logger's options: secrets and personal data redacted, errors through `safeError`. */
export function serverLoggerOptions(level: string) {
  return {
    level,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'err.params', '*.params', '*.detail'],
    serializers: { err: safeError },
  };
}
