import { describe, expect, it } from 'vitest';
import {
  applicationStatusLabels,
  applicationStatusValues,
  applicationTransitions,
  cameraMountingLabels,
  cameraMountingSchema,
  canTransition,
  isTerminalStatus,
} from './application-status.js';

describe('Art. 16 — application decision flow', () => {
  it('goes draft → submitted → in analysis → approved → homologated (Art. 16 §1)', () => {
    const path = ['draft', 'submitted', 'in_analysis', 'approved', 'homologated'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
    expect(isTerminalStatus('homologated')).toBe(true);
  });
  it('§2: a deficiency notice is remedied and analysed again, or ends in rejection', () => {
    expect(canTransition('in_analysis', 'deficiency_notice_issued')).toBe(true);
    expect(canTransition('deficiency_notice_issued', 'remedied')).toBe(true);
    expect(canTransition('remedied', 'in_analysis')).toBe(true);
    expect(canTransition('deficiency_notice_issued', 'rejected')).toBe(true);
    expect(canTransition('deficiency_notice_issued', 'approved')).toBe(false);
  });
  it('§3–4: a rejection is archived and the archive is final (a new application is a new record)', () => {
    expect(canTransition('rejected', 'archived')).toBe(true);
    expect(isTerminalStatus('archived')).toBe(true);
    expect(canTransition('archived', 'draft')).toBe(false);
  });
  it('forbids skipping steps', () => {
    expect(canTransition('draft', 'approved')).toBe(false);
    expect(canTransition('submitted', 'approved')).toBe(false);
    expect(canTransition('approved', 'rejected')).toBe(false);
    expect(canTransition('rejected', 'approved')).toBe(false);
  });
  it('the table is closed over the known statuses and every status has a pt-BR label', () => {
    for (const s of applicationStatusValues) {
      expect(applicationStatusLabels[s]).toBeTruthy();
      for (const t of applicationTransitions[s]) expect(applicationStatusValues).toContain(t);
    }
  });
});

describe('camera point mounting (guide, Anexo 3)', () => {
  it('facade, pole or other, with labels', () => {
    expect(cameraMountingSchema.parse('pole')).toBe('pole');
    expect(cameraMountingLabels.facade).toBe('Fachada');
    expect(cameraMountingSchema.safeParse('roof').error?.issues[0]?.message).toBe('Tipo de fixação inválido.');
  });
});
