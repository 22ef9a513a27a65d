import type { ErrorBody } from '@vigia/contracts';
import { ApiError, type FieldProblem } from './api-error';

/** The CSRF token from the last /api/auth/session or login-step response. */
let csrfToken: string | null = null;
let authFailureHandler: ((error: ApiError) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever a request fails because the session expired or is missing. */
export function onAuthFailure(handler: ((error: ApiError) => void) | null): void {
  authFailureHandler = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the platform API. Same-origin cookies carry the session; every non-GET request also sends
 * the CSRF token in `x-csrf-token`. Failures become a typed ApiError with the server's pt-BR message.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return send<T>(path, method, headers, body, options.signal);
}

/**
 * Sends a multipart form (file uploads). The browser sets the multipart boundary; the CSRF token
 * goes in the header as for any other write. Text fields must be appended before the file.
 */
export async function apiUpload<T>(path: string, form: FormData, signal?: AbortSignal): Promise<T> {
  return send<T>(path, 'POST', { accept: 'application/json' }, form, signal);
}

/** Posts raw bytes (e.g. a ZIP to verify) with the given content type; CSRF header as for any write. */
export async function apiPostBytes<T>(path: string, body: Blob, contentType: string, signal?: AbortSignal): Promise<T> {
  return send<T>(path, 'POST', { accept: 'application/json', 'content-type': contentType }, body, signal);
}

async function send<T>(
  path: string,
  method: Method,
  headers: Record<string, string>,
  body: BodyInit | undefined,
  signal: AbortSignal | undefined,
): Promise<T> {
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body, signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', 'Não foi possível falar com o servidor. Verifique sua conexão e tente novamente.');
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const error = await parseError(response);
  if (error.isAuthFailure) authFailureHandler?.(error);
  throw error;
}

async function parseError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isErrorBody(body)) {
    const { code, message, details, requestId } = body.error;
    return new ApiError(response.status, code, message, normaliseDetails(details), requestId);
  }
  if (response.status === 413) {
    return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'O arquivo enviado excede o tamanho máximo permitido.');
  }
  return new ApiError(
    response.status,
    'UNEXPECTED_RESPONSE',
    `O servidor respondeu de forma inesperada (HTTP ${response.status}). Tente novamente mais tarde.`,
  );
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function normaliseDetails(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is FieldProblem => typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string',
  );
}

/**
 * Like apiUpload, but reports the upload's progress (0–1) while the file goes out. fetch() cannot
 * observe upload progress, so this one uses XMLHttpRequest; answers are parsed exactly as send() does.
 */
export function apiUploadWithProgress<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'NETWORK_ERROR', 'Não foi possível falar com o servidor. Verifique sua conexão e tente novamente.'));
    xhr.onload = () => {
      const text = typeof xhr.response === 'string' ? xhr.response : '';
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((text ? JSON.parse(text) : undefined) as T);
        return;
      }
      const response = new Response(text || null, { status: xhr.status, headers: { 'content-type': 'application/json' } });
      void parseError(response).then((error) => {
        if (error.isAuthFailure) authFailureHandler?.(error);
        reject(error);
      });
    };
    xhr.send(form);
  });
}
