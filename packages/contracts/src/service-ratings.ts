import { z } from 'zod';

/**
 * Service ratings (issue 16; gov.br's "avalie este serviço" model): after a portal service is used,
 * the citizen rates it 1–5 with an optional comment, once per use. A public page and its open data
 * show per service the volume, the ratings and the share answered within the legal deadline.
 */

/** The services that can be rated; a new service registers one entry here and one on the server. */
export const ratedServices = [
  {
    id: 'criminal_record_certificate',
    title: 'Certidão de antecedentes criminais',
    legalDeadline: '15 dias (Lei nº 9.051/1995)',
  },
  { id: 'identity_card', title: 'Carteira de identidade (RG / CIN)', legalDeadline: null },
  { id: 'security_fee', title: 'Taxas da segurança pública', legalDeadline: null },
  {
    id: 'accident_certificate',
    title: 'Certidão de acidente de trânsito',
    legalDeadline: '15 dias (Lei nº 9.051/1995)',
  },
  {
    id: 'ombudsman',
    title: 'Ouvidoria',
    legalDeadline: '30 dias, prorrogáveis uma vez por 30 (Lei nº 13.460/2017, art. 16)',
  },
  // No legal deadline for the station's analysis (the 10 days shown are a platform default).
  { id: 'police_report', title: 'Delegacia Virtual (boletim de ocorrência)', legalDeadline: null },
] as const;
export const ratedServiceIds = ratedServices.map((s) => s.id) as [RatedServiceId, ...RatedServiceId[]];
export type RatedServiceId = (typeof ratedServices)[number]['id'];
export const ratedServiceSchema = z.enum(ratedServices.map((s) => s.id) as [RatedServiceId, ...RatedServiceId[]]);
export const ratedServiceTitle = (id: RatedServiceId): string => ratedServices.find((s) => s.id === id)?.title ?? id;

export const serviceRatingBodySchema = z.object({
  service: ratedServiceSchema,
  /** The citizen's own finished request of that service (its id). */
  requestId: z.string().uuid(),
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).nullable().default(null),
});
export type ServiceRatingBody = z.input<typeof serviceRatingBodySchema>;

export const serviceRatingSchema = z.object({
  id: z.string().uuid(),
  service: ratedServiceSchema,
  requestId: z.string().uuid(),
  score: z.number().int(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export type ServiceRating = z.infer<typeof serviceRatingSchema>;

/** A finished use of a service the citizen has not rated yet (the portal prompts for it). */
export const pendingRatingSchema = z.object({
  service: ratedServiceSchema,
  serviceTitle: z.string(),
  requestId: z.string().uuid(),
  protocol: z.string(),
  finishedAt: z.string(),
});
export type PendingRating = z.infer<typeof pendingRatingSchema>;

export const servicePerformanceSchema = z.object({
  service: ratedServiceSchema,
  title: z.string(),
  legalDeadline: z.string().nullable(),
  /** Requests received. */
  requests: z.number().int(),
  /** Requests finished (answered, issued, delivered, paid). */
  finished: z.number().int(),
  /** Share (0–1) answered within the legal deadline, of those answered or overdue; null: no legal deadline or none due yet. */
  withinDeadlineShare: z.number().nullable(),
  ratings: z.number().int(),
  averageScore: z.number().nullable(),
  /** Ratings per score, 1 to 5. */
  distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
});
export type ServicePerformance = z.infer<typeof servicePerformanceSchema>;

export const servicePerformanceReportSchema = z.object({
  generatedAt: z.string(),
  licence: z.string(),
  services: z.array(servicePerformanceSchema),
});
export type ServicePerformanceReport = z.infer<typeof servicePerformanceReportSchema>;
