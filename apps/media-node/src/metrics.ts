import client from 'prom-client';
import type { RecordingService } from './recorder/recording-service.js';
import type { SegmentUploader } from './recorder/segment-uploader.js';
import { nodeTotals } from './stats.js';
import type { Upstreams } from './upstreams.js';

interface Sources {
  nodeId: string;
  upstreams: Upstreams;
  viewers: { size: number };
  recording: RecordingService | undefined;
  uploader: SegmentUploader | undefined;
}

/**
 * The node's Prometheus registry (`GET /metrics`): read at scrape time from the same counters as
 * `/stats` — counts only, no camera ids — with the node id as a label on every series, so one
 * dashboard covers a fleet of nodes (docs/deployment.md).
 */
export function createNodeMetrics(s: Sources): client.Registry {
  const registry = new client.Registry();
  registry.setDefaultLabels({ node: s.nodeId });
  client.collectDefaultMetrics({ register: registry, prefix: 'vigia_node_' });
  const gauge = (name: string, help: string, read: () => number) =>
    new client.Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  // Monotonic since the node started: exposed as counters (a restart resets them, as Prometheus expects).
  const counter = (name: string, help: string, read: () => number) =>
    new client.Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  // One walk over the upstreams and recorders per scrape, however many series read it.
  let cached = { at: 0, value: nodeTotals(s.upstreams, s.recording) };
  const totals = () => {
    if (Date.now() - cached.at > 250) cached = { at: Date.now(), value: nodeTotals(s.upstreams, s.recording) };
    return cached.value;
  };
  gauge('vigia_node_upstreams_open', 'Cameras whose RTSP upstream is open on this node', () => s.upstreams.stats.open);
  gauge('vigia_node_viewers', 'Live and NVR-playback viewers connected', () => s.viewers.size);
  gauge('vigia_node_recording_cameras', 'Cameras being recorded', () => totals().recording.cameras);
  gauge('vigia_node_gop_cache_bytes', 'Bytes held in the live GOP caches', () => totals().ingest.gopCacheBytes);
  counter('vigia_node_ingest_received_bytes_total', 'Bytes received from cameras', () => totals().ingest.bytesReceived);
  counter('vigia_node_ingest_rtp_lost_total', 'RTP packets lost (sequence gaps)', () => totals().ingest.rtpLost);
  counter('vigia_node_ingest_reconnects_total', 'Upstream reconnections', () => totals().ingest.reconnects);
  counter('vigia_node_recording_segments_total', 'Recording segments opened', () => totals().recording.segments);
  counter('vigia_node_recording_bytes_total', 'Bytes written to recording segments', () => totals().recording.bytes);
  counter('vigia_node_recording_write_errors_total', 'Recording write errors', () => totals().recording.writeErrors);
  gauge(
    'vigia_node_cameras_held',
    'Cameras this node holds without a viewer (monitored, recorded or not)',
    () => s.recording?.health.size ?? 0,
  );
  counter(
    'vigia_node_recording_fenced_writes_total',
    'Recording writes refused because another node owns the camera (ADR 0013)',
    () => totals().recording.fencedWrites,
  );
  if (s.uploader) {
    const up = s.uploader.stats;
    counter('vigia_node_upload_segments_total', 'Segments uploaded to object storage', () => up.uploaded);
    counter('vigia_node_upload_bytes_total', 'Bytes uploaded to object storage', () => up.uploadedBytes);
    counter('vigia_node_upload_errors_total', 'Failed object-storage uploads', () => up.errors);
    counter('vigia_node_upload_hash_mismatches_total', 'Uploads whose bytes did not hash to the index', () => up.hashMismatches);
    counter(
      'vigia_node_upload_set_aside_total',
      'Segments not uploaded: spool file missing, short or not matching the index',
      () => up.setAside,
    );
    gauge(
      'vigia_node_upload_concurrency',
      'Uploads in flight in the current (or last) batch: grows with the backlog',
      () => up.concurrency,
    );
    counter('vigia_node_upload_probes_down_total', 'Reachability probes that found the object storage down', () => up.probesDown);
  }
  return registry;
}
