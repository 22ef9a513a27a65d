export { cameraEventOf, EVENTS_NS, type OnvifNotification, OnvifPullPoint, readNotifications, subscribeEvents } from './events';
export {
  DEVICE_SERVICE_PATH,
  discoverStreamUri,
  OnvifDevice,
  type OnvifDeviceOptions,
  type OnvifProfile,
  type OnvifStreamUri,
  pathOfReportedUrl,
  publicStreamUrl,
} from './onvif-client';
export { isOnvifError, OnvifError, type OnvifErrorCode } from './onvif-error';
export { OnvifPtz, type PtzPosition, type PtzPreset, type PtzVelocity } from './ptz';
export {
  type OnvifEventMessage,
  type OnvifResponder,
  type OnvifResponderOptions,
  type PtzState,
  startOnvifResponder,
} from './simulated-device';
export { envelope, NS as ONVIF_NS, passwordDigest, readFault } from './soap';
export { findAll, findFirst, findPath, parseXml, textAt, type XmlElement, XmlError } from './xml';
