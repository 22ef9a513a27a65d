import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** A file a route hands back as a download. */
export interface FileDownload {
  data: Buffer;
  mediaType: string;
  filename: string;
}

/** Sends a file as an attachment (never rendered inline: no sniffing). */
export const sendFile = (reply: FastifyReply, f: FileDownload) =>
  reply
    .type(f.mediaType)
    .header('content-disposition', `attachment; filename="${encodeURIComponent(f.filename)}"`)
    .header('x-content-type-options', 'nosniff')
    .send(f.data);

/** Streams a ZIP package as an attachment, never cached. */
export const sendZip = (reply: FastifyReply, zip: { filename: string; stream: Readable }) =>
  reply
    .type('application/zip')
    .header('content-disposition', `attachment; filename="${zip.filename}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(zip.stream);
