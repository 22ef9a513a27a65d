import type { LegalRepresentative, PartnerAddress, PartnerContact } from '@vigia/contracts';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A partner (ente proponente): the organisation or person that joins the program. Applicant
 * kinds follow Decree 1.522/2022 Art. 3 and Art. 10. `document` is the canonical CPF (individuals)
 * or CNPJ (everyone else), unique. Profile columns are nullable for partners created before
 * sign-up existed (demo seed).
 */
export const partners = pgTable(
  'partner',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    document: text('document').notNull(),
    municipalityIbge: text('municipality_ibge').notNull(),
    tradeName: text('trade_name'),
    email: text('email'),
    phone: text('phone'),
    address: jsonb('address').$type<PartnerAddress>(),
    legalRepresentative: jsonb('legal_representative').$type<LegalRepresentative>(),
    contacts: jsonb('contacts').$type<PartnerContact[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_municipality_idx').on(t.municipalityIbge), uniqueIndex('partner_document_key').on(t.document)],
);

/**
 * Art. 15: a partner authorises an integrator company's user (role `integrator`) to prepare its
 * applications and camera data, for a limited time. Revoked rows are kept (audit trail); a row is
 * active while `revoked_at` is null and now() is in [valid_from, valid_until).
 */
export const integratorAuthorisations = pgTable(
  'integrator_authorisation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    integratorUserId: uuid('integrator_user_id').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    grantedBy: uuid('granted_by').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('integrator_authorisation_user_idx').on(t.integratorUserId, t.partnerId),
    index('integrator_authorisation_partner_idx').on(t.partnerId),
  ],
);
