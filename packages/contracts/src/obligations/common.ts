import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date.js';

/** Shared pieces of the obligations contracts (loans, accountability, inspections, complaints, sanctions). */
export const obligationDateSchema = calendarDateSchema;
export const reasonsSchema = z.string().trim().min(10, { message: 'Fundamente com pelo menos 10 caracteres.' }).max(4000);
export const uuidSchema = z.string().uuid({ message: 'Identificador inválido.' });

/** A generated act (PDF/DOCX) attached to a loan, report, inspection or sanction. */
export const obligationDocumentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  format: z.enum(['pdf', 'docx']),
  code: z.string(),
  issuedAt: z.string(),
  superseded: z.boolean(),
});
export type ObligationDocument = z.infer<typeof obligationDocumentSchema>;
