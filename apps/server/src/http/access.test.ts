import { describe, expect, it } from 'vitest';
import { accessForPluginRoute, anyUser, decide, publicAccess, rolesAccess, stageAccess } from './access.js';

describe('route access decision', () => {
  it('lets anyone through a public route', () => {
    expect(decide(publicAccess('landing'), null)).toBe('allow');
  });
  it('asks for a session on protected routes', () => {
    expect(decide(anyUser, null)).toBe('unauthenticated');
    expect(decide(rolesAccess('admin'), null)).toBe('unauthenticated');
  });
  it('treats a session still in MFA as not signed in for normal routes', () => {
    expect(decide(anyUser, { stage: 'mfa_verify', roles: ['admin'] })).toBe('unauthenticated');
    expect(decide(rolesAccess('admin'), { stage: 'mfa_enrol', roles: ['admin'] })).toBe('unauthenticated');
  });
  it('allows the MFA steps only in their stage', () => {
    expect(decide(stageAccess('mfa_enrol'), { stage: 'mfa_enrol', roles: [] })).toBe('allow');
    expect(decide(stageAccess('mfa_enrol'), { stage: 'active', roles: [] })).toBe('forbidden');
  });
  it('forbids a role outside the list and allows one inside', () => {
    expect(decide(rolesAccess('admin', 'auditor'), { stage: 'active', roles: ['partner_user'] })).toBe('forbidden');
    expect(decide(rolesAccess('admin', 'auditor'), { stage: 'active', roles: ['partner_user', 'auditor'] })).toBe('allow');
  });
  it('declares plugin routes by prefix only', () => {
    expect(accessForPluginRoute('/docs/json')?.kind).toBe('public');
    expect(accessForPluginRoute('/api/admin/users')).toBeUndefined();
  });
});
