import { LoginPage } from '@vigia/testkit/login-page';
import type { Browser } from 'playwright-core';
import { DEMO_SPARE_POINTS, demoSparePointId } from '../../apps/server/src/modules/demo/demo-camera-points.js';

let nextPoint = 0;
/** One of the demo's authorised spare points (the camera is then eligible to stream, issue 12). */
export const demoPoint = (): string => demoSparePointId((nextPoint++ % DEMO_SPARE_POINTS) + 1);

/**
 * Registers a camera of the demo partner on loopback through the API, signed in as the partner
 * user in a context of its own (faster than the form, which cameras.test.ts covers). Returns its id.
 */
export async function registerPartnerCamera(
  browser: Browser,
  baseUrl: string,
  c: {
    name: string;
    rtspPort: number;
    httpPort: number;
    rtspPath: string;
    credentials?: { username: string; password: string };
    openToPublic?: boolean;
  },
): Promise<string> {
  const context = await browser.newContext();
  try {
    const partner = await context.newPage();
    await new LoginPage(partner, baseUrl).signIn('partner-user@demo.vigiamais.local', 'demonstracao-vigia');
    const { csrfToken } = await (await partner.request.get(`${baseUrl}/api/auth/session`)).json();
    const res = await partner.request.post(`${baseUrl}/api/cameras`, {
      headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      data: JSON.stringify({
        ...c,
        kind: 'partner_own',
        host: '127.0.0.1',
        latitude: -15.6,
        longitude: -56.1,
        municipalityIbge: '5103403',
        heading: 0,
        fieldOfView: 90,
        mounting: 'pole',
        cameraPointId: demoPoint(),
      }),
    });
    if (res.status() !== 201) throw new Error(`camera not registered (${res.status()}): ${await res.text()}`);
    return (await res.json()).id as string;
  } finally {
    await context.close();
  }
}
