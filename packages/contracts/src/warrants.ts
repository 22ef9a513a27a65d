import { z } from 'zod';
import { cpfSchema } from './brazil.js';
import { calendarDateSchema } from './calendar-date.js';

/**
 * Arrest-warrant lookup (consulta de mandado de prisão, issue 16). Minimal disclosure: a query
 * needs two identifiers — (full name + mother's name + birth date) or (CPF + birth date) — and
 * the answer says only whether there is a pending, valid warrant and, if so, its number, issuing
 * court and date. Browser-safe: the portal and the server share these shapes.
 */

export const warrantStatuses = ['pending', 'served', 'revoked', 'expired'] as const;
export type WarrantStatus = (typeof warrantStatuses)[number];
export const warrantStatusLabels: Record<WarrantStatus, string> = {
  pending: 'Pendente de cumprimento',
  served: 'Cumprido',
  revoked: 'Revogado',
  expired: 'Expirado',
};

/** A calendar date, YYYY-MM-DD, that exists. */
const isoDate = calendarDateSchema;

/** A full person name: at least two words, letters only (accents, apostrophes and hyphens allowed). */
const fullName = (what: string) =>
  z
    .string()
    .trim()
    .max(160)
    .regex(/^[\p{L}'’-]+(\s+[\p{L}'’-]+)+$/u, `Informe o ${what} completo (nome e sobrenome, só letras).`);

/**
 * Public query. Two identifiers at least: CPF + birth date, or full name + mother's name + birth
 * date. Names are matched whole after normalisation (case, accents, spaces), never in part.
 */
export const warrantLookupSchema = z
  .object({
    cpf: z.string().trim().max(20).optional(),
    name: z.string().trim().max(160).optional(),
    motherName: z.string().trim().max(160).optional(),
    birthDate: z.string().trim().max(10).optional(),
    altcha: z.string().max(4000).optional(),
  })
  .strict();
export type WarrantLookupInput = z.input<typeof warrantLookupSchema>;

export const warrantLookupFields = { cpf: cpfSchema, name: fullName('nome'), motherName: fullName('nome da mãe'), birthDate: isoDate };

export const warrantLookupResultSchema = z.object({
  /** True when a pending warrant within its validity matches the identifiers given. */
  pending: z.boolean(),
  /** The matching warrants: number, issuing court and date only. Empty when `pending` is false. */
  warrants: z.array(z.object({ number: z.string(), court: z.string(), issuedOn: z.string() })),
  checkedAt: z.string(),
});
export type WarrantLookupResult = z.infer<typeof warrantLookupResultSchema>;

/** A warrant as civil-police staff register it. */
export const warrantInputSchema = z.object({
  number: z.string().trim().min(5, 'Informe o número do mandado.').max(60),
  court: z.string().trim().min(3, 'Informe o órgão expedidor.').max(160),
  issuedOn: isoDate,
  validUntil: isoDate,
  personName: fullName('nome'),
  motherName: fullName('nome da mãe'),
  birthDate: isoDate,
  cpf: cpfSchema.nullable().default(null),
});
export type WarrantInput = z.input<typeof warrantInputSchema>;

export const warrantStatusChangeSchema = z.object({
  status: z.enum(warrantStatuses),
  validUntil: isoDate.optional(),
  reason: z.string().trim().min(3, 'Informe o motivo.').max(500),
});
export type WarrantStatusChange = z.input<typeof warrantStatusChangeSchema>;

export const warrantSchema = z.object({
  id: z.string(),
  number: z.string(),
  court: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  status: z.enum(warrantStatuses),
  personName: z.string(),
  motherName: z.string(),
  birthDate: z.string(),
  /** Masked (***.456.789-**) in the staff list. */
  cpf: z.string().nullable(),
  illustrative: z.boolean(),
  updatedAt: z.string(),
});
export type Warrant = z.infer<typeof warrantSchema>;

export const warrantListQuerySchema = z.object({
  status: z.enum(warrantStatuses).optional(),
  number: z.string().trim().max(60).optional(),
});

/** "Quem me consultou" for queries by name: the signed-in citizen gives the two other identifiers. */
export const nameLookupsQuerySchema = z.object({ motherName: fullName('nome da mãe'), birthDate: isoDate });
