import { parentPort } from 'node:worker_threads';
import { ZipRefusedError } from '../files/safe-zip.js';
import { zipSource } from './export-package.js';
import { verifyPackageSource } from './verify-export-package.js';
import type { VerifyZipJob, VerifyZipOutcome } from './verify-export-zip.js';

/** Worker thread body of verifyExportZip: opens each ZIP it is sent with the capped inflater and verifies it. */
async function verify(job: VerifyZipJob): Promise<VerifyZipOutcome> {
  try {
    const src = zipSource(new Uint8Array(job.bytes), job.limits);
    return { result: await verifyPackageSource(src, job.publicKeyPem) };
  } catch (err) {
    if (!(err instanceof ZipRefusedError)) throw err;
    return { refused: err.reason, detail: err.message };
  }
}

parentPort!.on('message', (job: VerifyZipJob) => {
  void verify(job).then((outcome) => parentPort!.postMessage(outcome));
});
