import { type ErrorBody, type ErrorCode, errorTable } from '@vigia/contracts';

/** An error with a stable code. The HTTP status and the pt-BR message come from the contracts table. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message ?? errorTable[code].message);
    this.status = errorTable[code].status;
  }

  toBody(requestId?: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details ? { details: this.details } : {}),
        ...(requestId ? { requestId } : {}),
      },
    };
  }
}

export const fail = (code: ErrorCode, message?: string, details?: { path: string; message: string }[]): never => {
  throw new AppError(code, message, details);
};
