/** Authenticity code "XXXX-XXXX-XXXX-XXXX" while typing (letters upper-cased). */
export function maskAuthenticityCode(value: string): string {
  const raw = value
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 16);
  return raw.match(/.{1,4}/g)?.join('-') ?? '';
}

export const isCompleteCode = (code: string) => /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/.test(code);
