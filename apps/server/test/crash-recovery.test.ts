import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReservedDatabase, reserveDatabase } from './helpers/database.js';
import { HttpClient, type ServerProcess, serverDir, startServer } from './helpers/server-process.js';

const ADMIN = { ADMIN_EMAIL: 'admin@teste.local', ADMIN_PASSWORD: 'senha-do-administrador-teste' };

let db: ReservedDatabase;
let server: ServerProcess | undefined;

beforeAll(async () => {
  db = await reserveDatabase();
});
afterAll(async () => {
  await server?.killGroup('SIGKILL');
  await db?.drop();
});

const env = () => ({ ...ADMIN, DATA_DIR: db.dataDir, DATABASE_URL: db.url ?? '', DEMO: '0' });

async function signInAdmin(client: HttpClient, secret?: string): Promise<string> {
  await client.request('GET', '/api/auth/session');
  const login = await client.request('POST', '/api/auth/login', { email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD });
  expect(login.status).toBe(200);
  if (login.json.me.stage === 'mfa_enrol') {
    const enrol = await client.request('POST', '/api/auth/mfa/enrol');
    const s = enrol.json.secret as string;
    const ok = await client.request('POST', '/api/auth/mfa/enrol/confirm', { code: await generate({ secret: s }) });
    expect(ok.json.me.stage).toBe('active');
    return s;
  }
  // The enrolment code's time step is spent; answer with the next step's code (within tolerance).
  const code = await generate({ secret: secret!, epoch: Math.floor(Date.now() / 1000) + 30 });
  const ok = await client.request('POST', '/api/auth/mfa/verify', { code });
  expect(ok.json.me.stage).toBe('active');
  return secret!;
}

describe('crash during a burst of writes', () => {
  it('keeps every committed row and a valid audit chain after kill -9 and restart', async () => {
    // Own process group: SIGKILL must reach the server itself, not only the tsx wrapper.
    server = await startServer(env(), { processGroup: true });
    const client = new HttpClient(server.url);
    const secret = await signInAdmin(client);

    const committed: string[] = [];
    let attempted = 0;
    let killed = false;
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const email = `carga-${w}-${i}@teste.local`;
        attempted++;
        try {
          const res = await client.request('POST', '/api/admin/users', {
            email,
            name: `Carga ${w}-${i}`,
            password: 'senha-de-carga-segura',
            grants: [{ role: 'partner_user' }],
          });
          if (res.status === 200) committed.push(email);
        } catch {
          return; // connection cut by the kill
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    while (committed.length < 15) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    await server.killGroup('SIGKILL');
    await Promise.all(workers);
    expect(attempted).toBeGreaterThan(committed.length - 1);

    server = await startServer(env(), { processGroup: true });
    const after = new HttpClient(server.url);
    await signInAdmin(after, secret);
    const list = await after.request('GET', '/api/admin/users');
    const emails = new Set((list.json.users as { email: string }[]).map((u) => u.email));
    for (const e of committed) expect(emails.has(e), `${e} was acknowledged but is missing`).toBe(true);
    const verify = await after.request('GET', '/api/audit/verify');
    expect(verify.json).toMatchObject({ ok: true, firstBroken: null });
    await server.kill('SIGTERM');
    server = undefined;

    // The offline CLI verifies the same chain (the server is stopped: PGlite has one owner).
    const cli = spawnSync(path.resolve(serverDir, '../../node_modules/.bin/tsx'), ['src/cli.ts', 'audit:verify'], {
      cwd: serverDir,
      env: { ...process.env, ...env(), LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(cli.stdout).toMatch(/audit chain OK: \d+ rows verified/);
    expect(cli.status).toBe(0);
  });
});
