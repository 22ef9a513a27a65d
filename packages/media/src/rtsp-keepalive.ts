/**
 * Keeping a playing session alive. RFC 2326 §12.37: the server drops a session after its timeout
 * (60 s unless the Session header says otherwise), so the client sends a request within it —
 * GET_PARAMETER (§10.8) when the server lists it in Public (§12.30), else OPTIONS (§10.1). Over
 * UDP the camera also expects RTCP receiver reports (RFC 3550 §6.4.2) to know we still listen.
 */
import { buildReceiverReport } from './rtcp';
import type { SequenceTracker } from './rtp';

/** Interval of keep-alive requests: the configured one, else half the session timeout (at least 1 s). */
export function keepAliveIntervalMs(configuredMs: number | undefined, sessionTimeoutSec: number | undefined): number {
  return configuredMs ?? Math.max(1000, ((sessionTimeoutSec ?? 60) * 1000) / 2);
}

/** The keep-alive method the server supports. */
export function keepAliveMethod(publicMethods: ReadonlySet<string>): 'GET_PARAMETER' | 'OPTIONS' {
  return publicMethods.has('GET_PARAMETER') ? 'GET_PARAMETER' : 'OPTIONS';
}

/** Loss since the previous report of a track (RFC 3550 §6.4.1 fraction lost). */
export interface ReportState {
  expected: number;
  lost: number;
}

/**
 * One receiver report for a track: fraction lost over the interval since `last` (updated in
 * place), cumulative loss, highest sequence and the LSR/DLSR pair from the last sender report.
 */
export function receiverReport(
  rtcpSsrc: number,
  cname: string,
  sourceSsrc: number,
  seq: SequenceTracker,
  last: ReportState,
  sr: { ntp: number; at: number } | undefined,
  now: number,
): Buffer {
  const expected = seq.received + seq.lost;
  const expectedInterval = expected - last.expected;
  const lostInterval = seq.lost - last.lost;
  last.expected = expected;
  last.lost = seq.lost;
  return buildReceiverReport(rtcpSsrc, cname, {
    sourceSsrc,
    fractionLost: expectedInterval > 0 ? Math.max(0, lostInterval) / expectedInterval : 0,
    cumulativeLost: seq.lost,
    highestSequence: seq.extendedHighest,
    lastSr: sr?.ntp ?? 0,
    delaySinceLastSr: sr ? Math.round(((now - sr.at) * 65536) / 1000) : 0,
  });
}
