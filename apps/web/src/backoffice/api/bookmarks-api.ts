import type { Bookmark, BookmarkCreate } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

/** Bookmarks (issue 17): from the console's live tiles and the playback timeline. */
export const createBookmark = (body: BookmarkCreate) => apiRequest<Bookmark>('/api/bookmarks', { method: 'POST', body });
export const searchBookmarks = (q: Record<string, string>, signal?: AbortSignal) =>
  apiRequest<{ items: Bookmark[] }>(`/api/bookmarks?${new URLSearchParams(q).toString()}`, signal ? { signal } : {}).then((r) => r.items);
