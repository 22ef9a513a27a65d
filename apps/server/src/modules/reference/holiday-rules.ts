import { lazy, readCsvDataset, required } from './csv.js';

/** Scopes used by datasets/feriados_mt_cuiaba_regras.csv. */
export type HolidayRuleScope = 'nacional' | 'nacional_religioso' | 'estadual_MT' | 'municipal_Cuiaba';
/** `feriado` is a holiday; every `ponto_facultativo*` is an optional day off (still a business day). */
export type HolidayRuleType = 'feriado' | 'ponto_facultativo' | 'ponto_facultativo_ate_12h' | 'ponto_facultativo_ate_14h';

export type HolidayDateRule =
  | { kind: 'fixed'; month: number; day: number }
  /** Days relative to Easter Sunday (pascoa-2 = Good Friday, pascoa+60 = Corpus Christi). */
  | { kind: 'easter'; offsetDays: number };

export interface HolidayRule {
  scope: HolidayRuleScope;
  date: HolidayDateRule;
  name: string;
  type: HolidayRuleType;
  legalBasis: string;
  note: string | null;
}

const SCOPES: readonly HolidayRuleScope[] = ['nacional', 'nacional_religioso', 'estadual_MT', 'municipal_Cuiaba'];
const TYPES: readonly HolidayRuleType[] = ['feriado', 'ponto_facultativo', 'ponto_facultativo_ate_12h', 'ponto_facultativo_ate_14h'];

export function parseHolidayDateRule(text: string): HolidayDateRule {
  const fixed = /^(\d{2})-(\d{2})$/.exec(text);
  if (fixed) return { kind: 'fixed', month: Number(fixed[1]), day: Number(fixed[2]) };
  const easter = /^pascoa([+-]\d+)?$/.exec(text);
  if (easter) return { kind: 'easter', offsetDays: Number(easter[1] ?? 0) };
  throw new Error(`feriados_mt_cuiaba_regras.csv: bad date rule "${text}"`);
}

const load = lazy((): readonly HolidayRule[] =>
  Object.freeze(
    readCsvDataset('feriados_mt_cuiaba_regras.csv').map((row): HolidayRule => {
      const scope = required(row, 'escopo') as HolidayRuleScope;
      const type = required(row, 'tipo') as HolidayRuleType;
      if (!SCOPES.includes(scope)) throw new Error(`feriados_mt_cuiaba_regras.csv: scope ${scope}`);
      if (!TYPES.includes(type)) throw new Error(`feriados_mt_cuiaba_regras.csv: type ${type}`);
      return {
        scope,
        date: parseHolidayDateRule(required(row, 'regra_data')),
        name: required(row, 'nome'),
        type,
        legalBasis: required(row, 'base_legal'),
        note: row.observacao ? row.observacao : null,
      };
    }),
  ),
);

/** Holiday and optional-day rules for Brazil, Mato Grosso and Cuiabá. */
export function loadHolidayRules(): readonly HolidayRule[] {
  return load();
}
