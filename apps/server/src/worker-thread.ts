import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a module next to the caller (`./x.worker.ts` from source, `.js` when
 * built). From source (tsx, vitest) the thread registers tsx's loader before importing its entry, as
 * a worker does not inherit the parent's hooks.
 */
export function startModuleWorker(workerUrl: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const entry = JSON.stringify(workerUrl.href);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const code = workerUrl.pathname.endsWith('.ts')
    ? `import(${tsx}).then((m) => m.register()).then(() => import(${entry}));`
    : `import(${entry});`;
  return new Worker(code, { ...options, eval: true });
}

/** `./name.worker.ts` from source, `./name.worker.js` when built, relative to `base` (import.meta.url). */
export const workerUrlOf = (name: string, base: string): URL => new URL(`./${name}.worker${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
