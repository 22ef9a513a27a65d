/**
 * ONVIF PTZ (Profile S PTZ service, ver20 WSDL): continuous move, stop, presets and home, over the
 * same guarded connection and authentication as stream discovery (`OnvifDevice`). Only the path
 * of the PTZ service address the device reports is used (see onvif-client.ts, SSRF).
 */
import { OnvifDevice, type OnvifDeviceOptions } from './onvif-client';
import { OnvifError } from './onvif-error';
import { NS } from './soap';
import { escapeXml, findAll, findPath, textAt } from './xml';

export interface PtzVelocity {
  /** −1 (left) … 1 (right). */
  pan: number;
  /** −1 (down) … 1 (up). */
  tilt: number;
  /** −1 (out) … 1 (in). */
  zoom: number;
}

export interface PtzPosition {
  pan: number;
  tilt: number;
  zoom: number;
}

export interface PtzPreset {
  token: string;
  name: string;
}

const clamp = (v: number) => Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
const num = (v: string | undefined) => (v !== undefined && Number.isFinite(Number(v)) ? Number(v) : 0);

/** A camera's PTZ service, on its first media profile (or the one named). */
export class OnvifPtz {
  private constructor(
    private readonly device: OnvifDevice,
    readonly ptzPath: string,
    readonly profileToken: string,
  ) {}

  /**
   * Connects: device clock, PTZ service (GetCapabilities(PTZ), else GetServices), media profile.
   * A device without a PTZ service fails with ONVIF_NOT_SUPPORTED.
   */
  static async connect(o: OnvifDeviceOptions & { profileToken?: string }): Promise<OnvifPtz> {
    const device = new OnvifDevice(o);
    try {
      await device.syncClock();
    } catch (err) {
      if (!(err instanceof OnvifError && err.code === 'ONVIF_AUTH_FAILED')) throw err;
    }
    const ptzPath = await device.servicePath('PTZ', NS.ptz, 'no PTZ service');
    const profiles = await device.profiles(await device.mediaServicePath());
    const profile = o.profileToken ? profiles.find((p) => p.token === o.profileToken) : profiles[0];
    if (!profile) throw new OnvifError('ONVIF_NO_PROFILE', 'no media profile for PTZ');
    return new OnvifPtz(device, ptzPath, profile.token);
  }

  private call(action: string, inner: string) {
    return this.device.call(
      this.ptzPath,
      `${NS.ptz}/${action}`,
      `<tptz:${action}><tptz:ProfileToken>${escapeXml(this.profileToken)}</tptz:ProfileToken>${inner}</tptz:${action}>`,
    );
  }

  async continuousMove(v: PtzVelocity): Promise<void> {
    await this.call(
      'ContinuousMove',
      `<tptz:Velocity><tt:PanTilt x="${clamp(v.pan)}" y="${clamp(v.tilt)}"/><tt:Zoom x="${clamp(v.zoom)}"/></tptz:Velocity>`,
    );
  }

  async stop(): Promise<void> {
    await this.call('Stop', '<tptz:PanTilt>true</tptz:PanTilt><tptz:Zoom>true</tptz:Zoom>');
  }

  async status(): Promise<PtzPosition> {
    const body = await this.call('GetStatus', '');
    const pos = findPath(body, 'GetStatusResponse', 'PTZStatus', 'Position');
    const pt = pos?.children.find((c) => c.name === 'PanTilt');
    const z = pos?.children.find((c) => c.name === 'Zoom');
    return { pan: num(pt?.attributes.x), tilt: num(pt?.attributes.y), zoom: num(z?.attributes.x) };
  }

  async presets(): Promise<PtzPreset[]> {
    const body = await this.call('GetPresets', '');
    return findAll(body, 'Preset')
      .filter((p) => p.attributes.token)
      .map((p) => ({ token: p.attributes.token!, name: textAt(p, 'Name') ?? p.attributes.token! }));
  }

  /** Saves the current position as a preset (a new one, or `token` overwritten); returns its token. */
  async setPreset(name: string, token?: string): Promise<string> {
    const body = await this.call(
      'SetPreset',
      `<tptz:PresetName>${escapeXml(name)}</tptz:PresetName>${token ? `<tptz:PresetToken>${escapeXml(token)}</tptz:PresetToken>` : ''}`,
    );
    const saved = textAt(body, 'SetPresetResponse', 'PresetToken');
    if (!saved) throw new OnvifError('ONVIF_BAD_RESPONSE', 'SetPreset without PresetToken');
    return saved;
  }

  async removePreset(token: string): Promise<void> {
    await this.call('RemovePreset', `<tptz:PresetToken>${escapeXml(token)}</tptz:PresetToken>`);
  }

  async gotoPreset(token: string): Promise<void> {
    await this.call('GotoPreset', `<tptz:PresetToken>${escapeXml(token)}</tptz:PresetToken>`);
  }

  async gotoHome(): Promise<void> {
    await this.call('GotoHomePosition', '');
  }
}
