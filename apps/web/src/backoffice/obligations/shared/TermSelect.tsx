import type { CooperationTerm } from '@vigia/contracts';
import { SelectField } from '../../../shared/components/SelectField';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { listTerms } from '../obligations-api';

interface Props {
  id: string;
  value: string;
  onChange: (termId: string) => void;
  error?: string | undefined;
  /** Only active cooperations (loans, inspections, sanctions need one). */
  activeOnly?: boolean;
  label?: string;
  placeholder?: string;
}

export const termLabel = (t: CooperationTerm) => `${t.number} — ${t.partnerName}${t.status === 'active' ? '' : ' (encerrado)'}`;

/** Picks a cooperation term (GET /api/accreditation/cooperation-terms). */
export function TermSelect({
  id,
  value,
  onChange,
  error,
  activeOnly = true,
  label = 'Termo de cooperação',
  placeholder = 'Selecione a cooperação',
}: Props) {
  const { data, error: loadError } = useApiData(listTerms);
  const terms = (data ?? []).filter((t) => (activeOnly ? t.status === 'active' : t.status !== 'pending_signature'));
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      options={terms.map((t) => ({ value: t.id, label: termLabel(t) }))}
      error={error ?? (loadError ? loadError.message : undefined)}
      required
    />
  );
}
