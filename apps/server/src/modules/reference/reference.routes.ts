import fs from 'node:fs';
import { municipalityListSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { definePolicy, publicAccess } from '../../http/access.js';
import { listMunicipalities } from './municipalities.js';

export const referencePolicy = definePolicy({
  municipalities: publicAccess('public IBGE reference data for forms and maps'),
  stateOutline: publicAccess('public outline of Mato Grosso (IBGE-derived, CC0) for maps'),
});

const outlineFile = new URL('./datasets/mt_estado_limite.geojson', import.meta.url);

/** Public reference data (municipalities of Mato Grosso, state outline) for forms and maps. */
export function referenceRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/public/reference/municipalities', {
      config: { access: referencePolicy.municipalities },
      schema: {
        tags: ['reference'],
        summary: 'The 142 municipalities of Mato Grosso (IBGE code, name, seat coordinates)',
        response: { 200: municipalityListSchema },
      },
      handler: async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=86400');
        return {
          municipalities: listMunicipalities().map((m) => ({
            ibgeCode: m.ibgeCode,
            name: m.name,
            latitude: m.latitude,
            longitude: m.longitude,
          })),
        };
      },
    });

    app.get('/api/public/reference/state-outline', {
      config: { access: referencePolicy.stateOutline },
      schema: { tags: ['reference'], summary: 'Outline of Mato Grosso as a GeoJSON FeatureCollection (one Polygon feature)' },
      handler: async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=86400').type('application/geo+json');
        return fs.createReadStream(outlineFile);
      },
    });
  };
}
