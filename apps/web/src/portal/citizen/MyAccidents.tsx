import { accidentEventLabels, accidentStatusLabels } from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { confirmParticipation, fetchMyAccidents, fetchParticipations } from './citizen-api';

/** "Meus serviços": the citizen's accident declarations and the ones naming them as another party. */
export function MyAccidents() {
  const load = useCallback(async (signal: AbortSignal) => {
    const [mine, named] = await Promise.all([fetchMyAccidents(signal), fetchParticipations(signal)]);
    return { declarations: mine.declarations, participations: named.participations };
  }, []);
  const { data, error, reload } = useApiData(load);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  async function confirm(id: string) {
    setActionError(null);
    try {
      await confirmParticipation(id);
      reload();
    } catch (e) {
      setActionError(toApiError(e));
    }
  }
  return (
    <>
      <h3>Certidão de acidente de trânsito sem vítimas</h3>
      <p>
        <Link className="br-button secondary small" to="/cidadao/acidente">
          Declarar acidente
        </Link>
      </p>
      <ApiErrorMessage error={error ?? actionError} />
      <ul>
        {data?.declarations.map((d) => (
          <li key={d.id} className="br-card p-2 mb-2" data-testid="accident-declaration">
            Protocolo <strong>{d.protocol}</strong> — acidente em {formatDateTime(d.occurredAt)}, {d.municipality}. Situação:{' '}
            <strong data-testid="accident-status">{accidentStatusLabels[d.status]}</strong>
            {d.deadlineAt && <> — prazo da análise: {formatDateTime(d.deadlineAt)} (Lei 9.051/1995)</>}
            {d.answer && <> — motivo: {d.answer}</>}
            {d.status === 'corrections_requested' && (
              <>
                {' '}
                <Link className="br-button primary small" to={`/cidadao/acidente/${d.id}/corrigir`}>
                  Corrigir e reenviar
                </Link>
              </>
            )}
            {d.code && (
              <>
                {' '}
                — código <strong data-testid="accident-code">{d.code}</strong>.{' '}
                <a href={`/api/citizen/accident-certificates/${d.id}/pdf`}>Baixar certidão (PDF)</a>
              </>
            )}
            <details className="mt-1">
              <summary>Histórico (versão {d.version})</summary>
              <ul>
                {d.history.map((h, i) => (
                  <li key={`${h.at}-${i}`}>
                    {formatDateTime(h.at)} — {accidentEventLabels[h.kind]}
                    {h.note && <>: {h.note}</>}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      {data?.participations.length ? (
        <>
          <h4>Acidentes em que você foi indicado como parte</h4>
          <ul>
            {data.participations.map((p) => (
              <li key={p.id} className="br-card p-2 mb-2" data-testid="accident-participation">
                Protocolo <strong>{p.protocol}</strong> — {formatDateTime(p.occurredAt)}, {p.municipality} ({p.placeDescription}). Seu
                veículo: {p.me.plate ?? '—'}. Outros veículos: {p.others.map((o) => o.plate ?? 'sem placa').join(', ')}.
                <blockquote className="mt-1">{p.narrative}</blockquote>
                {p.me.confirmedAt ? (
                  <p>Você confirmou sua participação em {formatDateTime(p.me.confirmedAt)}.</p>
                ) : p.status === 'submitted' || p.status === 'corrections_requested' ? (
                  <button type="button" className="br-button primary small" onClick={() => void confirm(p.id)}>
                    Confirmar minha participação
                  </button>
                ) : (
                  <p>{accidentStatusLabels[p.status]}.</p>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
