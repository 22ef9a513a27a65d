import { type GovbrProvider, govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { GOVBR_TEST_CLIENT, govbrEnv, signInWithGovbr } from '@vigia/testkit/govbr-sign-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { mailSweep } from '../src/mail/mail-sweep.js';
import { createTransport } from '../src/mail/mailer.js';
import { authHeaders, makeUser, signIn, testApp, testConfig } from './helpers/app.js';
import { resetClock, setClock } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { decodeMail, startSmtp, waitFor } from './helpers/smtp.js';

/**
 * The identity-card notifications as the citizen receives them: each stage change is committed to
 * the mail outbox, sent by the mail sweep to a real SMTP server (SMTP_URL) and read back decoded.
 */
const citizen = govbrDemoAccounts[1]!;
const POST = { name: 'Posto Ganha Tempo Várzea Grande', municipality: 'Várzea Grande', address: 'Av. Couto Magalhães, 500' };

let t: TestDatabase;
let app: App;
let provider: GovbrProvider;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  setClock('2026-06-01T12:00:00Z');
  provider = await startGovbrProvider({ clients: [{ ...GOVBR_TEST_CLIENT, redirectUris: [GOVBR_TEST_CLIENT.redirectUri] }] });
  smtp = await startSmtp();
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, { ...govbrEnv(provider.issuer), SMTP_URL: smtp.url });
});
afterAll(async () => {
  resetClock();
  await app?.close();
  await provider?.close();
  await smtp?.close();
  await t?.drop();
});

describe('identity-card e-mails over SMTP', () => {
  it('the citizen receives one message per stage naming the stage and the post, never the CPF', async () => {
    const staff = await signIn(app, (await makeUser(t.database, ['politec_staff'])).email);
    const post = await app.inject({
      method: 'POST',
      url: '/api/identification-posts',
      headers: authHeaders(staff),
      payload: { ...POST, dailyCapacity: 20 },
    });
    expect(post.statusCode, post.body).toBe(200);
    const s = await signInWithGovbr(app, citizen.cpf, citizen.password);
    const res = await app.inject({
      method: 'POST',
      url: '/api/citizen/identity-cards',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: {
        birthDate: '1985-09-14',
        motherName: 'Joana Prata',
        documents: ['Certidão de casamento, matrícula 0000000000000000000000000001'],
        postId: post.json().id,
        appointmentDate: '2026-06-08',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { id, protocol } = res.json() as { id: string; protocol: string };

    const { transporter } = createTransport(testConfig(t.dataDir, { SMTP_URL: smtp.url }));
    const sweep = mailSweep({ db: t.database.db, transporter, from: 'Vigia Mais MT <nao-responda@vigiamais.local>' });
    const steps: [string | null, string][] = [
      [null, 'Agendado: compareça ao posto para a coleta biométrica'],
      ['biometrics', 'Biometria coletada'],
      ['production', 'Em produção'],
      ['shipped', 'Enviado ao posto'],
      ['available', 'Disponível no posto'],
      ['delivered', 'Entregue'],
    ];
    for (const [stage, label] of steps) {
      if (stage) {
        const moved = await app.inject({
          method: 'POST',
          url: `/api/identity-cards/${id}/stage`,
          headers: authHeaders(staff),
          payload: stage === 'delivered' ? { stage, rgNumber: '7654321-0' } : { stage },
        });
        expect(moved.statusCode, moved.body).toBe(200);
      }
      const before = smtp.received.length;
      expect(await drainSweep(sweep)).toBe(1);
      const mail = await waitFor(() => smtp.received.length > before && smtp.received[before]);
      expect(mail.to).toEqual([citizen.email]);
      const { subject, text } = decodeMail(mail.raw);
      expect(subject).toBe(`Carteira de identidade — protocolo ${protocol}: ${label}`);
      expect(text).toContain(`está agora em: ${label}.`);
      expect(text).toContain(`${POST.name} — ${POST.municipality} (${POST.address})`);
      const formatted = citizen.cpf.replace(/(\d{3})(\d{3})(\d{3})(\d{2})/, '$1.$2.$3-$4');
      for (const seen of [mail.raw, subject, text]) {
        expect(seen).not.toContain(citizen.cpf);
        expect(seen).not.toContain(formatted);
      }
    }
    expect(smtp.received.filter((m) => m.to.includes(citizen.email))).toHaveLength(steps.length);
  });
});
