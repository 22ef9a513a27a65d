import { type ApplicantKind, applicantKindLabels } from '@vigia/contracts';

interface Values {
  kind: string;
  name: string;
  document: string;
  legalRepresentative: unknown;
}

/** The identity fields of a partner as a DS description list (current or proposed). */
export function IdentityValues({ values }: { values: Values }) {
  const rep = (values.legalRepresentative ?? {}) as Record<string, string>;
  return (
    <dl className="vigia-facts">
      <dt>Tipo</dt>
      <dd>{applicantKindLabels[values.kind as ApplicantKind] ?? values.kind}</dd>
      <dt>Nome ou razão social</dt>
      <dd>{values.name}</dd>
      <dt>CPF/CNPJ</dt>
      <dd>{values.document}</dd>
      <dt>Representante legal</dt>
      <dd>
        {rep.name ?? '—'}
        {rep.cpf ? ` (CPF ${rep.cpf})` : ''}
        {rep.position ? `, ${rep.position}` : ''}
      </dd>
    </dl>
  );
}
