export { OnvifError, isOnvifError, type OnvifErrorCode } from './onvif-error';
export { OnvifDevice, discoverStreamUri, publicStreamUrl, pathOfReportedUrl, DEVICE_SERVICE_PATH, type OnvifDeviceOptions, type OnvifProfile, type OnvifStreamUri } from './onvif-client';
export { passwordDigest, envelope, readFault, NS as ONVIF_NS } from './soap';
export { parseXml, findAll, findFirst, findPath, textAt, XmlError, type XmlElement } from './xml';
