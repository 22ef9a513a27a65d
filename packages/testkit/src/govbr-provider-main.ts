import { govbrDemoAccounts, startGovbrProvider } from './govbr-provider.js';

/**
 * The local gov.br for the demo (`DEMO=1 bash scripts/start.sh` starts it): listens on
 * GOVBR_DEV_PORT (default 3900) with the demo citizens of each reliability level and one client,
 * GOVBR_CLIENT_ID / GOVBR_CLIENT_SECRET, redirecting to GOVBR_REDIRECT_URI.
 */
const port = Number(process.env.GOVBR_DEV_PORT ?? 3900);
const redirectUri = process.env.GOVBR_REDIRECT_URI ?? 'http://127.0.0.1:3000/api/citizen/auth/callback';
const provider = await startGovbrProvider({
  port,
  clients: [
    {
      clientId: process.env.GOVBR_CLIENT_ID ?? 'vigia-mais-mt-demo',
      clientSecret: process.env.GOVBR_CLIENT_SECRET ?? 'segredo-do-cliente-demo-govbr',
      redirectUris: [redirectUri],
    },
  ],
});
console.log(`gov.br local (demo) em ${provider.issuer}; cidadãos de demonstração:`);
for (const a of govbrDemoAccounts) console.log(`  ${a.level.padEnd(6)} CPF ${a.cpf} senha ${a.password} (${a.name})`);
const stop = () => void provider.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
