import type { PartnerProfileInput } from '@vigia/contracts';
import { and, eq, isNotNull, ne, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { applications } from '../../db/tables/accreditation.js';
import type { IdentityValues } from '../../db/tables/partner-identity.js';
import type { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';

type PartnerRow = typeof partners.$inferSelect;

/** The identity fields of a partner: what the committee analyses an application against (Art. 4, Art. 10). */
export const identityOf = (p: Pick<PartnerRow, 'kind' | 'name' | 'document' | 'legalRepresentative'>): IdentityValues => ({
  kind: p.kind,
  name: p.name,
  document: p.document,
  legalRepresentative: p.legalRepresentative ?? null,
});

/** Key-order-independent JSON (jsonb does not keep key order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const sameIdentity = (a: IdentityValues, b: IdentityValues): boolean => canonical(a) === canonical(b);

/**
 * The identity freezes when the partner submits its first application: from then on the committee
 * analyses it (Art. 13–16) against the kind, name, CPF/CNPJ and representative given, and the kind
 * decides what the partner may ask for (Art. 4 II: indirect applications only for municipalities
 * and consortia). A draft never sent to SESP keeps the identity editable.
 */
export async function identityLocked(db: Queryable, partnerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.partnerId, partnerId), or(ne(applications.status, 'draft'), isNotNull(applications.submittedAt))))
    .limit(1);
  return Boolean(row);
}

/** Refuses a profile update that would change a frozen identity (issue 12, item 7). */
export async function refuseIdentityRewrite(db: Queryable, current: PartnerRow, input: PartnerProfileInput): Promise<void> {
  if (sameIdentity(identityOf(current), identityOf(input))) return;
  if (await identityLocked(db, current.id)) throw new AppError('PARTNER_IDENTITY_LOCKED');
}
