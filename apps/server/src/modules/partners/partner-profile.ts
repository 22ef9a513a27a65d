import type { PartnerProfile, PartnerProfileInput } from '@vigia/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { findMunicipality } from '../reference/municipalities.js';
import { refuseIdentityRewrite } from './identity-lock.js';

export type PartnerRow = typeof partners.$inferSelect;

/** The partner a partner_user acts for: taken from the user's grant, never from the request. */
export function ownPartnerId(auth: AuthContext): string {
  const grant = auth.grants.find((g) => g.role === 'partner_user' && g.partnerId);
  if (!grant?.partnerId) throw new AppError('PARTNER_PROFILE_MISSING');
  return grant.partnerId;
}

export async function findPartner(db: Queryable, id: string): Promise<PartnerRow | undefined> {
  const [row] = await db.select().from(partners).where(eq(partners.id, id)).limit(1);
  return row;
}

export function toPartnerProfile(p: PartnerRow): PartnerProfile {
  return {
    id: p.id,
    kind: p.kind as PartnerProfile['kind'],
    name: p.name,
    tradeName: p.tradeName,
    document: p.document,
    email: p.email,
    phone: p.phone,
    address: p.address,
    legalRepresentative: p.legalRepresentative,
    contacts: p.contacts,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function checkMunicipality(ibge: string): void {
  if (!findMunicipality(ibge)) {
    throw new AppError('MUNICIPALITY_UNKNOWN', undefined, [
      { path: 'address.municipalityIbge', message: `O código IBGE ${ibge} não corresponde a um município de Mato Grosso.` },
    ]);
  }
}

async function refuseTakenDocument(db: Queryable, document: string, exceptId?: string): Promise<void> {
  const where = exceptId ? and(eq(partners.document, document), ne(partners.id, exceptId)) : eq(partners.document, document);
  const [taken] = await db.select({ id: partners.id }).from(partners).where(where).limit(1);
  if (taken) throw new AppError('PARTNER_DOCUMENT_TAKEN');
}

export const profileValues = (input: PartnerProfileInput) => ({
  kind: input.kind,
  name: input.name,
  tradeName: input.tradeName ?? null,
  document: input.document,
  email: input.email,
  phone: input.phone,
  municipalityIbge: input.address.municipalityIbge,
  address: input.address,
  legalRepresentative: input.legalRepresentative,
  contacts: input.contacts,
});

export async function getOwnProfile(db: Db, auth: AuthContext): Promise<PartnerProfile> {
  const partner = await findPartner(db, ownPartnerId(auth));
  if (!partner) throw new AppError('PARTNER_PROFILE_MISSING');
  return toPartnerProfile(partner);
}

/** A partner changes only its own data (the id comes from the grant, so no other partner is reachable). */
export async function updateOwnProfile(db: Db, auth: AuthContext, actor: AuditActor, input: PartnerProfileInput): Promise<PartnerProfile> {
  const id = ownPartnerId(auth);
  checkMunicipality(input.address.municipalityIbge);
  const updated = await db.transaction(async (tx) => {
    const current = await findPartner(tx, id);
    if (!current) throw new AppError('PARTNER_PROFILE_MISSING');
    await refuseIdentityRewrite(tx, current, input);
    await refuseTakenDocument(tx, input.document, id);
    const [row] = await tx
      .update(partners)
      .set({ ...profileValues(input), updatedAt: new Date() })
      .where(eq(partners.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'partner.profile_updated',
      targetType: 'partner',
      targetId: id,
      data: {
        changed: Object.keys(profileValues(input)).filter(
          (k) => JSON.stringify(current[k as keyof PartnerRow]) !== JSON.stringify(row![k as keyof PartnerRow]),
        ),
      },
    });
    return row!;
  });
  return toPartnerProfile(updated);
}
