import type { Worker } from 'node:worker_threads';
import type { ExportVerification } from '@vigia/contracts';
import { AppError } from '../../http/errors.js';
import { startModuleWorker, workerUrlOf } from '../../worker-thread.js';
import type { ZipLimits, ZipRefusalReason } from '../files/safe-zip.js';

export interface VerifyZipJob {
  bytes: ArrayBuffer;
  publicKeyPem: string;
  limits: ZipLimits;
}

export type VerifyZipOutcome = { result: ExportVerification } | { refused: ZipRefusalReason; detail: string };

const workerUrl = workerUrlOf('verify-export-zip', import.meta.url);

/** The body's own memory when it is whole (moved to the worker, no copy), else a copy. */
function ownBuffer(body: Buffer): ArrayBuffer {
  if (body.byteOffset === 0 && body.buffer.byteLength === body.length && body.buffer instanceof ArrayBuffer) return body.buffer;
  const copy = new Uint8Array(body.length);
  copy.set(body);
  return copy.buffer;
}

/** Started workers waiting for the next verification (the route runs at most 2 at a time). */
const idle: Worker[] = [];
const MAX_IDLE = 2;

function startWorker(): Worker {
  const worker = startModuleWorker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: 256 } });
  worker.on('exit', () => {
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
  });
  return worker;
}

/**
 * Runs one verification in an idle worker (or a new one: starting one and loading the verifier costs
 * far more than a verification). A worker that fails or exits is dropped; an idle one never keeps
 * the process alive.
 */
function runWorker(job: VerifyZipJob): Promise<VerifyZipOutcome> {
  const worker = idle.pop() ?? startWorker();
  worker.ref();
  return new Promise<VerifyZipOutcome>((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: VerifyZipOutcome) => {
      done();
      worker.unref();
      if (idle.length < MAX_IDLE) idle.push(worker);
      else void worker.terminate();
      resolve(m);
    };
    const onError = (err: Error) => {
      done();
      void worker.terminate();
      reject(err);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`export verification worker exited (${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job, [job.bytes]);
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
