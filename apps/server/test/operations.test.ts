import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';

const ctx = useTestApp();

describe('operations endpoints', () => {
  it('reports health with a database round trip', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: ctx.t.url ? 'postgres' : 'pglite' });
  });

  it('exposes Prometheus metrics including HTTP latency by route', async () => {
    await ctx.app.inject({ method: 'GET', url: '/healthz' });
    const res = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('vigia_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/route="\/healthz"/);
  });

  it('lists every registered API route in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p}`);
    }
    const apiRoutes = ctx.app.routeRegistry.filter((r) => !r.url.startsWith('/docs') && !r.url.startsWith('/assets'));
    expect(apiRoutes.length).toBeGreaterThan(5);
    for (const r of apiRoutes) expect(documented, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
  });

  it('answers unknown API paths with the stable JSON error', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/nao-existe' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Recurso não encontrado.' });
  });
});

describe('public reference data', () => {
  it('lists the 142 municipalities of Mato Grosso', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/reference/municipalities' });
    const list = res.json().municipalities as { ibgeCode: string; name: string }[];
    expect(list).toHaveLength(142);
    expect(list.find((m) => m.ibgeCode === '5103403')?.name).toBe('Cuiabá');
  });

  it('serves the state outline as GeoJSON', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/reference/state-outline' });
    expect(res.headers['content-type']).toContain('geo+json');
    expect(res.json().features[0].geometry.type).toBe('Polygon');
  });
});
