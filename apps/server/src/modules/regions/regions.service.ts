import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { securityRegionMunicipalities, securityRegions } from '../../db/tables/regions.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import { seedSecurityRegions } from '../reference/security-regions.js';

/**
 * Seeds the 15 security regions (RISP) on first start from public sources. Only the published
 * memberships are written (4 regions) plus each region's own seat; an administrator completes the
 * rest. Never runs again once any region exists, so admin edits are never overwritten.
 */
export async function seedSecurityRegionsIfEmpty(db: Db): Promise<number> {
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(securityRegions);
  if ((count?.n ?? 0) > 0) return 0;
  const seeds = seedSecurityRegions();
  await db.transaction(async (tx) => {
    for (const seed of seeds) {
      const [region] = await tx
        .insert(securityRegions)
        .values({ name: seed.name, seatIbge: seed.seatIbge, publishedOrder: seed.publishedOrder, ordinalConfirmed: seed.ordinalConfirmed })
        .returning({ id: securityRegions.id });
      const members = seed.members.length > 0 ? seed.members : [{ municipalityIbge: seed.seatIbge, source: seed.sources[0] ?? null }];
      for (const m of members) {
        await tx
          .insert(securityRegionMunicipalities)
          .values({ regionId: region!.id, municipalityIbge: m.municipalityIbge, source: m.source ?? null })
          .onConflictDoNothing();
      }
    }
    await recordAudit(tx, systemActor('seed'), {
      action: 'security_region.seeded',
      data: { regions: seeds.length, withKnownMembers: seeds.filter((s) => s.membershipKnown).length },
    });
  });
  return seeds.length;
}
