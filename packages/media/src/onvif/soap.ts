/**
 * SOAP 1.2 envelopes for ONVIF with a WS-Security UsernameToken (PasswordDigest), and SOAP fault
 * reading. PasswordDigest = Base64(SHA-1(nonce bytes + Created + password)) (WS-Security
 * UsernameToken Profile 1.0 §3.1, required by the ONVIF Core spec §5.12): the password never
 * travels, and Created/Nonce let the device refuse replays.
 */
import { createHash, randomBytes } from 'node:crypto';
import { escapeXml, findAll, findPath, parseXml, textAt, type XmlElement } from './xml';

export const NS = {
  soap: 'http://www.w3.org/2003/05/soap-envelope',
  device: 'http://www.onvif.org/ver10/device/wsdl',
  media: 'http://www.onvif.org/ver10/media/wsdl',
  ptz: 'http://www.onvif.org/ver20/ptz/wsdl',
  schema: 'http://www.onvif.org/ver10/schema',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  passwordDigest: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest',
  base64Binary: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary',
} as const;

/** Base64(SHA-1(nonce + created + password)). */
export function passwordDigest(nonce: Buffer, created: string, password: string): string {
  return createHash('sha1')
    .update(Buffer.concat([nonce, Buffer.from(created, 'utf8'), Buffer.from(password, 'utf8')]))
    .digest('base64');
}

export interface UsernameToken {
  username: string;
  password: string;
  /** Device clock, ISO 8601 UTC (the caller corrects for the device's clock offset). */
  created: string;
  nonce?: Buffer;
}

export function securityHeader(t: UsernameToken): string {
  const nonce = t.nonce ?? randomBytes(16);
  return (
    `<Security s:mustUnderstand="1" xmlns="${NS.wsse}"><UsernameToken>` +
    `<Username>${escapeXml(t.username)}</Username>` +
    `<Password Type="${NS.passwordDigest}">${passwordDigest(nonce, t.created, t.password)}</Password>` +
    `<Nonce EncodingType="${NS.base64Binary}">${nonce.toString('base64')}</Nonce>` +
    `<Created xmlns="${NS.wsu}">${escapeXml(t.created)}</Created>` +
    `</UsernameToken></Security>`
  );
}

/** A SOAP 1.2 envelope around `body` (already XML), with the security header when given. */
export function envelope(body: string, token?: UsernameToken): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<s:Envelope xmlns:s="${NS.soap}" xmlns:tds="${NS.device}" xmlns:trt="${NS.media}" xmlns:tptz="${NS.ptz}" xmlns:tt="${NS.schema}">` +
    `<s:Header>${token ? securityHeader(token) : ''}</s:Header>` +
    `<s:Body>${body}</s:Body></s:Envelope>`
  );
}

export interface SoapFault {
  /** Code, then every Subcode value, prefixes removed ("Sender", "NotAuthorized"). */
  codes: string[];
  reason: string;
}

/** The fault in a SOAP 1.2 (Code/Subcode/Reason) or 1.1 (faultcode/faultstring) body, if any. */
export function readFault(root: XmlElement): SoapFault | undefined {
  const fault = findPath(root, 'Body', 'Fault');
  if (!fault) return undefined;
  const strip = (v: string) => v.slice(v.lastIndexOf(':') + 1);
  const codes = [...findAll(fault, 'Value'), ...findAll(fault, 'faultcode')].map((v) => strip(v.text.trim())).filter(Boolean);
  const reason = textAt(fault, 'Reason', 'Text') ?? textAt(fault, 'faultstring') ?? '';
  return { codes, reason: reason.slice(0, 200) };
}

/** Subcodes devices use when the WS-Security token is refused (ONVIF Core §5.11.2.1, WSS 1.0 §12). */
export const isAuthFault = (f: SoapFault): boolean =>
  f.codes.some((c) => /^(NotAuthorized|FailedAuthentication|InvalidSecurity|InvalidSecurityToken|SecurityTokenUnavailable)$/i.test(c)) ||
  /not ?authori[sz]ed|authentication|unauthori[sz]ed|password/i.test(f.reason);

export { parseXml };
