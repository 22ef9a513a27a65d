import type { Queryable } from '../../db/client.js';
import { newCitizenProtocol } from '../citizen-accounts/citizen-protocol.js';

/**
 * The police-records adapter: how a validated online report reaches the civil police's system of
 * record and gets its number there, printed on the PDF. The platform ships
 * `platformPoliceRecords`: the report row itself is the store, and the number is random like the
 * protocols (no counter to race on between API processes). A state plugs its own system in by
 * implementing this interface (contract in docs/citizen-services.md).
 */
export interface ValidatedReport {
  /** The platform's report id: registering the same one twice must return the same number. */
  reportId: string;
  protocol: string;
  kind: string;
  stationId: string | null;
  occurredAt: Date;
  municipalityIbge: string | null;
}

export interface PoliceRecordsAdapter {
  register(report: ValidatedReport, at: Date): Promise<{ reportNumber: string }>;
}

export function platformPoliceRecords(_db: Queryable): PoliceRecordsAdapter {
  return {
    async register(_report, at) {
      return { reportNumber: newCitizenProtocol('BO', at) };
    },
  };
}
