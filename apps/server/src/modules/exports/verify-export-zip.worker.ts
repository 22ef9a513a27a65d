import { parentPort, workerData } from 'node:worker_threads';
import { ZipRefusedError } from '../files/safe-zip.js';
import { zipSource } from './export-package.js';
import { verifyPackageSource } from './verify-export-package.js';
import type { VerifyZipJob, VerifyZipOutcome } from './verify-export-zip.js';

/** Worker thread body of verifyExportZip: opens the ZIP with the capped inflater and verifies it. */
const job = workerData as VerifyZipJob;
let outcome: VerifyZipOutcome;
try {
  const src = zipSource(new Uint8Array(job.bytes), job.limits);
  outcome = { result: await verifyPackageSource(src, job.publicKeyPem) };
} catch (err) {
  if (!(err instanceof ZipRefusedError)) throw err;
  outcome = { refused: err.reason, detail: err.message };
}
parentPort!.postMessage(outcome);
