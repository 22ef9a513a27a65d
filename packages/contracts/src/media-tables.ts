/**
 * The tables the media node reads and writes with raw SQL (apps/media-node/src) and the columns it
 * names. The API server owns these tables in Drizzle (apps/server/src/db/schema.ts); the media
 * node interpolates the table names below into its SQL, and a server unit test
 * (apps/server/src/db/media-tables.test.ts) checks every table and column here against the Drizzle
 * definitions — so a rename on the server side fails the tests, not a running node.
 */
export const mediaTables = {
  appUser: 'app_user',
  camera: 'camera',
  cameraAssignment: 'camera_assignment',
  cameraHealth: 'camera_health',
  cameraMonitoring: 'camera_monitoring',
  cameraNvr: 'camera_nvr',
  cameraOutage: 'camera_outage',
  liveView: 'live_view',
  mediaNode: 'media_node',
  playbackSession: 'playback_session',
  recordingGap: 'recording_gap',
  recordingPolicy: 'recording_policy',
  recordingSegment: 'recording_segment',
  userSession: 'user_session',
  vmsIntegration: 'vms_integration',
  vmsIntegrationCamera: 'vms_integration_camera',
  vmsIntegrationPull: 'vms_integration_pull',
} as const;

export type MediaTable = keyof typeof mediaTables;

/** Every column the media node's SQL names, per table. */
export const mediaTableColumns: { readonly [K in MediaTable]: readonly string[] } = {
  appUser: ['id', 'status'],
  camera: [
    'id',
    'partner_id',
    'host',
    'rtsp_port',
    'rtsp_path',
    'http_port',
    'credentials',
    'status',
    'open_to_public',
    'push_credentials',
    'ingest_mode',
    'stream_source',
    'rtsp_transport',
    'first_video_at',
  ],
  cameraAssignment: ['camera_id', 'node_id', 'acquired_at', 'expires_at'],
  cameraHealth: [
    'camera_id',
    'node_id',
    'connected',
    'receiving',
    'fps',
    'bitrate_kbps',
    'rtp_lost',
    'last_frame_at',
    'last_keyframe_at',
    'last_error',
    'updated_at',
  ],
  cameraMonitoring: ['camera_id', 'monitored_since'],
  cameraNvr: ['camera_id', 'url_template', 'channel', 'credentials'],
  cameraOutage: ['id', 'camera_id', 'started_at', 'ended_at', 'source', 'cause'],
  liveView: ['id', 'camera_id', 'node_id', 'user_id', 'session_id', 'origin', 'seen_at', 'ended_at', 'end_reason'],
  mediaNode: ['id', 'public_url', 'upstreams', 'viewers', 'heartbeat_at', 'started_at'],
  playbackSession: ['id', 'camera_id', 'user_id', 'source', 'node_id', 'from_at', 'to_at', 'seen_at', 'ended_at', 'end_reason'],
  recordingGap: ['id', 'camera_id', 'node_id', 'started_at', 'ended_at', 'cause', 'detail'],
  recordingPolicy: ['camera_id', 'partner_id', 'enabled'],
  recordingSegment: [
    'id',
    'camera_id',
    'seq',
    'node_id',
    'storage_key',
    'codec',
    'start_at',
    'end_at',
    'size_bytes',
    'frames',
    'sha256',
    'prev_chain_hash',
    'chain_hash',
    'close_reason',
    'closed_at',
  ],
  userSession: ['id', 'user_id', 'stage', 'expires_at', 'revoked_at'],
  vmsIntegration: ['id', 'username', 'secret_hash', 'status', 'allowed_cidr'],
  vmsIntegrationCamera: ['integration_id', 'camera_id'],
  vmsIntegrationPull: ['id', 'integration_id', 'camera_id', 'node_id', 'origin', 'seen_at', 'ended_at'],
};
