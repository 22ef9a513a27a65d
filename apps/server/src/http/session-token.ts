import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'vm_session';
export const CSRF_COOKIE = 'vm_csrf';
/** The citizen's session (gov.br sign-in), separate from the staff session. */
export const CITIZEN_SESSION_COOKIE = 'vm_citizen';
export const CSRF_HEADER = 'x-csrf-token';

export const newToken = (): string => randomBytes(32).toString('base64url');
/** Only the hash of a session token is stored, so a database read does not yield live sessions. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');
