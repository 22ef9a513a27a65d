import type { RecordingService } from './recorder/recording-service.js';
import type { Upstreams } from './upstreams.js';

/** Sums over every open upstream and recorder (counts only: no camera ids) — /stats, the benchmarks. */
export function nodeTotals(upstreams: Upstreams, recording: RecordingService | undefined) {
  const ingest = {
    bytesReceived: 0,
    rtpPackets: 0,
    rtpLost: 0,
    rtpGaps: 0,
    accessUnits: 0,
    reconnects: 0,
    droppedNalUnits: 0,
    gopCacheBytes: 0,
  };
  for (const id of upstreams.cameraIds) {
    const up = upstreams.get(id);
    if (!up) continue;
    const s = up.client.stats;
    ingest.bytesReceived += s.bytesReceived;
    ingest.rtpPackets += s.rtpPackets;
    ingest.rtpLost += s.rtpLost;
    ingest.rtpGaps += s.rtpGaps;
    ingest.accessUnits += s.accessUnits;
    ingest.reconnects += s.reconnects;
    ingest.droppedNalUnits += s.droppedNalUnits;
    ingest.gopCacheBytes += up.hub.gopBytes;
  }
  const rec = { cameras: 0, segments: 0, bytes: 0, frames: 0, writeErrors: 0, fencedWrites: recording?.fencedWrites ?? 0 };
  for (const r of recording?.recorders.values() ?? []) {
    rec.cameras++;
    rec.segments += r.stats.segments;
    rec.bytes += r.stats.bytes;
    rec.frames += r.stats.frames;
    rec.writeErrors += r.stats.writeErrors;
  }
  return { ingest, recording: rec };
}
