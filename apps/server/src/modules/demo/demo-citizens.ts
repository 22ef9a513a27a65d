import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identificationPosts, identityRecords } from '../../db/tables/identity-card.js';

/** The demo "ouro" citizen of the local gov.br (packages/testkit/src/govbr-provider.ts) already holds an identity card. */
export const DEMO_CITIZEN_WITH_CARD = '39053344705';

/**
 * Citizen-services demo data (idempotent): two identification posts and an identity card already
 * issued to the demo "ouro" citizen, so a new request of theirs is a second copy with a fee.
 */
export async function ensureCitizenDemo(db: Db): Promise<void> {
  const [posts] = await db.select({ n: count() }).from(identificationPosts);
  if ((posts?.n ?? 0) > 0) return;
  await db.insert(identificationPosts).values([
    { name: 'Posto Ganha Tempo CPA', municipality: 'Cuiabá', address: 'Av. Historiador Rubens de Mendonça, s/n', dailyCapacity: 40 },
    { name: 'Posto Politec Várzea Grande', municipality: 'Várzea Grande', address: 'Av. Couto Magalhães, s/n', dailyCapacity: 20 },
  ]);
  const [held] = await db.select({ n: count() }).from(identityRecords).where(eq(identityRecords.cpf, DEMO_CITIZEN_WITH_CARD));
  if ((held?.n ?? 0) === 0)
    await db.insert(identityRecords).values({ cpf: DEMO_CITIZEN_WITH_CARD, rgNumber: '1234567-0 SSP/MT', issuedOn: '2015-03-02' });
}
