import fs from 'node:fs';
import path from 'node:path';

/** Decodes a quoted-printable body (soft line breaks, =XX escapes) as nodemailer writes it. */
const fromQuotedPrintable = (s: string) =>
  s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/**
 * Waits for the platform's mail sweep to write a message to `to` into DATA_DIR/mail (no SMTP in
 * tests) that carries a link to `page`, and returns that link. Polls the directory: the sweep
 * runs every few seconds.
 */
export async function linkMailedTo(dataDir: string, to: string, page: string, timeoutMs = 60_000): Promise<string> {
  const dir = path.join(dataDir, 'mail');
  const pattern = new RegExp(`https?://[^\\s]+/${page}\\?token=[\\w-]+`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
    for (const file of files.sort().reverse()) {
      const raw = fs.readFileSync(path.join(dir, file), 'utf8');
      if (!new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'm').test(raw)) continue;
      const hit = pattern.exec(fromQuotedPrintable(raw));
      if (hit) return hit[0];
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no ${page} link mailed to ${to} within ${timeoutMs} ms`);
}
