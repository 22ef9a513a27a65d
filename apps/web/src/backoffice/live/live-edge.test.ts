import { describe, expect, it } from 'vitest';
import { firstPaintPosition, liveEdgeAction, RECONNECT_MAX_MS, reconnectDelay, renewDelay, streamStalled } from './live-edge';

describe('live edge', () => {
  it('starts at the newest frame', () => {
    expect(firstPaintPosition([[0, 2]])).toBeCloseTo(1.95);
    expect(
      firstPaintPosition([
        [0, 1],
        [3, 3.02],
      ]),
    ).toBe(3);
    expect(firstPaintPosition([])).toBeUndefined();
  });

  it('keeps the rate near the edge, plays faster on a small drift and jumps on a large one', () => {
    expect(liveEdgeAction(10, 9.9, 1)).toEqual({ kind: 'rate', rate: 1 });
    expect(liveEdgeAction(10, 9.3, 1)).toEqual({ kind: 'rate', rate: 1.15 });
    expect(liveEdgeAction(10, 9.7, 1.15)).toEqual({ kind: 'rate', rate: 1.15 });
    expect(liveEdgeAction(10, 9.9, 1.15)).toEqual({ kind: 'rate', rate: 1 });
    expect(liveEdgeAction(10, 5, 1)).toEqual({ kind: 'jump', to: 9.95 });
    expect(liveEdgeAction(10, 12, 1)).toEqual({ kind: 'jump', to: 9.95 });
  });

  it('renews well before expiry and backs off reconnects', () => {
    expect(renewDelay(60_000, 0)).toBe(36_000);
    expect(renewDelay(6_000, 0)).toBe(1_000);
    expect(renewDelay(1_000, 5_000)).toBe(0);
    expect([0, 1, 2, 10].map((a) => reconnectDelay(a, 0.999_999))).toEqual([500, 1000, 2000, 10_000]);
  });

  it('spreads reconnections (half to all of the backoff) and never waits more than 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((a) => reconnectDelay(a, 0))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    expect(reconnectDelay(3, 0.5)).toBe(3000);
    for (let a = 0; a < 60; a++) expect(reconnectDelay(a)).toBeLessThanOrEqual(RECONNECT_MAX_MS);
  });

  it('gives up a silent socket: 20 s before the first chunk, 8 s once video flowed', () => {
    expect(streamStalled(19_000, false)).toBe(false);
    expect(streamStalled(21_000, false)).toBe(true);
    expect(streamStalled(7_000, true)).toBe(false);
    expect(streamStalled(8_500, true)).toBe(true);
  });
});
