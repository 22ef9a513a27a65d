import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { formatDateTime } from '../../shared/format';
import { type MissionDetail, onConvocation } from './protection-api';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : 'pendente');

/** Convocations (arts. 9º e 10): the immediate superior acknowledges, the officer presents. */
export function ConvocationsTable({
  missionId,
  convocations,
  onChange,
}: {
  missionId: string;
  convocations: MissionDetail['convocations'];
  onChange: () => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  if (convocations.length === 0) return null;
  const run = async (cid: string, step: 'acknowledge' | 'present') => {
    setError(null);
    try {
      await onConvocation(missionId, cid, step);
      onChange();
    } catch (e) {
      setError(toApiError(e));
    }
  };
  return (
    <section aria-labelledby="convocations-title">
      <h2 id="convocations-title">Convocações</h2>
      <ApiErrorMessage error={error} />
      <div className="br-table vigia-table-wrap">
        <table>
          <caption>Equipe convocada</caption>
          <thead>
            <tr>
              <th scope="col">Policial</th>
              <th scope="col">Unidade / função</th>
              <th scope="col">Ciência do superior (art. 10, § 1º)</th>
              <th scope="col">Apresentação (§ 2º)</th>
              <th scope="col">Checklist (art. 22)</th>
            </tr>
          </thead>
          <tbody>
            {convocations.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.officer}</th>
                <td>
                  {c.unit} — {c.role}
                </td>
                <td>
                  {c.superior ? `${c.superior}: ${when(c.acknowledgedAt)}` : 'CORE'}
                  {c.mine === 'superior' && !c.acknowledgedAt && (
                    <button type="button" className="br-button secondary small ml-2" onClick={() => run(c.id, 'acknowledge')}>
                      Dar ciência
                    </button>
                  )}
                </td>
                <td>
                  {when(c.presentedAt)}
                  {c.mine === 'officer' && c.acknowledgedAt && !c.presentedAt && (
                    <button type="button" className="br-button secondary small ml-2" onClick={() => run(c.id, 'present')}>
                      Apresentar-me
                    </button>
                  )}
                </td>
                <td>{when(c.checklistSignedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
