import { describe, expect, it } from 'vitest';
import { decideLock, ptzRank } from './ptz-lock.js';

const priority = ['operator:intelligence', 'admin', 'operator', 'regional_operator', 'partner_user'];
const grant = (role: string, unit: string | null = null) => ({
  role,
  unit,
  partnerId: null,
  municipalityIbge: null,
  securityRegionId: null,
});
const who = (roles: string[], grants = roles.map((r) => grant(r))) => ({ roles, grants }) as never;

describe('PTZ priority', () => {
  it('ranks an intelligence operator above admin, admin above a CIOSP operator, above regional and partners', () => {
    expect(ptzRank(who(['operator'], [grant('operator', 'intelligence')]), priority)).toBe(0);
    expect(ptzRank(who(['admin']), priority)).toBe(1);
    expect(ptzRank(who(['operator'], [grant('operator', 'military_police')]), priority)).toBe(2);
    expect(ptzRank(who(['regional_operator']), priority)).toBe(3);
    expect(ptzRank(who(['partner_user']), priority)).toBe(4);
  });

  it('takes the best of several roles, and puts a role outside the list last', () => {
    expect(ptzRank(who(['partner_user', 'admin']), priority)).toBe(1);
    expect(ptzRank(who(['committee_member']), priority)).toBe(priority.length);
  });
});

describe('PTZ lock', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  const idle = 60_000;

  it('a free camera is taken; the holder keeps it', () => {
    expect(decideLock(null, { userId: 'a', rank: 2 }, now, idle)).toBe('take');
    expect(decideLock({ userId: 'a', rank: 2, lastActivityAt: ago(5) }, { userId: 'a', rank: 2 }, now, idle)).toBe('keep');
  });

  it('one operator drives at a time: the same or a lower priority is refused', () => {
    const held = { userId: 'a', rank: 2, lastActivityAt: ago(5) };
    expect(decideLock(held, { userId: 'b', rank: 2 }, now, idle)).toBe('refuse');
    expect(decideLock(held, { userId: 'b', rank: 3 }, now, idle)).toBe('refuse');
  });

  it('a higher priority takes over', () => {
    expect(decideLock({ userId: 'a', rank: 2, lastActivityAt: ago(5) }, { userId: 'b', rank: 0 }, now, idle)).toBe('take_over');
  });

  it('the lock expires after inactivity: anyone takes it, exactly at the limit', () => {
    expect(decideLock({ userId: 'a', rank: 0, lastActivityAt: ago(59) }, { userId: 'b', rank: 4 }, now, idle)).toBe('refuse');
    expect(decideLock({ userId: 'a', rank: 0, lastActivityAt: ago(60) }, { userId: 'b', rank: 4 }, now, idle)).toBe('take');
  });
});
