/** Minimal JSON-lines logger (pino-compatible shape) so the node has no logging dependency. */
const levels = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 100 } as const;
export type Level = keyof typeof levels;

export interface Log {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export function createLog(level: string, name = 'media-node'): Log {
  const min = levels[(level as Level) in levels ? (level as Level) : 'info'];
  const write = (lvl: Level) => (obj: object, msg: string) => {
    if (levels[lvl] < min) return;
    const line = JSON.stringify({ level: levels[lvl], time: Date.now(), name, msg, ...serialize(obj) });
    (levels[lvl] >= 40 ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

function serialize(obj: object): object {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = v instanceof Error ? { message: v.message, code: (v as { code?: string }).code } : v;
  return out;
}
