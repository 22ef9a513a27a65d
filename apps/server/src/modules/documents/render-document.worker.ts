import { parentPort } from 'node:worker_threads';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';
import type { RenderReply, RenderRequest } from './render-thread.js';

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
