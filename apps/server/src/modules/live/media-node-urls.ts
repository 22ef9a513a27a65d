import type { Db } from '../../db/client.js';
import { mediaNodes } from '../../db/tables/live.js';

const CACHE_MS = 30_000;

/**
 * Public URLs browsers may connect to for live and recorded video: the configured fallback node plus
 * every node registered in `media_node`. The page's Content-Security-Policy lists their origins; the
 * list is cached briefly so a page load is not a database query.
 */
export function mediaNodeUrlSource(db: Db, fallbackUrl: string): () => Promise<string[]> {
  let cached: { at: number; urls: string[] } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.urls;
    const rows = await db.selectDistinct({ url: mediaNodes.publicUrl }).from(mediaNodes);
    cached = { at: Date.now(), urls: [fallbackUrl, ...rows.map((r) => r.url)] };
    return cached.urls;
  };
}
