import net from 'node:net';
import type { ErrorCode } from '@vigia/contracts';
import { findMunicipality, isInsideMatoGrosso } from '../reference/index.js';
import { isBlockedAddress, type OutboundPolicy } from './outbound-guard.js';

export interface Placement {
  host: string;
  rtspPort: number;
  httpPort: number;
  latitude: number;
  longitude: number;
  municipalityIbge: string;
}

export interface PlacementProblem {
  code: ErrorCode;
  /** Field of the camera contract at fault. */
  path: 'httpPort' | 'municipalityIbge' | 'latitude' | 'host';
  message: string;
}

/**
 * Checks of a camera's place that need no database: distinct ports, an MT municipality, a point
 * inside Mato Grosso and (where the outbound guard is enforced) a public literal address. Pure:
 * the registry form and the spreadsheet import both use it, so they refuse the same things.
 */
export function placementProblems(p: Placement, outbound: OutboundPolicy): PlacementProblem[] {
  const problems: PlacementProblem[] = [];
  if (p.rtspPort === p.httpPort)
    problems.push({ code: 'VALIDATION_FAILED', path: 'httpPort', message: 'As portas RTSP e HTTP devem ser diferentes.' });
  if (!findMunicipality(p.municipalityIbge) || !p.municipalityIbge.startsWith('51')) {
    problems.push({
      code: 'MUNICIPALITY_UNKNOWN',
      path: 'municipalityIbge',
      message: 'Município não encontrado entre os municípios de Mato Grosso.',
    });
  }
  if (!isInsideMatoGrosso(p.latitude, p.longitude)) {
    problems.push({ code: 'LOCATION_OUTSIDE_MT', path: 'latitude', message: 'O ponto informado fica fora de Mato Grosso.' });
  }
  // A literal address must be public where the outbound guard is enforced (production).
  if (
    outbound.enforce &&
    net.isIP(p.host) &&
    isBlockedAddress(p.host) &&
    !outbound.allowed.check(p.host, net.isIPv4(p.host) ? 'ipv4' : 'ipv6')
  ) {
    problems.push({ code: 'CAMERA_ADDRESS_NOT_ALLOWED', path: 'host', message: 'Endereço privado ou reservado não permitido.' });
  }
  return problems;
}
