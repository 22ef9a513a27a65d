import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { makeUser, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import { recordingSegments } from '../../server/src/db/schema.js';
import { createExport } from '../../server/src/modules/exports/create-export.js';
import { loadExportSigningKey } from '../../server/src/modules/exports/export-signing.js';
import type { MediaNode } from '../src/node.js';
import {
  createPartner,
  RECORDING_TEST_ENV,
  registerRecordedCamera,
  startTestApp,
  startTestNode,
  stopTestBed,
  until,
} from './helpers/node-testbed.js';

/**
 * MEDIA_AUDIO=pass with MEDIA_RTSP_TRANSPORT=udp on a real GStreamer camera sending H.264 + AAC:
 * the recorded segments and the exported MP4 keep the audio track.
 */
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode | undefined;
let cam = '';
let storage: LocalRecordingStorage;

const closedSegments = async () =>
  (
    await t.database.db.select().from(recordingSegments).where(eq(recordingSegments.cameraId, cam)).orderBy(asc(recordingSegments.seq))
  ).filter((s) => s.closedAt);
const codecs = (file: string) =>
  (
    JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'json', file]).toString()).streams as {
      codec_name: string;
    }[]
  )
    .map((s) => s.codec_name)
    .sort();

beforeAll(async () => {
  ({ t, app, gateway } = await startTestApp());
  sim = await startSimulator({ count: 0, audioCount: 1, size: '640x360', bitrateKbps: 500 });
  const admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  const partnerId = await createPartner(t.database, 'Parceiro áudio');
  cam = await registerRecordedCamera(app, t.database, admin, sim, {
    partnerId,
    name: 'Câmera com áudio',
    httpPort: 50_002,
    rtspPath: '/av1',
  });
  storage = new LocalRecordingStorage(path.join(t.dataDir, 'recordings'));
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: 'audio-node',
    ...RECORDING_TEST_ENV,
    MEDIA_AUDIO: 'pass',
    MEDIA_RTSP_TRANSPORT: 'udp',
  });
}, 180_000);

afterAll(() => stopTestBed({ node, gateway, sim, app, t }));

describe('camera audio passed through (MEDIA_AUDIO=pass)', () => {
  it('records segments with the AAC track and exports it with the video', async () => {
    await until(async () => (await closedSegments()).length >= 2, 20_000);
    const segs = await closedSegments();
    expect(codecs(storage.localPath(segs[1]!.storageKey))).toEqual(['aac', 'h264']);

    const signingKey = await loadExportSigningKey({ dataDir: t.dataDir });
    const { dir, manifest } = await createExport(
      { db: t.database.db, storage, outDir: path.join(t.dataDir, 'exports'), signingKey },
      {
        cameraIds: [cam],
        from: segs[0]!.startAt,
        to: segs.at(-1)!.endAt!,
        operator: { id: 'op-1', name: 'Operadora' },
        reason: 'Ofício 13/2026 — áudio',
      },
      () => undefined,
    );
    expect(codecs(path.join(dir, manifest.files[0]!.name))).toEqual(['aac', 'h264']);
  });
});
