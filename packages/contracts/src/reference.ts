import { z } from 'zod';

export const municipalitySummarySchema = z.object({
  ibgeCode: z.string(),
  name: z.string(),
  latitude: z.number(),
  longitude: z.number(),
});
export type MunicipalitySummary = z.infer<typeof municipalitySummarySchema>;

export const municipalityListSchema = z.object({ municipalities: z.array(municipalitySummarySchema) });
