import type { Queryable } from '../../db/client.js';
import { trafficAccidentRecords } from '../../db/tables/accident-certificate.js';
import { newCitizenProtocol } from '../citizen-accounts/citizen-protocol.js';

/**
 * The traffic-accidents adapter: how the accident-certificate service hands a validated accident to
 * the system of record (the state's accident base) and gets its number there, printed on the
 * certificate. The platform ships `platformTrafficAccidents` (its own `traffic_accident_record`
 * table); a state plugs its real base in by implementing this interface (contract in
 * docs/citizen-services.md).
 */
export interface ValidatedAccident {
  /** The platform's declaration id: recording the same one twice returns the same number. */
  declarationId: string;
  protocol: string;
  occurredAt: Date;
  latitude: number;
  longitude: number;
  municipalityIbge: string;
  plates: string[];
  partiesCpf: string[];
}

export interface TrafficAccidentsAdapter {
  /** Records a validated non-injury accident; answers its number in the system of record. */
  record(accident: ValidatedAccident, at: Date): Promise<{ recordNumber: string }>;
}

export function platformTrafficAccidents(db: Queryable): TrafficAccidentsAdapter {
  return {
    async record(a, at) {
      // Random like the protocols (no counter to race on between API processes).
      const recordNumber = newCitizenProtocol('AT', at);
      const [row] = await db
        .insert(trafficAccidentRecords)
        .values({
          recordNumber,
          source: 'portal',
          sourceId: a.declarationId,
          occurredAt: a.occurredAt,
          municipalityIbge: a.municipalityIbge,
          latitude: a.latitude,
          longitude: a.longitude,
          plates: a.plates,
          partiesCpf: a.partiesCpf,
          recordedAt: at,
        })
        .onConflictDoUpdate({ target: trafficAccidentRecords.sourceId, set: { recordedAt: at } })
        .returning({ recordNumber: trafficAccidentRecords.recordNumber });
      return { recordNumber: row!.recordNumber };
    },
  };
}
