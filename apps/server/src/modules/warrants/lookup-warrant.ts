import { type WarrantLookupInput, type WarrantLookupResult, warrantLookupFields } from '@vigia/contracts';
import type { Clock } from '../../config/clock.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { todayOn } from '../calendar/clock.js';
import { personKeyOf, recordLookups } from '../citizen-accounts/citizen-lookups.js';
import type { WarrantQuery, WarrantsAdapter } from './warrants.adapter.js';

export interface WarrantLookupDeps {
  db: Db;
  clock: Clock;
  warrants: WarrantsAdapter;
  /** HMAC key of person keys (name-based queries in "who looked me up"). */
  personKeySecret: string;
}

const BY = 'consulta pública de mandado de prisão (portal, anônima)';
const PURPOSE = 'verificar se há mandado de prisão pendente';

/**
 * Reads the identifiers of a query, or refuses it with a stable code before anything is read:
 * CPF + birth date, else full name + mother's name + birth date; anything less is
 * WARRANT_IDENTIFIERS_REQUIRED (so a partial name, or a name alone, never reaches the store).
 */
export function warrantQueryOf(input: WarrantLookupInput): WarrantQuery {
  const { cpf, name, motherName, birthDate } = input;
  const birth = () => {
    const parsed = warrantLookupFields.birthDate.safeParse(birthDate);
    if (!parsed.success) throw new AppError('WARRANT_BIRTH_DATE_INVALID');
    return parsed.data;
  };
  if (cpf && birthDate) {
    const parsed = warrantLookupFields.cpf.safeParse(cpf);
    if (!parsed.success) throw new AppError('WARRANT_CPF_INVALID');
    return { by: 'cpf', cpf: parsed.data, birthDate: birth() };
  }
  if (name && motherName && birthDate) {
    const n = warrantLookupFields.name.safeParse(name);
    const m = warrantLookupFields.motherName.safeParse(motherName);
    if (!n.success || !m.success) throw new AppError('WARRANT_NAME_INVALID');
    return { by: 'name', name: n.data, motherName: m.data, birthDate: birth() };
  }
  throw new AppError('WARRANT_IDENTIFIERS_REQUIRED');
}

/**
 * The public lookup (the caller has passed the rate limit and the proof of work). Answers only
 * whether a pending warrant within validity matches, with number, court and date of each — no
 * person data, no free text. Every query is recorded for "who looked me up" (one statement, before
 * the answer: a query that cannot be recorded is not answered): by CPF when the query carried one; by person key (HMAC of the
 * normalised name, mother's name and birth date) when it did not, plus by CPF for every matched
 * warrant that has one (the person is then known). A birth date in the future matches nobody but
 * is still a query, recorded like any other.
 */
export async function lookupWarrant(deps: WarrantLookupDeps, query: WarrantQuery): Promise<WarrantLookupResult> {
  const at = deps.clock.now();
  const found = await deps.warrants.pendingFor(query, todayOn(deps.clock));
  const cpfs = [...new Set(query.by === 'cpf' ? [query.cpf] : found.flatMap((f) => (f.cpf ? [f.cpf] : [])))];
  const personKey = query.by === 'name' ? personKeyOf(deps.personKeySecret, query) : null;
  await recordLookups(deps.db, deps.clock, { cpfs, personKey, by: BY, purpose: PURPOSE });
  return {
    pending: found.length > 0,
    warrants: found.map((f) => ({ number: f.number, court: f.court, issuedOn: f.issuedOn })),
    checkedAt: at.toISOString(),
  };
}
