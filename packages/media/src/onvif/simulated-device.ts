/**
 * A small simulated ONVIF device, for tests and for the demo's PTZ camera (no ONVIF server exists in
 * Debian; a real camera is a boundary we do not own). HTTP on loopback, /onvif/device_service and /onvif/Media, answering with the shape
 * of answers recorded from Hikvision-style firmware (SOAP 1.2, vendor prefixes, two profiles, LAN
 * addresses in XAddr and MediaUri). It checks the WS-Security PasswordDigest of every call but
 * GetSystemDateAndTime, or — mode 'http-digest' — demands HTTP Digest (verified with the
 * project's own Digest server) and ignores WS-Security, like some NVR firmwares.
 *
 * With `ptz`, it also has a PTZ service (/onvif/PTZ, ver20): ContinuousMove integrates the velocity
 * over time into a position (pan/tilt −1…1, zoom 0…1), Stop, GetStatus, presets and home; every
 * position change is handed to `ptz.onPosition` — the camera simulator turns it into a crop window
 * over a larger scene, so the picture really moves.
 *
 * With `events`, it also has an event service (/onvif/Events, PullPoint): CreatePullPointSubscription
 * opens a subscription at /onvif/Subscription?Idx=N that first reports the motion state
 * ("Initialized", as devices do), then whatever `emitEvent` queues; PullMessages returns the queue;
 * Renew, Unsubscribe; `dropSubscriptions` forgets them all (a camera reboot).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DigestServer } from '../rtsp-digest-server';
import { findPath, parseXml, textAt } from './xml';

export interface OnvifResponderOptions {
  username: string;
  password: string;
  /** Path (and query) of the stream URI the device reports, on its LAN address. */
  streamPath: string;
  mode?: 'ws-security' | 'http-digest';
  /** Answer GetCapabilities with ActionNotSupported, so the client must use GetServices. */
  noCapabilities?: boolean;
  /** LAN address the device believes it has (reported in XAddr and MediaUri). */
  lanAddress?: string;
  /** A PTZ service (see the file comment). */
  ptz?: { onPosition?: (p: PtzState) => void /** Position units per second at velocity 1 (default 0.5). */; speed?: number };
  /** An event service (see the file comment); `motion`: the motion state reported when subscribing. */
  events?: { motion?: boolean };
}

export interface OnvifEventMessage {
  /** e.g. "tns1:VideoSource/MotionAlarm". */
  topic: string;
  data: Record<string, string>;
  source?: Record<string, string>;
  /** Default "Changed". */
  operation?: 'Initialized' | 'Changed' | 'Deleted';
  /** Default now. */
  utcTime?: string;
}

export interface PtzState {
  pan: number;
  tilt: number;
  zoom: number;
}

export interface OnvifResponder {
  port: number;
  /** SOAP actions received, in order ("GetProfiles", …). */
  calls: string[];
  /** Requests refused for bad credentials. */
  refused: number;
  /** PTZ position now (option `ptz`). */
  position: PtzState;
  /** PTZ presets by token (option `ptz`). */
  presets: Map<string, { name: string; position: PtzState }>;
  /** Queues a notification on every open subscription (option `events`). */
  emitEvent(m: OnvifEventMessage): void;
  /** Open PullPoint subscriptions (option `events`). */
  readonly subscriptions: number;
  /** Forgets every subscription, as a rebooted camera does (option `events`). */
  dropSubscriptions(): void;
  close(): Promise<void>;
}

const ENVELOPE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:soapenc="http://www.w3.org/2003/05/soap-encoding" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tt="http://www.onvif.org/ver10/schema" ' +
  'xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tptz="http://www.onvif.org/ver20/ptz/wsdl" xmlns:ter="http://www.onvif.org/ver10/error" ' +
  'xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">\n<env:Body>';
const ENVELOPE_CLOSE = '</env:Body>\n</env:Envelope>\n';

const fault = (subcode: string, reason: string) =>
  `<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>ter:${subcode}</env:Value></env:Subcode></env:Code>` +
  `<env:Reason><env:Text xml:lang="en">${reason}</env:Text></env:Reason></env:Fault>`;

function dateTime(now: Date): string {
  const part = (tag: string, v: number) => `<tt:${tag}>${v}</tt:${tag}>`;
  return (
    '<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>Manual</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>' +
    '<tt:TimeZone><tt:TZ>BRT3</tt:TZ></tt:TimeZone><tt:UTCDateTime><tt:Time>' +
    part('Hour', now.getUTCHours()) +
    part('Minute', now.getUTCMinutes()) +
    part('Second', now.getUTCSeconds()) +
    '</tt:Time><tt:Date>' +
    part('Year', now.getUTCFullYear()) +
    part('Month', now.getUTCMonth() + 1) +
    part('Day', now.getUTCDate()) +
    '</tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>'
  );
}

const profile = (token: string, name: string, width: number, height: number) =>
  `<trt:Profiles token="${token}" fixed="true"><tt:Name>${name}</tt:Name>` +
  `<tt:VideoSourceConfiguration token="VideoSourceToken"><tt:Name>VideoSourceConfig</tt:Name><tt:UseCount>2</tt:UseCount><tt:SourceToken>VideoSource_1</tt:SourceToken>` +
  `<tt:Bounds x="0" y="0" width="1920" height="1080"></tt:Bounds></tt:VideoSourceConfiguration>` +
  `<tt:VideoEncoderConfiguration token="VideoEncoderToken_${token.slice(-1)}"><tt:Name>VideoEncoder_${token.slice(-1)}</tt:Name><tt:UseCount>1</tt:UseCount>` +
  `<tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>${width}</tt:Width><tt:Height>${height}</tt:Height></tt:Resolution><tt:Quality>3.000000</tt:Quality>` +
  `<tt:RateControl><tt:FrameRateLimit>15</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>2048</tt:BitrateLimit></tt:RateControl>` +
  `<tt:H264><tt:GovLength>30</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264>` +
  `<tt:Multicast><tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address><tt:Port>8860</tt:Port><tt:TTL>128</tt:TTL><tt:AutoStart>false</tt:AutoStart></tt:Multicast>` +
  `<tt:SessionTimeout>PT5S</tt:SessionTimeout></tt:VideoEncoderConfiguration></trt:Profiles>`;

/** Checks a WS-Security UsernameToken (PasswordDigest) against the expected user and password. */
function wsSecurityOk(root: ReturnType<typeof parseXml>, username: string, password: string): boolean {
  const token = findPath(root, 'Header', 'Security', 'UsernameToken');
  if (!token) return false;
  const user = textAt(token, 'Username');
  const digest = textAt(token, 'Password');
  const nonce = textAt(token, 'Nonce');
  const created = textAt(token, 'Created');
  if (!user || !digest || !nonce || !created) return false;
  if (Math.abs(Date.parse(created) - Date.now()) > 5 * 60_000) return false;
  const expected = createHash('sha1')
    .update(Buffer.concat([Buffer.from(nonce, 'base64'), Buffer.from(created), Buffer.from(password)]))
    .digest('base64');
  return user === username && digest === expected;
}

export async function startOnvifResponder(o: OnvifResponderOptions): Promise<OnvifResponder> {
  const lan = o.lanAddress ?? '192.168.1.64';
  const digest = new DigestServer('IP Camera(C2173)');
  const state: OnvifResponder = {
    port: 0,
    calls: [],
    refused: 0,
    position: { pan: 0, tilt: 0, zoom: 0 },
    presets: new Map(),
    emitEvent: () => {
      throw new Error('ONVIF responder started without events');
    },
    subscriptions: 0,
    dropSubscriptions: () => undefined,
    close: async () => undefined,
  };
  const ptz = o.ptz ? ptzMotor(state, o.ptz) : undefined;
  const events = o.events ? eventService(state, lan, o.events) : undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'Content-Type': 'application/soap+xml; charset=utf-8', ...headers });
        res.end(status === 401 ? body : ENVELOPE_OPEN + body + ENVELOPE_CLOSE);
      };
      if (
        req.method !== 'POST' ||
        (req.url !== '/onvif/device_service' &&
          req.url !== '/onvif/Media' &&
          !(ptz && req.url === '/onvif/PTZ') &&
          !(events && (req.url === '/onvif/Events' || req.url?.startsWith('/onvif/Subscription?'))))
      ) {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        res.end('<html><body>404 Not Found</body></html>');
        return;
      }
      let root;
      try {
        root = parseXml(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(400, fault('InvalidArgVal', 'Malformed request'));
      }
      const action = findPath(root, 'Body')?.children[0]?.name ?? '';
      state.calls.push(action);
      if (action !== 'GetSystemDateAndTime') {
        if (o.mode === 'http-digest') {
          const verdict = digest.verify(
            req.headers.authorization,
            'POST',
            { username: o.username, password: o.password },
            (uri) => uri === req.url,
          );
          if (verdict !== 'ok') {
            if (req.headers.authorization) state.refused++;
            return send(401, '<html><body>401 Unauthorized</body></html>', {
              'WWW-Authenticate': digest.challenge(verdict === 'stale'),
              'Content-Type': 'text/html',
            });
          }
        } else if (!wsSecurityOk(root, o.username, o.password)) {
          state.refused++;
          return send(400, fault('NotAuthorized', 'Sender not Authorized'));
        }
      }
      const port = state.port;
      switch (action) {
        case 'GetSystemDateAndTime':
          return send(200, dateTime(new Date()));
        case 'GetCapabilities':
          if (o.noCapabilities) return send(400, fault('ActionNotSupported', 'Optional Action Not Implemented'));
          return send(
            200,
            `<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Media><tt:XAddr>http://${lan}/onvif/Media</tt:XAddr><tt:StreamingCapabilities>` +
              `<tt:RTPMulticast>true</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities>` +
              `<tt:Extension><tt:ProfileCapabilities><tt:MaximumNumberOfProfiles>10</tt:MaximumNumberOfProfiles></tt:ProfileCapabilities></tt:Extension></tt:Media>` +
              (ptz ? `<tt:PTZ><tt:XAddr>http://${lan}/onvif/PTZ</tt:XAddr></tt:PTZ>` : '') +
              (events
                ? `<tt:Events><tt:XAddr>http://${lan}/onvif/Events</tt:XAddr><tt:WSSubscriptionPolicySupport>true</tt:WSSubscriptionPolicySupport>` +
                  `<tt:WSPullPointSupport>true</tt:WSPullPointSupport><tt:WSPausableSubscriptionManagerInterfaceSupport>false</tt:WSPausableSubscriptionManagerInterfaceSupport></tt:Events>`
                : '') +
              `</tds:Capabilities></tds:GetCapabilitiesResponse>`,
          );
        case 'GetServices':
          return send(
            200,
            `<tds:GetServicesResponse><tds:Service><tds:Namespace>http://www.onvif.org/ver10/device/wsdl</tds:Namespace><tds:XAddr>http://${lan}:${port}/onvif/device_service</tds:XAddr>` +
              `<tds:Version><tt:Major>17</tt:Major><tt:Minor>12</tt:Minor></tds:Version></tds:Service>` +
              `<tds:Service><tds:Namespace>http://www.onvif.org/ver10/media/wsdl</tds:Namespace><tds:XAddr>http://${lan}/onvif/Media</tds:XAddr>` +
              `<tds:Version><tt:Major>17</tt:Major><tt:Minor>12</tt:Minor></tds:Version></tds:Service>` +
              (ptz
                ? `<tds:Service><tds:Namespace>http://www.onvif.org/ver20/ptz/wsdl</tds:Namespace><tds:XAddr>http://${lan}/onvif/PTZ</tds:XAddr>` +
                  `<tds:Version><tt:Major>17</tt:Major><tt:Minor>12</tt:Minor></tds:Version></tds:Service>`
                : '') +
              (events
                ? `<tds:Service><tds:Namespace>http://www.onvif.org/ver10/events/wsdl</tds:Namespace><tds:XAddr>http://${lan}/onvif/Events</tds:XAddr>` +
                  `<tds:Version><tt:Major>17</tt:Major><tt:Minor>12</tt:Minor></tds:Version></tds:Service>`
                : '') +
              `</tds:GetServicesResponse>`,
          );
        case 'GetProfiles':
          return send(
            200,
            `<trt:GetProfilesResponse>${profile('Profile_1', 'mainStream', 1280, 720)}${profile('Profile_2', 'subStream', 640, 360)}</trt:GetProfilesResponse>`,
          );
        case 'GetStreamUri': {
          const token = textAt(root, 'Body', 'GetStreamUri', 'ProfileToken');
          if (token !== 'Profile_1' && token !== 'Profile_2') return send(400, fault('NoProfile', 'The requested profile does not exist'));
          const uri = `rtsp://${lan}:554${o.streamPath}`.replace(/&/g, '&amp;');
          return send(
            200,
            `<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>${uri}</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>` +
              `<tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT60S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>`,
          );
        }
        default: {
          const answer =
            ptz && req.url === '/onvif/PTZ'
              ? ptz.handle(action, root)
              : events && req.url !== '/onvif/PTZ'
                ? events.handle(action, req.url!)
                : undefined;
          if (answer) return send(answer.status, answer.body);
          return send(400, fault('ActionNotSupported', 'Optional Action Not Implemented'));
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.port = (server.address() as AddressInfo).port;
  state.close = () =>
    new Promise<void>((r) => {
      ptz?.halt();
      server.close(() => r());
    });
  return state;
}

const clampTo = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const numAttr = (el: ReturnType<typeof findPath>, name: string) => {
  const v = Number(el?.attributes[name]);
  return Number.isFinite(v) ? v : 0;
};

/** The PTZ service: position, velocity integrated every 50 ms while moving, presets, home. */
function ptzMotor(state: OnvifResponder, o: NonNullable<OnvifResponderOptions['ptz']>) {
  const speed = o.speed ?? 0.5;
  let velocity: PtzState = { pan: 0, tilt: 0, zoom: 0 };
  let timer: NodeJS.Timeout | undefined;
  let last = Date.now();
  let nextPreset = 1;
  const setPosition = (p: PtzState) => {
    state.position = { pan: clampTo(p.pan, -1, 1), tilt: clampTo(p.tilt, -1, 1), zoom: clampTo(p.zoom, 0, 1) };
    o.onPosition?.(state.position);
  };
  const halt = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    velocity = { pan: 0, tilt: 0, zoom: 0 };
  };
  const tick = () => {
    const now = Date.now();
    const dt = ((now - last) / 1000) * speed;
    last = now;
    const p = state.position;
    setPosition({ pan: p.pan + velocity.pan * dt, tilt: p.tilt + velocity.tilt * dt, zoom: p.zoom + velocity.zoom * dt });
  };
  const ok = (action: string, inner = '') => ({ status: 200, body: `<tptz:${action}Response>${inner}</tptz:${action}Response>` });
  const vector = (p: PtzState) => `<tt:PanTilt x="${p.pan}" y="${p.tilt}"/><tt:Zoom x="${p.zoom}"/>`;
  return {
    halt,
    handle(action: string, root: ReturnType<typeof parseXml>): { status: number; body: string } | undefined {
      const req = findPath(root, 'Body', action);
      const presetToken = req ? textAt(req, 'PresetToken') : undefined;
      const noPreset = { status: 400, body: fault('NoToken', 'The requested preset token does not exist') };
      switch (action) {
        case 'ContinuousMove': {
          const v = findPath(root, 'Body', action, 'Velocity');
          const pt = v?.children.find((c) => c.name === 'PanTilt');
          const z = v?.children.find((c) => c.name === 'Zoom');
          velocity = { pan: numAttr(pt, 'x'), tilt: numAttr(pt, 'y'), zoom: numAttr(z, 'x') };
          last = Date.now();
          timer ??= setInterval(tick, 50);
          return ok(action);
        }
        case 'Stop':
          if (timer) tick();
          halt();
          return ok(action);
        case 'GetStatus':
          return ok(
            action,
            `<tptz:PTZStatus><tt:Position>${vector(state.position)}</tt:Position><tt:MoveStatus><tt:PanTilt>${timer ? 'MOVING' : 'IDLE'}</tt:PanTilt></tt:MoveStatus>` +
              `<tt:UtcTime>${new Date().toISOString()}</tt:UtcTime></tptz:PTZStatus>`,
          );
        case 'GetPresets':
          return ok(
            action,
            [...state.presets]
              .map(
                ([token, p]) =>
                  `<tptz:Preset token="${token}"><tt:Name>${p.name.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</tt:Name><tt:PTZPosition>${vector(p.position)}</tt:PTZPosition></tptz:Preset>`,
              )
              .join(''),
          );
        case 'SetPreset': {
          const token = presetToken ?? String(nextPreset++);
          state.presets.set(token, { name: (req && textAt(req, 'PresetName')) || `Preset ${token}`, position: { ...state.position } });
          return ok(action, `<tptz:PresetToken>${token}</tptz:PresetToken>`);
        }
        case 'RemovePreset':
          if (!presetToken || !state.presets.delete(presetToken)) return noPreset;
          return ok(action);
        case 'GotoPreset': {
          const p = presetToken ? state.presets.get(presetToken) : undefined;
          if (!p) return noPreset;
          halt();
          setPosition(p.position);
          return ok(action);
        }
        case 'GotoHomePosition':
          halt();
          setPosition({ pan: 0, tilt: 0, zoom: 0 });
          return ok(action);
        default:
          return undefined;
      }
    },
  };
}

const EVENT_NS =
  'xmlns:tev="http://www.onvif.org/ver10/events/wsdl" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" xmlns:wsa="http://www.w3.org/2005/08/addressing" xmlns:tns1="http://www.onvif.org/ver10/topics"';
const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const simpleItems = (items: Record<string, string>) =>
  Object.entries(items)
    .map(([k, v]) => `<tt:SimpleItem Name="${attr(k)}" Value="${attr(v)}"/>`)
    .join('');

/** The event service: PullPoint subscriptions, each with its queue of notifications. */
function eventService(state: OnvifResponder, lan: string, o: NonNullable<OnvifResponderOptions['events']>) {
  const subs = new Map<string, { queue: OnvifEventMessage[]; until: number }>();
  let next = 0;
  const notification = (m: OnvifEventMessage) =>
    `<wsnt:NotificationMessage><wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">${m.topic}</wsnt:Topic>` +
    `<wsnt:Message><tt:Message UtcTime="${m.utcTime ?? new Date().toISOString()}" PropertyOperation="${m.operation ?? 'Changed'}">` +
    `<tt:Source>${simpleItems(m.source ?? { Source: 'VideoSource_1' })}</tt:Source><tt:Data>${simpleItems(m.data)}</tt:Data></tt:Message></wsnt:Message></wsnt:NotificationMessage>`;
  const open = (url: string) => {
    const s = subs.get(url);
    return s && s.until > Date.now() ? s : undefined;
  };
  const unknown = { status: 400, body: fault('InvalidArgVal', 'Unknown or expired subscription') };
  state.emitEvent = (m) => {
    for (const s of subs.values()) s.queue.push(m);
  };
  state.dropSubscriptions = () => subs.clear();
  Object.defineProperty(state, 'subscriptions', { get: () => [...subs.keys()].filter((k) => open(k)).length });
  return {
    handle(action: string, url: string): { status: number; body: string } | undefined {
      const now = Date.now();
      switch (action) {
        case 'CreatePullPointSubscription': {
          if (url !== '/onvif/Events') return undefined;
          const path = `/onvif/Subscription?Idx=${next++}`;
          const initial: OnvifEventMessage = {
            topic: 'tns1:VideoSource/MotionAlarm',
            data: { State: String(o.motion ?? false) },
            operation: 'Initialized',
          };
          subs.set(path, { queue: [initial], until: now + 60_000 });
          return {
            status: 200,
            body:
              `<tev:CreatePullPointSubscriptionResponse ${EVENT_NS}><tev:SubscriptionReference><wsa:Address>http://${lan}${path.replace('&', '&amp;')}</wsa:Address></tev:SubscriptionReference>` +
              `<wsnt:CurrentTime>${new Date(now).toISOString()}</wsnt:CurrentTime><wsnt:TerminationTime>${new Date(now + 60_000).toISOString()}</wsnt:TerminationTime></tev:CreatePullPointSubscriptionResponse>`,
          };
        }
        case 'PullMessages': {
          const s = open(url);
          if (!s) return unknown;
          const batch = s.queue.splice(0, s.queue.length);
          return {
            status: 200,
            body:
              `<tev:PullMessagesResponse ${EVENT_NS}><tev:CurrentTime>${new Date(now).toISOString()}</tev:CurrentTime><tev:TerminationTime>${new Date(s.until).toISOString()}</tev:TerminationTime>` +
              `${batch.map(notification).join('')}</tev:PullMessagesResponse>`,
          };
        }
        case 'Renew': {
          const s = open(url);
          if (!s) return unknown;
          s.until = now + 60_000;
          return {
            status: 200,
            body: `<wsnt:RenewResponse ${EVENT_NS}><wsnt:TerminationTime>${new Date(s.until).toISOString()}</wsnt:TerminationTime></wsnt:RenewResponse>`,
          };
        }
        case 'Unsubscribe':
          if (!subs.delete(url)) return unknown;
          return { status: 200, body: `<wsnt:UnsubscribeResponse ${EVENT_NS}/>` };
        default:
          return undefined;
      }
    },
  };
}
