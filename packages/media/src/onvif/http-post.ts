/**
 * One HTTP POST to a camera's ONVIF port (node:http, no agent reuse). Connects to the address
 * the caller already checked with its SSRF guard — never to a name — and sends the registered
 * host name only in the Host header. The answer is bounded in size and time.
 */
import http from 'node:http';
import { OnvifError } from './onvif-error';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HttpPostOptions {
  address: string;
  port: number;
  path: string;
  /** Host header (the registered host name); default the address. */
  hostHeader?: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Largest answer accepted (default 512 KiB): a bigger one fails as a bad response. */
  maxBytes?: number;
}

export function httpPost(o: HttpPostOptions): Promise<HttpAnswer> {
  const maxBytes = o.maxBytes ?? 512 * 1024;
  const hostName = o.hostHeader ?? o.address;
  const host = hostName.includes(':') ? `[${hostName}]` : hostName;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: OnvifError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(err);
    };
    const req = http.request(
      {
        host: o.address,
        port: o.port,
        path: o.path,
        method: 'POST',
        agent: false,
        headers: { ...o.headers, Host: `${host}:${o.port}`, 'Content-Length': Buffer.byteLength(o.body), Connection: 'close' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) fail(new OnvifError('ONVIF_BAD_RESPONSE', `answer larger than ${maxBytes} bytes`));
          else chunks.push(c);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', () => fail(new OnvifError('ONVIF_UNREACHABLE', 'connection lost while reading the answer')));
      },
    );
    const timer = setTimeout(() => fail(new OnvifError('ONVIF_TIMEOUT', `no answer within ${o.timeoutMs} ms`)), o.timeoutMs);
    timer.unref();
    req.on('error', (err: NodeJS.ErrnoException) => {
      fail(new OnvifError('ONVIF_UNREACHABLE', `${err.code ?? 'error'} ${o.address}:${o.port}`));
    });
    req.end(o.body);
  });
}
