/**
 * Stable codes of ONVIF discovery failures. The camera self-test maps them to what the installer
 * should fix (pt-BR hints), so never rename them.
 */
export type OnvifErrorCode =
  /** Nothing answers on the HTTP port (refused, unreachable, reset). */
  | 'ONVIF_UNREACHABLE'
  /** The HTTP port accepted the connection but no answer came in time. */
  | 'ONVIF_TIMEOUT'
  /** The HTTP port answers, but not as an ONVIF device (404, HTML, no media service). */
  | 'ONVIF_NOT_SUPPORTED'
  /** The device refused the user/password (WS-Security fault or HTTP 401 after Digest). */
  | 'ONVIF_AUTH_FAILED'
  /** The device has no media profile (or not the configured one). */
  | 'ONVIF_NO_PROFILE'
  /** Malformed XML, an unexpected fault, or a stream URI that is not rtsp://…. */
  | 'ONVIF_BAD_RESPONSE';

export class OnvifError extends Error {
  override readonly name = 'OnvifError';
  constructor(
    readonly code: OnvifErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const isOnvifError = (err: unknown): err is OnvifError => err instanceof OnvifError;
