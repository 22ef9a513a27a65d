import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';
import type { RenderReply, RenderRequest } from './render-thread.js';

// The render thread yields the CPU to the request thread and the database: on Linux the nice value
// is per thread (setpriority on the calling thread), so this lowers this thread only. Elsewhere it
// would lower the whole process, so it is left alone.
if (process.platform === 'linux') {
  try {
    os.setPriority(10);
  } catch {
    /* not permitted: render at normal priority */
  }
}

/** Worker thread body of renderInThread: renders each act it is sent (pdfmake / docx), one at a time. */
async function render(job: RenderRequest): Promise<RenderReply> {
  try {
    const stamp = { ...job.stamp, issuedAt: new Date(job.stamp.issuedAt) };
    const bytes = job.format === 'pdf' ? await renderPdf(job.content, stamp) : await renderDocx(job.content, stamp);
    return { id: job.id, bytes: new Uint8Array(bytes) };
  } catch (err) {
    return { id: job.id, error: String((err as Error).message ?? err) };
  }
}

parentPort!.on('message', (job: RenderRequest) => {
  void render(job).then((reply) => parentPort!.postMessage(reply, 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : []));
});
