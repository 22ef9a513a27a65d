import { Worker } from 'node:worker_threads';
import type { ExportVerification } from '@vigia/contracts';
import { AppError } from '../../http/errors.js';
import type { ZipLimits, ZipRefusalReason } from '../files/safe-zip.js';

export interface VerifyZipJob {
  bytes: ArrayBuffer;
  publicKeyPem: string;
  limits: ZipLimits;
}

export type VerifyZipOutcome = { result: ExportVerification } | { refused: ZipRefusalReason; detail: string };

const workerUrl = new URL(`./verify-export-zip.worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * The worker's entry is TypeScript when the server runs from source (tsx, vitest): the thread
 * registers tsx's loader before importing it, as a worker does not inherit the parent's hooks.
 */
function bootstrap(): string {
  const entry = JSON.stringify(workerUrl.href);
  if (!workerUrl.pathname.endsWith('.ts')) return `import(${entry});`;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then((m) => m.register()).then(() => import(${entry}));`;
}

/** The body's own memory when it is whole (moved to the worker, no copy), else a copy. */
function ownBuffer(body: Buffer): ArrayBuffer {
  if (body.byteOffset === 0 && body.buffer.byteLength === body.length && body.buffer instanceof ArrayBuffer) return body.buffer;
  const copy = new Uint8Array(body.length);
  copy.set(body);
  return copy.buffer;
}

function runWorker(job: VerifyZipJob): Promise<VerifyZipOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(), {
      eval: true,
      workerData: job,
      transferList: [job.bytes],
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    worker.once('message', (m: VerifyZipOutcome) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`export verification worker exited (${code})`)));
  });
}

/**
 * Verifies a package ZIP sent to the public endpoint off the event loop: a worker thread inflates
 * it through the capped reader (files/safe-zip.ts), so a ZIP bomb is refused with
 * ZIP_TOO_LARGE_INFLATED and the API keeps answering meanwhile. A corrupt or forged archive is a
 * failed verification, as before. `body` is moved to the worker: do not use it afterwards.
 */
export async function verifyExportZip(body: Buffer, publicKeyPem: string, limits: ZipLimits): Promise<ExportVerification> {
  const outcome = await runWorker({ bytes: ownBuffer(body), publicKeyPem, limits });
  if ('result' in outcome) return outcome.result;
  if (outcome.refused === 'too_large') {
    throw new AppError(
      'ZIP_TOO_LARGE_INFLATED',
      'O pacote enviado se expande além do limite permitido para verificação (possível “bomba ZIP”) e foi recusado.',
    );
  }
  return { ok: false, problems: [{ file: 'pacote.zip', problem: 'manifest_invalid' }], manifest: null };
}
