import type { ApiError } from './api-error';

/** Codes whose error belongs to one field even though the server sends no `details`. */
const fieldOfCode: Partial<Record<string, string>> = {
  PARTNER_DOCUMENT_TAKEN: 'document',
  EMAIL_TAKEN: 'account.email',
};

/**
 * The server's message for exactly `path` (e.g. "address.cep", "points.0.latitude"). Unlike
 * ApiError.fieldMessage it never matches a longer path ("email" does not match "account.email").
 */
export function fieldError(error: ApiError | null, path: string): string | undefined {
  if (!error) return undefined;
  const detail = error.details.find((d) => d.path === path);
  if (detail) return detail.message;
  return fieldOfCode[error.code] === path ? error.message : undefined;
}
