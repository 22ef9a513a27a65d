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
