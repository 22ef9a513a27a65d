import { describe, expect, it, vi } from 'vitest';
import type { AccessUnit } from './access-unit';
import { findBox, parseBoxes } from './mp4-boxes';
import { type ChunkKind, type HubSink, StreamHub } from './stream-hub';
import { H264_PPS_1080P, H264_SPS_1080P } from './test-fixtures';

function au(ts: number, keyframe: boolean, size = 100): AccessUnit {
  const data = Buffer.alloc(4 + size, keyframe ? 0x65 : 0x41);
  data.writeUInt32BE(size, 0);
  return { codec: 'h264', timestamp90k: ts, rtpTimestamp: ts, keyframe, nalus: [data.subarray(4)], data, receivedAt: 0, lostPackets: 0 };
}

class FakeSink implements HubSink {
  chunks: { kind: ChunkKind; data: Buffer }[] = [];
  buffered = 0;
  closed: string | undefined;
  send(chunk: Buffer, kind: ChunkKind): void {
    this.chunks.push({ kind, data: chunk });
  }
  bufferedAmount(): number {
    return this.buffered;
  }
  close(reason: string): void {
    this.closed = reason;
  }
  kinds(): string {
    return this.chunks.map((c) => c.kind[0]).join('');
  }
}

function hubWithParams(opts = {}) {
  const hub = new StreamHub(opts);
  hub.setParameterSets('h264', { sps: H264_SPS_1080P, pps: H264_PPS_1080P });
  return hub;
}

describe('StreamHub', () => {
  it('waits for the first keyframe, then fans out one fragment per frame', () => {
    const hub = hubWithParams();
    const a = new FakeSink();
    const b = new FakeSink();
    hub.subscribe(a);
    hub.subscribe(b);
    hub.pushAccessUnit(au(0, false)); // no keyframe yet
    expect(a.chunks).toHaveLength(0);
    hub.pushAccessUnit(au(3000, true));
    hub.pushAccessUnit(au(6000, false));
    expect(a.kinds()).toBe('iff');
    expect(b.kinds()).toBe('iff');
    expect(hub.track?.codecString).toBe('avc1.640028');
    expect(hub.stats.skippedAccessUnits).toBe(1);
    expect(parseBoxes(a.chunks[0]!.data)[0]!.type).toBe('ftyp');
  });

  it('gives a late viewer the init segment and the cached GOP as one burst', () => {
    const hub = hubWithParams();
    hub.pushAccessUnit(au(0, true));
    hub.pushAccessUnit(au(3000, false));
    hub.pushAccessUnit(au(6000, false));
    const late = new FakeSink();
    const sub = hub.subscribe(late);
    expect(late.kinds()).toBe('ib');
    const burst = parseBoxes(late.chunks[1]!.data);
    expect(burst.map((x) => x.type)).toEqual(['moof', 'mdat', 'moof', 'mdat', 'moof', 'mdat']);
    hub.pushAccessUnit(au(9000, false));
    expect(late.kinds()).toBe('ibf');
    expect(sub.stats.fragmentsSent).toBe(4);
    expect(hub.gopFrames).toBe(4);
  });

  it('moves a slow subscriber to the next keyframe without affecting others', () => {
    const hub = hubWithParams({ maxBufferedBytes: 1000 });
    const fast = new FakeSink();
    const slow = new FakeSink();
    hub.subscribe(fast);
    const s = hub.subscribe(slow);
    hub.pushAccessUnit(au(0, true));
    slow.buffered = 5000; // its socket is congested
    hub.pushAccessUnit(au(3000, false));
    hub.pushAccessUnit(au(6000, false));
    slow.buffered = 0; // drained, but must wait for a keyframe
    hub.pushAccessUnit(au(9000, false));
    hub.pushAccessUnit(au(12000, true));
    hub.pushAccessUnit(au(15000, false));
    expect(fast.kinds()).toBe('iffffff');
    expect(slow.kinds()).toBe('ifff'); // first keyframe, then resumed at the next keyframe
    expect(s.stats.lagEvents).toBe(1);
    expect(s.stats.fragmentsDropped).toBe(3);
    const resumed = slow.chunks[2]!.data;
    expect(Number(findBox(parseBoxes(resumed), 'moof/traf/tfdt')!.data.readBigUInt64BE(4))).toBe(12000);
  });

  it('removes a subscriber whose send throws', () => {
    const hub = hubWithParams();
    const bad = new FakeSink();
    bad.send = () => {
      throw new Error('socket gone');
    };
    const good = new FakeSink();
    hub.subscribe(bad);
    hub.subscribe(good);
    hub.pushAccessUnit(au(0, true));
    expect(hub.subscriberCount).toBe(1);
    expect(bad.closed).toMatch(/socket gone/);
    expect(good.kinds()).toBe('if');
  });

  it('reports active/idle for on-demand streaming', () => {
    vi.useFakeTimers();
    try {
      const hub = hubWithParams({ idleGraceMs: 1000 });
      const events: string[] = [];
      hub.on('active', () => events.push('active'));
      hub.on('idle', () => events.push('idle'));
      const s1 = hub.subscribe(new FakeSink());
      const s2 = hub.subscribe(new FakeSink());
      s1.unsubscribe();
      s2.unsubscribe();
      vi.advanceTimersByTime(500);
      const s3 = hub.subscribe(new FakeSink()); // back within the grace period: no idle
      vi.advanceTimersByTime(2000);
      s3.unsubscribe();
      s3.unsubscribe(); // idempotent
      vi.advanceTimersByTime(1000);
      expect(events).toEqual(['active', 'idle']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a new init segment when the parameter sets change, continuing the timeline', () => {
    const hub = hubWithParams();
    const sink = new FakeSink();
    hub.subscribe(sink);
    hub.pushAccessUnit(au(0, true));
    hub.pushAccessUnit(au(3000, false));
    const sps2 = Buffer.from(H264_SPS_1080P);
    sps2[3] = 0x29; // level 4.1
    hub.setParameterSets('h264', { sps: sps2 });
    hub.pushAccessUnit(au(6000, false)); // skipped: waiting for a keyframe with the new init
    hub.pushAccessUnit(au(9000, true));
    expect(sink.kinds()).toBe('iffif');
    expect(hub.track?.codecString).toBe('avc1.640029');
    const last = sink.chunks[4]!.data;
    expect(Number(findBox(parseBoxes(last), 'moof/traf/tfdt')!.data.readBigUInt64BE(4))).toBeGreaterThanOrEqual(6000);
  });

  it('emits raw access units for recorder/health listeners and resumes after a discontinuity', () => {
    const hub = hubWithParams();
    const seen: number[] = [];
    hub.on('accessUnit', (a: AccessUnit) => seen.push(a.timestamp90k));
    const sink = new FakeSink();
    hub.subscribe(sink);
    hub.pushAccessUnit(au(0, true));
    hub.markDiscontinuity();
    hub.pushAccessUnit(au(3000, false)); // skipped until keyframe
    hub.pushAccessUnit(au(0, true)); // new session
    expect(seen).toEqual([0, 3000, 0]);
    expect(sink.kinds()).toBe('iff');
    hub.close();
    expect(sink.closed).toBe('closed');
    expect(() => hub.subscribe(new FakeSink())).toThrow();
  });
});
