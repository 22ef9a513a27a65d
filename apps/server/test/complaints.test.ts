import { describe, expect, it } from 'vitest';
import { api, partnerFor, postPublic } from './accreditation.fixtures.js';
import { useTestApp } from './helpers/app.js';
import { world } from './loans.fixtures.js';

const ctx = useTestApp();
const body = {
  anonymous: true,
  about: 'site',
  subject: 'Câmera da praça central',
  municipalityIbge: '5103403',
  description: 'A câmera está virada para dentro de uma residência há semanas.',
};

describe('Art. 28 §2 — citizen complaints on the public portal', () => {
  it('files anonymously, returns a protocol; the public lookup shows only status and the published outcome', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const res = await postPublic(ctx.app, '/api/public/complaints', body);
    expect(res.statusCode).toBe(200);
    const { protocol } = res.json();
    expect(protocol).toMatch(/^DEN-\d{4}-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const look = await ctx.app.inject({ method: 'GET', url: `/api/public/complaints/${protocol}` });
    expect(Object.keys(look.json()).sort()).toEqual(['outcome', 'outcomePublishedOn', 'protocol', 'receivedOn', 'status', 'statusLabel']);
    expect(look.json()).toMatchObject({ status: 'received', outcome: null });
    const id = (await w.committee.get('/api/complaints')).json().complaints.find((c: { protocol: string }) => c.protocol === protocol).id;
    const tri = await w.committee.post(`/api/complaints/${id}/triage`, {
      status: 'investigating',
      termId: w.term.id,
      note: 'Vincular ao termo do parceiro e vistoriar.',
    });
    expect(tri.json()).toMatchObject({ status: 'investigating', termNumber: w.term.number });
    const out = await w.committee.post(`/api/complaints/${id}/outcome`, {
      outcome: 'Vistoria constatou o problema; câmera reposicionada.',
    });
    expect(out.statusCode).toBe(200);
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/public/complaints/${protocol.toLowerCase()}` })).json();
    expect(after).toMatchObject({ status: 'closed', outcome: 'Vistoria constatou o problema; câmera reposicionada.' });
    expect(JSON.stringify(after)).not.toContain(w.partner.name);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/complaints/DEN-0000-AAAAA-AAAAA' })).statusCode).toBe(404);
  });

  it('identified complaints need a name; oversize and honeypot are refused; the form is rate-limited per address', async () => {
    expect((await postPublic(ctx.app, '/api/public/complaints', { ...body, anonymous: false })).statusCode).toBe(400);
    expect((await postPublic(ctx.app, '/api/public/complaints', { ...body, description: 'x'.repeat(4001) })).statusCode).toBe(400);
    expect((await postPublic(ctx.app, '/api/public/complaints', { ...body, description: 'x'.repeat(20_000) })).statusCode).toBe(413);
    expect((await postPublic(ctx.app, '/api/public/complaints', { ...body, website: 'http://spam' })).statusCode).toBe(400);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await postPublic(ctx.app, '/api/public/complaints', body)).statusCode);
    expect(codes.at(-1)).toBe(429);
  });

  it('partners never see complaints', async () => {
    const x = api(ctx.app, (await partnerFor(ctx.app, 'company')).session);
    expect((await x.get('/api/complaints')).statusCode).toBe(403);
  });
});
