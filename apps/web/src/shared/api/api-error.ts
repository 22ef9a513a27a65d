import type { ErrorCode } from '@vigia/contracts';

/** One field-level problem reported by the server (`error.details[]`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Codes the client itself produces when the server gave no usable error body. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/** A failed API call, parsed from `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details: readonly FieldProblem[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** The session is gone or never existed: the person must sign in again. */
  get isAuthFailure(): boolean {
    return this.status === 401 && (this.code === 'SESSION_EXPIRED' || this.code === 'UNAUTHENTICATED');
  }

  /** The message of the first detail about `path`, for showing next to a form field. */
  fieldMessage(path: string): string | undefined {
    return this.details.find((d) => d.path === path || d.path.endsWith(`.${path}`))?.message;
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'UNEXPECTED_RESPONSE', 'Ocorreu um erro inesperado. Tente novamente.');
}
