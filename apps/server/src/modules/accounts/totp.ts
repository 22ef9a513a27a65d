import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const ISSUER = 'Vigia Mais MT';

export const newTotpSecret = (): string => generateSecret();

export async function totpEnrolment(secret: string, account: string) {
  const otpauthUrl = generateURI({ issuer: ISSUER, label: account, secret });
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
  return { secret, otpauthUrl, qrCodeDataUrl };
}

/**
 * Verifies a 6-digit code with ±30 s tolerance. `afterTimeStep` is the step of the last code
 * accepted for this account, so a code can never be replayed.
 */
export async function checkTotp(
  secret: string,
  code: string,
  afterTimeStep: number | null,
): Promise<{ ok: true; timeStep: number } | { ok: false }> {
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: 30,
      ...(afterTimeStep !== null ? { afterTimeStep } : {}),
    });
    if (!result.valid) return { ok: false };
    const timeStep = 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : Math.floor(Date.now() / 30_000);
    return { ok: true, timeStep };
  } catch {
    return { ok: false };
  }
}
