import type { Worker } from 'node:worker_threads';
import { startModuleWorker, workerUrlOf } from '../../worker-thread.js';
import type { ActContent, Stamp } from './act-content.js';
import type { DocumentFormat } from './issue-document.js';

export interface RenderRequest {
  id: number;
  format: DocumentFormat;
  content: ActContent;
  stamp: { code: string; verifyUrl: string; issuedAt: string };
}
export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

const workerUrl = workerUrlOf('render-document', import.meta.url);

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();

function failAll(err: Error) {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function theWorker(): Worker {
  if (worker) return worker;
  const w = startModuleWorker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: 256 } });
  w.on('message', (reply: RenderReply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if ('bytes' in reply) p?.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    else p?.reject(new Error(reply.error));
  });
  w.on('error', (err) => {
    if (worker === w) worker = null;
    failAll(err);
  });
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    failAll(new Error(`document render thread exited (${code})`));
  });
  worker = w;
  return w;
}

/**
 * Renders an act (PDF or DOCX) on the render thread, off the event loop: pdfmake's layout is tens
 * of milliseconds of CPU per page that would otherwise stall every request of the process. One
 * thread, started on first use and kept; while it has nothing to do it never keeps the process alive.
 */
export function renderInThread(format: DocumentFormat, content: ActContent, stamp: Stamp): Promise<Buffer> {
  const w = theWorker();
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    const job: RenderRequest = { id, format, content, stamp: { ...stamp, issuedAt: stamp.issuedAt.toISOString() } };
    w.postMessage(job);
  });
}
