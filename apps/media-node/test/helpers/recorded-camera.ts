import { expect } from 'vitest';
import type { Simulator } from '../../../../packages/media/test/helpers/simulator.js';
import type { App } from '../../../server/src/app.js';
import type { Database } from '../../../server/src/db/client.js';
import { recordingPolicies } from '../../../server/src/db/schema.js';
import { authHeaders, type Session } from '../../../server/test/helpers/app.js';

/**
 * Registers the simulator's first camera for a partner through the real API (as an administrator)
 * and turns recording on for it (camera policy, 7 days — recording is off by default).
 */
export async function registerRecordedCamera(
  app: App,
  database: Database,
  admin: Session,
  sim: Simulator,
  camera: { partnerId: string; name: string; httpPort: number },
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/cameras',
    headers: authHeaders(admin),
    payload: {
      partnerId: camera.partnerId, kind: 'partner_own', name: camera.name, host: '127.0.0.1', rtspPort: sim.port, httpPort: camera.httpPort,
      rtspPath: '/cam1', latitude: -15.6, longitude: -56.1, municipalityIbge: '5103403', heading: 0, fieldOfView: 90, mounting: 'pole',
      openToPublic: false, credentials: { username: sim.user, password: sim.password },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await database.db.insert(recordingPolicies).values({ cameraId: id, enabled: true, retentionDays: 7 });
  return id;
}
