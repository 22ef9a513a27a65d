/**
 * RFC 2326 §3.2 request URIs as the publish server reads them: an absolute `rtsp://` or `rtsps://`
 * URL or an absolute path, reduced to its path (no query, no trailing slash); anything with `..`,
 * percent-escapes or over 2 KiB is refused (undefined).
 */

/** The path of an RTSP request URI ("rtsp://h:p/push/x?y" → "/push/x"), or undefined when invalid. */
export function requestPath(uri: string): string | undefined {
  if (uri.length > 2048 || uri.includes('..') || uri.includes('%')) return undefined;
  let p: string;
  if (uri.startsWith('/')) p = uri;
  else {
    try {
      const u = new URL(uri);
      if (u.protocol !== 'rtsp:' && u.protocol !== 'rtsps:') return undefined;
      p = u.pathname;
    } catch {
      return undefined;
    }
  }
  p = p.split('?')[0]!.replace(/\/+$/, '');
  if (p.includes('..') || p.includes('%')) return undefined;
  return p || '/';
}

/** True when two request URIs name the same path. */
export function sameUrl(a: string, b: string): boolean {
  const pa = requestPath(a);
  return pa !== undefined && pa === requestPath(b);
}
