import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LegalRepresentative, PartnerAddress, PartnerContact } from '@vigia/contracts';

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
