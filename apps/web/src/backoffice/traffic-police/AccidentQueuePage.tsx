import { type AccidentDeclaration, accidentEventLabels } from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { accidentPhotoUrl, decideAccident, fetchAccident, fetchAccidentQueue } from './traffic-police-api';

/**
 * Traffic police: declarations of non-injury accidents awaiting a decision, oldest legal deadline
 * first (Lei 9.051/1995, 15 days). Opening one is audited; the decision (validate → certificate,
 * ask for corrections, reject) needs reasons except to validate, and the citizen is told by e-mail.
 */
export function AccidentQueuePage() {
  useDocumentTitle('Declarações de acidente de trânsito');
  const { data, error, loading, reload } = useApiData(fetchAccidentQueue);
  const [openId, setOpenId] = useState<string | null>(null);
  const [decided, setDecided] = useState<AccidentDeclaration | null>(null);
  return (
    <>
      <Breadcrumb items={[{ label: 'Declarações de acidente de trânsito' }]} />
      <h1>Declarações de acidente de trânsito sem vítimas</h1>
      <p>Fila da polícia de trânsito: valide (a certidão é emitida), peça correção ou indefira com fundamentação.</p>
      <ApiErrorMessage error={error} />
      {decided && (
        <Message kind="success" title="Decisão registrada">
          Protocolo {decided.protocol}: {decided.statusLabel}
          {decided.code && <> — código {decided.code}</>}.
        </Message>
      )}
      {loading ? (
        <Loading />
      ) : data?.declarations.length ? (
        <table className="br-table">
          <thead>
            <tr>
              <th>Protocolo</th>
              <th>Acidente</th>
              <th>Município</th>
              <th>Partes (confirmadas)</th>
              <th>Prazo</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.declarations.map((d) => (
              <tr key={d.id}>
                <td>{d.protocol}</td>
                <td>{formatDateTime(d.occurredAt)}</td>
                <td>{d.municipality}</td>
                <td>
                  {d.parties.length} ({d.parties.filter((p) => !p.declarant && p.confirmedAt).length} de {d.parties.length - 1})
                </td>
                <td>{d.deadlineAt && formatDateTime(d.deadlineAt)}</td>
                <td>
                  <button type="button" className="br-button secondary small" onClick={() => setOpenId(d.id)}>
                    Analisar
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Nenhuma declaração aguardando análise.</p>
      )}
      {openId && (
        <AccidentReview
          key={openId}
          id={openId}
          onDecided={(d) => {
            setDecided(d);
            setOpenId(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function AccidentReview({ id, onDecided }: { id: string; onDecided: (d: AccidentDeclaration) => void }) {
  const load = useCallback((signal: AbortSignal) => fetchAccident(id, signal), [id]);
  const { data: d, error, loading } = useApiData(load);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function decide(decision: 'validate' | 'corrections' | 'reject') {
    setBusy(true);
    setActionError(null);
    try {
      onDecided(await decideAccident(id, decision === 'validate' ? { decision } : { decision, reason }));
    } catch (e) {
      setActionError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  if (loading) return <Loading />;
  if (!d) return <ApiErrorMessage error={error} />;
  return (
    <section className="br-card p-3 mt-3" aria-label={`Declaração ${d.protocol}`}>
      <h2>Protocolo {d.protocol}</h2>
      <dl className="vigia-facts">
        <dt>Data e hora</dt>
        <dd>{formatDateTime(d.occurredAt)}</dd>
        <dt>Local</dt>
        <dd>
          {d.placeDescription}, {d.municipality} ({d.latitude}, {d.longitude})
        </dd>
        <dt>Versão</dt>
        <dd>{d.version}</dd>
      </dl>
      <table className="br-table">
        <thead>
          <tr>
            <th>Parte</th>
            <th>CPF</th>
            <th>Placa</th>
            <th>Veículo</th>
            <th>Participação</th>
          </tr>
        </thead>
        <tbody>
          {d.parties.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.cpf ?? '—'}</td>
              <td>{p.plate ?? '—'}</td>
              <td>{p.vehicle ?? '—'}</td>
              <td>{p.declarant ? 'Declarante' : p.confirmedAt ? `Confirmada em ${formatDateTime(p.confirmedAt)}` : 'Não confirmada'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Relato</h3>
      <p style={{ whiteSpace: 'pre-wrap' }}>{d.narrative}</p>
      {d.photos.length > 0 && (
        <>
          <h3>Fotos</h3>
          <div className="d-flex flex-wrap" style={{ gap: '0.5rem' }}>
            {d.photos.map((p) => (
              <a key={p.id} href={accidentPhotoUrl(d.id, p.id)}>
                <img src={accidentPhotoUrl(d.id, p.id)} alt={p.originalName} style={{ maxWidth: 240, maxHeight: 180 }} />
              </a>
            ))}
          </div>
        </>
      )}
      <details className="mt-2">
        <summary>Histórico</summary>
        <ul>
          {d.history.map((h, i) => (
            <li key={`${h.at}-${i}`}>
              {formatDateTime(h.at)} — {accidentEventLabels[h.kind]} (versão {h.version}){h.note && <>: {h.note}</>}
            </li>
          ))}
        </ul>
      </details>
      <TextAreaField
        id="accident-reason"
        label="Fundamentação (para pedir correção ou indeferir)"
        value={reason}
        onChange={setReason}
        maxLength={2000}
      />
      <ApiErrorMessage error={actionError} />
      <div className="d-flex flex-wrap mt-2" style={{ gap: '0.5rem' }}>
        <button type="button" className="br-button primary" disabled={busy} onClick={() => void decide('validate')}>
          Validar e emitir certidão
        </button>
        <button type="button" className="br-button secondary" disabled={busy} onClick={() => void decide('corrections')}>
          Pedir correção
        </button>
        <button type="button" className="br-button secondary" disabled={busy} onClick={() => void decide('reject')}>
          Indeferir
        </button>
      </div>
    </section>
  );
}
