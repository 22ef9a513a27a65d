import {
  manifestationIdentityLabels,
  manifestationKindLabels,
  manifestationStatusLabels,
  type OmbudsmanManifestation,
  type OmbudsmanUnit,
  ombudsmanUnitLabels,
  ombudsmanUnits,
} from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { LegalClockBadge } from './LegalClockBadge';
import {
  answerManifestation,
  extendDeadline,
  fetchManifestation,
  fetchOmbudsmanQueue,
  messageCitizen,
  routeManifestation,
} from './ombudsman-api';

/**
 * Ouvidoria: the queue with both clocks (the answer's 30 + 30 days, Lei 13.460 art. 16; the unit's
 * 20 + 20), and per manifestation: route to the responsible unit, extend once with justification,
 * write to the citizen, answer. Opening one is audited (it shows who filed a confidential one).
 */
export function OmbudsmanQueuePage() {
  useDocumentTitle('Ouvidoria');
  const { data, error, loading, reload } = useApiData(fetchOmbudsmanQueue);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <Breadcrumb items={[{ label: 'Ouvidoria' }]} />
      <h1>Ouvidoria — manifestações</h1>
      <ApiErrorMessage error={error} />
      {loading ? (
        <Loading />
      ) : data?.items.length ? (
        <table className="br-table" data-testid="ombudsman-queue">
          <thead>
            <tr>
              <th>Protocolo</th>
              <th>Tipo</th>
              <th>Identificação</th>
              <th>Assunto</th>
              <th>Situação</th>
              <th>Prazo de resposta</th>
              <th>Unidade (prazo)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.items.map((m) => (
              <tr key={m.id} data-testid="ombudsman-item">
                <td>{m.protocol}</td>
                <td>{manifestationKindLabels[m.kind]}</td>
                <td>{manifestationIdentityLabels[m.identity]}</td>
                <td>
                  {m.subject}
                  {m.citizenWaiting && <span className="br-tag warning small ml-1">nova mensagem</span>}
                </td>
                <td>{manifestationStatusLabels[m.status]}</td>
                <td>
                  <LegalClockBadge clock={m.clock} />
                </td>
                <td>
                  {m.unit ? ombudsmanUnitLabels[m.unit] : '—'} {m.unitClock && <LegalClockBadge clock={m.unitClock} />}
                </td>
                <td>
                  <button type="button" className="br-button secondary small" onClick={() => setOpenId(m.id)}>
                    Abrir
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Nenhuma manifestação recebida.</p>
      )}
      {openId && <ManifestationPanel key={openId} id={openId} onChanged={reload} />}
    </>
  );
}

function ManifestationPanel({ id, onChanged }: { id: string; onChanged: () => void }) {
  const load = useCallback((signal: AbortSignal) => fetchManifestation(id, signal), [id]);
  const { data, error, loading, setData } = useApiData(load);
  const [unit, setUnit] = useState<OmbudsmanUnit>('politec');
  const [note, setNote] = useState('');
  const [justification, setJustification] = useState('');
  const [message, setMessage] = useState('');
  const [answer, setAnswer] = useState('');
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const act = async (f: () => Promise<OmbudsmanManifestation>) => {
    setActionError(null);
    try {
      const next = await f();
      setData(() => next);
      onChanged();
    } catch (e) {
      setActionError(toApiError(e));
    }
  };
  if (loading) return <Loading />;
  if (!data) return <ApiErrorMessage error={error} />;
  const open = data.status !== 'answered';
  return (
    <section className="br-card p-3 mt-4" aria-label={`Manifestação ${data.protocol}`} data-testid="ombudsman-panel">
      <h2>
        {data.protocol} — {manifestationKindLabels[data.kind]}: {data.subject}
      </h2>
      <ApiErrorMessage error={actionError} />
      <p>
        {manifestationIdentityLabels[data.identity]}.{' '}
        {data.requester ? (
          <>
            Manifestante: <strong>{data.requester.name}</strong> (CPF {data.requester.cpf}
            {data.requester.email && `, ${data.requester.email}`})
            {data.identity === 'confidential' && ' — identidade sigilosa: não repasse à unidade.'}
          </>
        ) : (
          'Sem identificação.'
        )}
      </p>
      <p style={{ whiteSpace: 'pre-wrap' }}>{data.description}</p>
      <p>
        Prazo de resposta: <LegalClockBadge clock={data.clock} />
        {data.clock?.extensionReason && <> — justificativa: {data.clock.extensionReason}</>}
      </p>
      {data.unit && (
        <p>
          Encaminhada a {ombudsmanUnitLabels[data.unit]} ({data.routingNote}). Prazo da unidade: <LegalClockBadge clock={data.unitClock} />
          {data.unitAnswer && (
            <>
              <br />
              Resposta da unidade: <em>{data.unitAnswer}</em>
            </>
          )}
        </p>
      )}
      <h3>Mensagens com o manifestante</h3>
      <ul className="list-unstyled">
        {data.messages.map((m) => (
          <li key={m.at + m.from}>
            <strong>{m.from === 'citizen' ? 'Manifestante' : 'Ouvidoria'}</strong> ({formatDateTime(m.at)}): {m.text}
          </li>
        ))}
      </ul>
      <TextAreaField id="ombudsman-message" label="Mensagem ao manifestante" value={message} onChange={setMessage} maxLength={4000} />
      <button
        type="button"
        className="br-button secondary mt-1"
        onClick={() => void act(() => messageCitizen(id, message)).then(() => setMessage(''))}
      >
        Enviar mensagem
      </button>
      {open && (
        <>
          <h3 className="mt-3">Encaminhar à unidade responsável</h3>
          <SelectField
            id="ombudsman-unit"
            label="Unidade"
            value={unit}
            options={ombudsmanUnits.map((u) => ({ value: u, label: ombudsmanUnitLabels[u] }))}
            onChange={(v) => setUnit(v as OmbudsmanUnit)}
          />
          <TextAreaField id="ombudsman-route-note" label="Orientação à unidade" value={note} onChange={setNote} maxLength={2000} />
          <button type="button" className="br-button secondary mt-1" onClick={() => void act(() => routeManifestation(id, unit, note))}>
            Encaminhar (prazo de 20 dias)
          </button>
          {!data.clock?.extended && (
            <>
              <h3 className="mt-3">Prorrogar o prazo (uma única vez, por 30 dias)</h3>
              <TextAreaField
                id="ombudsman-extend"
                label="Justificativa"
                value={justification}
                onChange={setJustification}
                maxLength={2000}
              />
              <button type="button" className="br-button secondary mt-1" onClick={() => void act(() => extendDeadline(id, justification))}>
                Prorrogar prazo
              </button>
            </>
          )}
          <h3 className="mt-3">Resposta conclusiva</h3>
          <TextAreaField id="ombudsman-answer" label="Resposta ao manifestante" value={answer} onChange={setAnswer} maxLength={8000} />
          <button type="button" className="br-button primary mt-1" onClick={() => void act(() => answerManifestation(id, answer))}>
            Responder e concluir
          </button>
        </>
      )}
      {!open && data.answer && (
        <p className="mt-3">
          Resposta enviada: <em>{data.answer}</em>
        </p>
      )}
    </section>
  );
}
