import { z } from 'zod';

/**
 * Bookmarks (issue 17): a marked moment of a camera with a title, a note and tags, visible to the
 * author's operator unit; searchable by camera, time, text and tag; attachable to a footage release
 * request or an evidence lock.
 */
const noControl = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\s,]+$/, { message: 'Etiqueta sem espaços nem vírgulas.' });

export const bookmarkCreateSchema = z
  .object({
    cameraId: z.string().uuid({ message: 'Identificador inválido.' }),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    title: z.string().trim().min(1, { message: 'Informe um título.' }).max(120).regex(noControl),
    note: z.string().max(2000).regex(noControl).default(''),
    tags: z.array(tagSchema).max(10).default([]),
  })
  .refine((b) => Date.parse(b.to) >= Date.parse(b.from), { message: 'O fim deve ser depois do início.', path: ['to'] })
  .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= 24 * 3600_000, { message: 'No máximo 24 horas.', path: ['to'] });
export type BookmarkCreate = z.input<typeof bookmarkCreateSchema>;

export const bookmarkAttachSchema = z
  .object({
    releaseRequestId: z.string().uuid().nullable().optional(),
    evidenceLockId: z.string().uuid().nullable().optional(),
  })
  .refine((b) => b.releaseRequestId !== undefined || b.evidenceLockId !== undefined, { message: 'Informe o que vincular.' });
export type BookmarkAttach = z.infer<typeof bookmarkAttachSchema>;

export const bookmarkQuerySchema = z.object({
  cameraId: z.string().uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().max(100).optional(),
  tag: z.string().trim().max(40).optional(),
});
export type BookmarkQuery = z.infer<typeof bookmarkQuerySchema>;

export const bookmarkSchema = z.object({
  id: z.string(),
  cameraId: z.string(),
  cameraName: z.string(),
  from: z.string(),
  to: z.string(),
  title: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  createdBy: z.string(),
  unit: z.string().nullable(),
  releaseRequestId: z.string().nullable(),
  evidenceLockId: z.string().nullable(),
  createdAt: z.string(),
});
export type Bookmark = z.infer<typeof bookmarkSchema>;
export const bookmarkListSchema = z.object({ items: z.array(bookmarkSchema) });
