import type { SessionResponse } from '@vigia/contracts';

/** The steps of signing in: password, then TOTP enrolment or verification, then the back office. */
export type LoginStep = 'loading' | 'password' | 'mfa_enrol' | 'mfa_verify' | 'done';

/** Which step a session response leads to. */
export function nextStep(session: SessionResponse): LoginStep {
  const stage = session.me?.stage;
  if (stage === 'active' && session.authenticated) return 'done';
  if (stage === 'mfa_enrol' || stage === 'mfa_verify') return stage;
  return 'password';
}

export const backofficeUrl = '/app/';

export const codePattern = /^\d{6}$/;
export const codeFormatMessage = 'O código deve ter 6 dígitos.';
