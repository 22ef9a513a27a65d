import type { BlockList } from 'node:net';
import { expandNvrTemplate } from '@vigia/contracts';
import { mediaTables as tables } from '@vigia/contracts/media-tables';
import { connectClientToHub, RtspClient, StreamHub } from '@vigia/media';
import { openSecret } from '@vigia/secrets';
import { ViewerRefused, type ViewerSource } from './live-socket.js';
import type { Log } from './log.js';
import { cameraAddress } from './outbound.js';
import { type MasterKey, openCameraCredentials, type SealedSecret } from './secrets.js';
import type { SqlClient } from './sql.js';

/**
 * Playback from a partner's own recorder (Art. 25 §2, docs/recording.md "Partner NVR"). The API
 * authorises it exactly like platform playback (scope, reason, `playback.started` with source
 * `partner_nvr`, a `playback` token naming this node and the playback id); this socket source then
 * opens the NVR's playback RTSP URL (the camera's template expanded for the playback's range, same
 * RTSP client and SSRF guard as cameras, no reconnect) on its own connection — not the camera's
 * shared upstream — and streams it with the live socket protocol. When the socket closes, the NVR
 * ends the range or the range's time is up, the playback row is ended; the API's playback-ended
 * sweep writes `playback.ended`.
 */
interface PlaybackRow {
  id: string;
  from_ms: string | number;
  to_ms: string | number | null;
  url_template: string | null;
  channel: number | null;
  nvr_credentials: SealedSecret | string | null;
}

const parse = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export interface NvrPlayback {
  source: ViewerSource;
  /** Keeps the open playbacks alive (heartbeat). */
  touch(): Promise<void>;
}

export function nvrPlayback(d: {
  sql: SqlClient;
  nodeId: string;
  keys: readonly MasterKey[];
  log: Log;
  idleGraceMs: number;
  dataTimeoutMs: number;
  outbound: { enforce: boolean; allowed?: BlockList };
  /** Longest a playback streams after its range's length (the NVR should end it before). */
  slackMs?: number;
}): NvrPlayback {
  const open = new Set<string>();
  const end = (id: string, reason: string) =>
    d.sql.query(
      `UPDATE ${tables.playbackSession} SET ended_at = now(), seen_at = now(), end_reason = $2 WHERE id = $1::uuid AND ended_at IS NULL`,
      [id, reason.slice(0, 60)],
    );
  const source: ViewerSource = {
    action: 'playback',
    async open(camera, claims) {
      const rows = await d.sql.query<PlaybackRow>(
        `SELECT s.id::text AS id, (extract(epoch FROM s.from_at) * 1000)::bigint AS from_ms, (extract(epoch FROM s.to_at) * 1000)::bigint AS to_ms,
                n.url_template, n.channel, n.credentials AS nvr_credentials
           FROM ${tables.playbackSession} s LEFT JOIN ${tables.cameraNvr} n ON n.camera_id = s.camera_id
          WHERE s.id = $1::uuid AND s.camera_id = $2::uuid AND s.user_id = $3::uuid AND s.source = 'partner_nvr' AND s.node_id = $4 AND s.ended_at IS NULL`,
        [claims.pb ?? '00000000-0000-0000-0000-000000000000', camera.id, claims.sub, d.nodeId],
      );
      const row = rows[0];
      if (!row) throw new ViewerRefused('playback ended or not for this node');
      if (!row.url_template) throw new ViewerRefused('camera has no partner NVR');
      const start = new Date(Number(row.from_ms));
      const stop = new Date(row.to_ms === null ? start.getTime() + 600_000 : Number(row.to_ms));
      const url = new URL(
        expandNvrTemplate(row.url_template, { host: camera.host, port: camera.rtspPort, channel: row.channel ?? 1, start, end: stop }),
      );
      // Connect to the checked address, never the name again (no DNS rebinding).
      const address = await cameraAddress(url.hostname.replace(/^\[|\]$/g, ''), d.outbound);
      url.hostname = address.includes(':') ? `[${address}]` : address;
      const sealed = parse<SealedSecret>(row.nvr_credentials);
      const creds = sealed
        ? (JSON.parse(openSecret(d.keys, `${camera.id}:nvr`, sealed)) as { username: string; password: string })
        : openCameraCredentials(d.keys, camera.id, camera.credentials);
      const client = new RtspClient({
        url: url.href,
        ...(creds ? { username: creds.username, password: creds.password } : {}),
        reconnect: false,
        dataTimeoutMs: d.dataTimeoutMs,
      });
      const hub = new StreamHub({ idleGraceMs: d.idleGraceMs });
      connectClientToHub(client, hub);
      // Why the stream stopped on our side (the socket then closes with a generic code).
      let stopped: string | undefined;
      const finish = (why: string) => {
        stopped ??= why;
        hub.close(why);
      };
      client.on('disconnect', (err) => {
        d.log.info({ camera: camera.id, playback: row.id, reason: err.message }, 'partner NVR playback ended');
        finish('nvr_ended');
      });
      const timer = setTimeout(() => finish('range_ended'), stop.getTime() - start.getTime() + (d.slackMs ?? 30_000));
      timer.unref();
      client.start();
      open.add(row.id);
      d.log.info({ camera: camera.id, playback: row.id, user: claims.sub }, 'partner NVR playback started');
      let closed = false;
      return {
        hub,
        viewId: Promise.resolve(row.id),
        close: (reason) => {
          if (closed) return;
          closed = true;
          clearTimeout(timer);
          open.delete(row.id);
          hub.close(reason);
          client.stop().catch(() => undefined);
          end(row.id, stopped ?? reason).catch((err) => d.log.warn({ err, playback: row.id }, 'could not end playback'));
        },
      };
    },
  };
  return {
    source,
    async touch() {
      if (open.size)
        await d.sql.query(
          `UPDATE ${tables.playbackSession} SET seen_at = now() WHERE id = ANY(string_to_array($1, ',')::uuid[]) AND ended_at IS NULL`,
          [[...open].join(',')],
        );
    },
  };
}
