/**
 * ONVIF events (Core spec §9, events WSDL ver10) by PullPoint subscription: the platform asks the
 * camera for a subscription (CreatePullPointSubscription) and pulls its notifications
 * (PullMessages) — no callback into the platform, so it works from behind NAT like every other
 * camera call. Only the path of the service and subscription addresses the device reports is used
 * (see onvif-client.ts, SSRF). `cameraEventOf` turns the motion and tamper topics vendors send into
 * the platform's event kinds.
 */
import { OnvifDevice, type OnvifDeviceOptions, pathOfReportedUrl } from './onvif-client';
import { OnvifError } from './onvif-error';
import { findAll, findPath, textAt, type XmlElement } from './xml';

export const EVENTS_NS = 'http://www.onvif.org/ver10/events/wsdl';
const WSNT = 'http://docs.oasis-open.org/wsn/b-2';

export interface OnvifNotification {
  /** Topic as sent, prefix included ("tns1:VideoSource/MotionAlarm"). */
  topic: string;
  /** Message/@UtcTime, when the device gave one. */
  utcTime: string | null;
  /** "Initialized" (current state when subscribing), "Changed" or "Deleted", when given. */
  operation: string | null;
  source: Record<string, string>;
  data: Record<string, string>;
}

const items = (el: XmlElement | undefined): Record<string, string> =>
  Object.fromEntries(
    (el ? findAll(el, 'SimpleItem') : [])
      .filter((i) => i.attributes.Name !== undefined)
      .map((i) => [i.attributes.Name!, i.attributes.Value ?? ''] as const),
  );

/** The notifications of a PullMessages answer. */
export function readNotifications(body: XmlElement): OnvifNotification[] {
  return findAll(body, 'NotificationMessage').map((n) => {
    const message = findPath(n, 'Message', 'Message') ?? findPath(n, 'Message');
    return {
      topic: (textAt(n, 'Topic') ?? '').trim(),
      utcTime: message?.attributes.UtcTime ?? null,
      operation: message?.attributes.PropertyOperation ?? null,
      source: items(message?.children.find((c) => c.name === 'Source')),
      data: items(message?.children.find((c) => c.name === 'Data')),
    };
  });
}

/**
 * Motion and tamper topics of Profile S/T devices and common firmwares, with the data item that
 * says "active". The topic is matched without its namespace prefix and case-insensitively.
 */
const TOPICS: { kind: 'motion' | 'tamper'; topic: RegExp; item: string }[] = [
  { kind: 'motion', topic: /^VideoSource\/MotionAlarm$/i, item: 'State' },
  { kind: 'motion', topic: /^RuleEngine\/CellMotionDetector\/Motion$/i, item: 'IsMotion' },
  { kind: 'motion', topic: /^RuleEngine\/MotionRegionDetector\/Motion$/i, item: 'State' },
  { kind: 'tamper', topic: /^RuleEngine\/TamperDetector\/Tamper$/i, item: 'IsTamper' },
  { kind: 'tamper', topic: /^VideoSource\/GlobalSceneChange\/\w+$/i, item: 'State' },
  { kind: 'tamper', topic: /^VideoSource\/ImageTooBlurry\/\w+$/i, item: 'State' },
  { kind: 'tamper', topic: /^VideoSource\/ImageTooDark\/\w+$/i, item: 'State' },
  { kind: 'tamper', topic: /^VideoSource\/ImageTooBright\/\w+$/i, item: 'State' },
];

/**
 * The platform event a notification stands for: motion or tamper when a known topic turns active
 * ("true"); null for anything else — the alarm ending, other topics, and the current state a
 * device reports when a subscription starts ("Initialized"; a new subscription must not repeat
 * an old alarm).
 */
export function cameraEventOf(n: OnvifNotification): 'motion' | 'tamper' | null {
  if (n.operation?.toLowerCase() === 'initialized') return null;
  const topic = n.topic
    .split('/')
    .map((part) => part.slice(part.indexOf(':') + 1))
    .join('/');
  const rule = TOPICS.find((t) => t.topic.test(topic));
  if (!rule) return null;
  return n.data[rule.item]?.toLowerCase() === 'true' ? rule.kind : null;
}

/** A PullPoint subscription of one camera. */
export class OnvifPullPoint {
  constructor(
    private readonly device: OnvifDevice,
    /** Path of the subscription address the device reported. */
    readonly path: string,
  ) {}

  /** Waits up to `timeoutSeconds` for notifications (at most `limit`). */
  async pull(timeoutSeconds = 1, limit = 32): Promise<OnvifNotification[]> {
    const body = await this.device.call(
      this.path,
      `${EVENTS_NS}/PullPointSubscription/PullMessagesRequest`,
      `<tev:PullMessages xmlns:tev="${EVENTS_NS}"><tev:Timeout>PT${Math.max(0, Math.round(timeoutSeconds))}S</tev:Timeout>` +
        `<tev:MessageLimit>${Math.max(1, Math.round(limit))}</tev:MessageLimit></tev:PullMessages>`,
    );
    return readNotifications(body);
  }

  /** Extends the subscription by `seconds` from now. */
  async renew(seconds: number): Promise<void> {
    await this.device.call(
      this.path,
      `${WSNT}/SubscriptionManager/RenewRequest`,
      `<wsnt:Renew xmlns:wsnt="${WSNT}"><wsnt:TerminationTime>PT${Math.round(seconds)}S</wsnt:TerminationTime></wsnt:Renew>`,
    );
  }

  async unsubscribe(): Promise<void> {
    await this.device.call(this.path, `${WSNT}/SubscriptionManager/UnsubscribeRequest`, `<wsnt:Unsubscribe xmlns:wsnt="${WSNT}"/>`);
  }
}

/**
 * Connects (device clock, event service: GetCapabilities(Events), else GetServices) and creates a
 * PullPoint subscription lasting `terminationSeconds` unless renewed. A device without an event
 * service fails with ONVIF_NOT_SUPPORTED.
 */
export async function subscribeEvents(o: OnvifDeviceOptions, terminationSeconds = 300): Promise<OnvifPullPoint> {
  const device = new OnvifDevice(o);
  try {
    await device.syncClock();
  } catch (err) {
    if (!(err instanceof OnvifError && err.code === 'ONVIF_AUTH_FAILED')) throw err;
  }
  const eventsPath = await device.servicePath('Events', EVENTS_NS, 'no event service');
  const body = await device.call(
    eventsPath,
    `${EVENTS_NS}/EventPortType/CreatePullPointSubscriptionRequest`,
    `<tev:CreatePullPointSubscription xmlns:tev="${EVENTS_NS}"><tev:InitialTerminationTime>PT${Math.round(terminationSeconds)}S</tev:InitialTerminationTime></tev:CreatePullPointSubscription>`,
  );
  const address = textAt(body, 'CreatePullPointSubscriptionResponse', 'SubscriptionReference', 'Address');
  if (!address) throw new OnvifError('ONVIF_BAD_RESPONSE', 'CreatePullPointSubscription without an address');
  return new OnvifPullPoint(device, pathOfReportedUrl(address, ['http:', 'https:']));
}
