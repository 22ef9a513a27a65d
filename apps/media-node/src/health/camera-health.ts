import { mediaTables as tables } from '@vigia/contracts/media-tables';
import type { AccessUnit, IngestSource, RtspError, StreamHub } from '@vigia/media';
import { gapCauseOf } from '../recorder/gap-cause.js';
import type { SqlClient } from '../sql.js';

export interface HealthSnapshot {
  cameraId: string;
  connected: boolean;
  receiving: boolean;
  fps: number;
  bitrateKbps: number;
  rtpLost: number;
  lastFrameAt: number | undefined;
  lastKeyframeAt: number | undefined;
  lastError: string | undefined;
}

/** Pure: is the camera down (no frame within the watchdog window)? */
export function isReceiving(lastFrameAt: number | undefined, now: number, watchdogMs: number): boolean {
  return lastFrameAt !== undefined && now - lastFrameAt <= watchdogMs;
}

/**
 * Per-camera health from the shared upstream: frames, bytes, keyframes. The watchdog itself is
 * the RTSP session's data timeout (no RTP for `watchdogMs` → disconnect → reconnect with backoff,
 * always on the same single upstream); this class measures and reports.
 */
export class CameraHealth {
  private frames = 0;
  private bytes = 0;
  private lastFrameAt: number | undefined;
  private lastKeyframeAt: number | undefined;
  private lastSnapshotAt = Date.now();
  private lastError: RtspError | undefined;
  private readonly detach: () => void;

  constructor(
    readonly cameraId: string,
    hub: StreamHub,
    private readonly client: IngestSource,
    /** Monitored (recorded) cameras get outage rows; live-only ones only health rows. */
    readonly monitored: boolean,
  ) {
    const onAu = (au: AccessUnit) => {
      this.frames++;
      this.bytes += au.data.length;
      this.lastFrameAt = au.receivedAt;
      if (au.keyframe) this.lastKeyframeAt = au.receivedAt;
    };
    const onDisc = (e: RtspError) => {
      this.lastError = e;
    };
    hub.on('accessUnit', onAu);
    client.on('disconnect', onDisc);
    this.detach = () => {
      hub.off('accessUnit', onAu);
      client.off('disconnect', onDisc);
    };
  }

  close(): void {
    this.detach();
  }

  snapshot(now: number, watchdogMs: number): HealthSnapshot & { cause: string } {
    const dt = Math.max(1, now - this.lastSnapshotAt) / 1000;
    const snap = {
      cameraId: this.cameraId,
      connected: this.client.state === 'playing',
      receiving: isReceiving(this.lastFrameAt, now, watchdogMs),
      fps: Math.round((this.frames / dt) * 10) / 10,
      bitrateKbps: Math.round((this.bytes * 8) / dt / 1000),
      rtpLost: this.client.stats.rtpLost,
      lastFrameAt: this.lastFrameAt,
      lastKeyframeAt: this.lastKeyframeAt,
      lastError: this.lastError ? `${this.lastError.code}: ${this.lastError.message}` : undefined,
      cause: this.lastFrameAt !== undefined && this.client.state === 'playing' ? 'stream_stalled' : gapCauseOf(this.lastError?.code),
    };
    this.frames = 0;
    this.bytes = 0;
    this.lastSnapshotAt = now;
    return snap;
  }
}

/** Writes health rows and outage intervals (camera_health, camera_outage, camera_monitoring, camera.first_video_at). */
export class HealthStore {
  constructor(
    private readonly sql: SqlClient,
    private readonly nodeId: string,
  ) {}

  async startMonitoring(cameraId: string): Promise<void> {
    await this.sql.query(
      `INSERT INTO ${tables.cameraMonitoring} (camera_id, monitored_since) VALUES ($1::uuid, now()) ON CONFLICT (camera_id) DO NOTHING`,
      [cameraId],
    );
  }

  /** One statement per camera: upsert health; open or close the outage; first video. */
  async report(s: HealthSnapshot & { cause: string }, monitored: boolean, since: number): Promise<void> {
    const ts = (n: number | undefined) => (n === undefined ? null : String(n));
    await this.sql.query(
      `WITH h AS (
         INSERT INTO ${tables.cameraHealth} (camera_id, node_id, connected, receiving, fps, bitrate_kbps, rtp_lost, last_frame_at, last_keyframe_at, last_error, updated_at)
         VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, to_timestamp($8::float8 / 1000), to_timestamp($9::float8 / 1000), $10, now())
         ON CONFLICT (camera_id) DO UPDATE SET node_id = excluded.node_id, connected = excluded.connected, receiving = excluded.receiving,
           fps = excluded.fps, bitrate_kbps = excluded.bitrate_kbps, rtp_lost = excluded.rtp_lost, last_frame_at = excluded.last_frame_at,
           last_keyframe_at = excluded.last_keyframe_at, last_error = excluded.last_error, updated_at = now()
         RETURNING camera_id
       ), fv AS (
         UPDATE ${tables.camera} SET first_video_at = to_timestamp($8::float8 / 1000) WHERE id = $1::uuid AND first_video_at IS NULL AND $8::float8 IS NOT NULL RETURNING id
       ), closed AS (
         UPDATE ${tables.cameraOutage} SET ended_at = greatest(started_at, to_timestamp($8::float8 / 1000))
         WHERE camera_id = $1::uuid AND ended_at IS NULL AND $4 AND $11 RETURNING id
       )
       INSERT INTO ${tables.cameraOutage} (camera_id, started_at, source, cause)
       SELECT $1::uuid, to_timestamp(coalesce($8::float8, $12::float8) / 1000), 'health', $13
       WHERE $11 AND NOT $4 AND NOT EXISTS (SELECT 1 FROM ${tables.cameraOutage} WHERE camera_id = $1::uuid AND ended_at IS NULL)`,
      [
        s.cameraId,
        this.nodeId,
        s.connected,
        s.receiving,
        s.fps,
        s.bitrateKbps,
        s.rtpLost,
        ts(s.lastFrameAt),
        ts(s.lastKeyframeAt),
        s.lastError ?? null,
        monitored,
        String(since),
        s.cause,
      ],
    );
  }
}
