import {
  bookmarkAttachSchema,
  bookmarkCreateSchema,
  bookmarkListSchema,
  bookmarkQuerySchema,
  bookmarkSchema,
  idParamSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/app-deps.js';
import { acting } from '../../http/context.js';
import { bookmarksPolicy as policy } from './bookmarks.policy.js';
import { attachBookmark, createBookmark, searchBookmarks, viewBookmark } from './bookmarks.service.js';

const tags = ['bookmarks'];

/** Bookmarks on live and playback (issue 17): the author's unit sees them; every call is audited. */
export function bookmarksRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const db = database.db;
  return async (app) => {
    app.post('/api/bookmarks', {
      config: { access: policy.create },
      schema: {
        tags,
        summary: 'Bookmark a time range of a camera (title, note, tags)',
        body: bookmarkCreateSchema,
        response: { 201: bookmarkSchema },
      },
      handler: async (request, reply) => reply.code(201).send(await createBookmark(db, acting(request), request.body)),
    });
    app.get('/api/bookmarks', {
      config: { access: policy.search },
      schema: {
        tags,
        summary: 'Search bookmarks by camera, time, text and tag',
        querystring: bookmarkQuerySchema,
        response: { 200: bookmarkListSchema },
      },
      handler: async (request) => ({ items: await searchBookmarks(db, acting(request), request.query) }),
    });
    app.get('/api/bookmarks/:id', {
      config: { access: policy.view },
      schema: {
        tags,
        summary: 'One bookmark (404 outside the unit or the camera scope)',
        params: idParamSchema,
        response: { 200: bookmarkSchema },
      },
      handler: async (request) => viewBookmark(db, acting(request), request.params.id),
    });
    app.put('/api/bookmarks/:id/attachment', {
      config: { access: policy.attach },
      schema: {
        tags,
        summary: 'Attach a bookmark to a footage release request or an evidence lock of the same camera',
        params: idParamSchema,
        body: bookmarkAttachSchema,
        response: { 200: bookmarkSchema },
      },
      handler: async (request) => attachBookmark(db, acting(request), request.params.id, request.body),
    });
  };
}
