import {
  footageAvailabilities,
  footageAvailabilityLabels,
  type ReleaseDecision,
  type ReleaseRequest,
  releaseDecisionLabels,
  releaseDecisions,
  releaseStatusLabels,
  releaseUrgencyLabels,
  requesterKindLabels,
} from '@vigia/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { useParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { useSession } from '../session/session-context';
import {
  addReleaseNote,
  closeReleaseRequest,
  decideReleaseRequest,
  getReleaseRequest,
  releaseDocumentUrl,
  retryDelivery,
  tryDownloadDelivery,
} from './releases-api';

/** One release request: data, cameras, evidence locks, instruction, decision act and delivery. */
export function ReleaseRequestPage() {
  const { id = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getReleaseRequest(id, signal), [id]);
  const { data: r, error, loading, setData } = useApiData(load);
  useDocumentTitle(r ? `Pedido ${r.number}` : 'Pedido de cessão');
  const { activeRole } = useSession();
  if (loading) return <Loading label="Carregando pedido…" />;
  if (!r) return <ApiErrorMessage error={error} />;
  const update = (next: ReleaseRequest) => setData(() => next);
  const open = ['submitted', 'in_analysis', 'instructed'].includes(r.status);
  return (
    <>
      <Breadcrumb items={[{ label: 'Cessão de imagens', to: '..' }, { label: r.number }]} />
      <h1>Pedido {r.number}</h1>
      <p>
        <span className="br-tag text" data-testid="release-status">
          {releaseStatusLabels[r.status]}
        </span>{' '}
        {r.urgency === 'urgent' && <span className="br-tag text danger">{releaseUrgencyLabels.urgent}</span>}
      </p>
      <dl className="vigia-dl">
        <dt>Requerente</dt>
        <dd>
          {r.requesterName} — {r.requesterRole}, {r.requesterOrganisation} ({requesterKindLabels[r.requesterKind]})
          {r.filedOnBehalf ? ' — registrado por operador em nome do requerente' : ''}
        </dd>
        <dt>Processo</dt>
        <dd>{r.caseNumber}</dd>
        <dt>Período pedido</dt>
        <dd>
          {formatDateTime(r.from)} a {formatDateTime(r.to)}
        </dd>
        <dt>Fundamentação</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{r.legalGrounds}</dd>
        <dt>Protocolo</dt>
        <dd>{formatDateTime(r.createdAt)}</dd>
      </dl>

      <h2 className="h4">Câmeras e preservação das imagens</h2>
      <ul>
        {r.cameras.map((c) => {
          const lock = r.locks.find((l) => l.cameraId === c.cameraId);
          return (
            <li key={c.cameraId}>
              {c.name}
              {c.granted === true && ' — cedida'}
              {c.granted === false && ' — não cedida'}
              {lock &&
                (lock.releasedAt
                  ? ` · preservação encerrada em ${formatDateTime(lock.releasedAt)}`
                  : ' · imagens preservadas (bloqueadas contra exclusão)')}
            </li>
          );
        })}
      </ul>

      <h2 className="h4">Instrução</h2>
      {r.notes.length === 0 && <p>Sem notas de instrução.</p>}
      <ul>
        {r.notes.map((n) => (
          <li key={n.id}>
            {formatDateTime(n.createdAt)} — {n.authorName}: <strong>{footageAvailabilityLabels[n.availability]}</strong>. {n.text}
          </li>
        ))}
      </ul>
      {activeRole === 'committee_member' && open && <NoteForm id={r.id} onSaved={update} />}

      <h2 className="h4">Decisão</h2>
      {r.decision ? (
        <>
          <p>
            <strong>{releaseDecisionLabels[r.decision]}</strong> em {formatDateTime(r.decidedAt!)}
            {r.grantedFrom && r.grantedTo && ` — período cedido: ${formatDateTime(r.grantedFrom)} a ${formatDateTime(r.grantedTo)}`}
          </p>
          <p style={{ whiteSpace: 'pre-wrap' }}>{r.decisionReasons}</p>
        </>
      ) : (
        <p>Aguardando {r.status === 'instructed' ? 'decisão da autoridade de cessão' : 'conclusão da instrução'}.</p>
      )}
      {r.documents.map((d) => (
        <p key={d.id}>
          <a href={releaseDocumentUrl(r.id, d.id)} download>
            <i className="fas fa-file-pdf mr-1" aria-hidden="true" />
            {d.title}
          </a>{' '}
          — código de autenticação <code data-testid="authenticity-code">{d.code}</code> (<a href={`/verificar/${d.code}`}>verificar</a>)
        </p>
      ))}
      {activeRole === 'release_authority' && r.status === 'instructed' && <DecisionForm r={r} onSaved={update} />}
      {activeRole === 'release_authority' && (r.status === 'granted' || r.status === 'partially_granted') && (
        <CloseForm id={r.id} onSaved={update} />
      )}

      {r.delivery && (
        <>
          <h2 className="h4">Entrega</h2>
          {r.delivery.packageStatus === 'ready' ? (
            <Message kind="success" title="Pacote pronto">
              As gravações cedidas foram exportadas num pacote ZIP assinado (MP4, manifesto SHA-256 assinado, cadeia de custódia e
              instruções de verificação). Download exclusivo da conta do requerente, até {formatDateTime(r.delivery.expiresAt)}; cada acesso
              é registrado na trilha de auditoria. Confira a integridade em <a href="/verificar-exportacao">/verificar-exportacao</a>.
            </Message>
          ) : r.delivery.packageStatus === 'failed' ? (
            <Message kind="danger" title="Falha na montagem do pacote">
              {r.delivery.failureReason ?? 'Não foi possível montar o pacote das imagens cedidas.'}
              {r.delivery.retryUrl && <RetryDeliveryButton url={r.delivery.retryUrl} onDone={update} />}
            </Message>
          ) : (
            <Message kind="info" title="Pacote em preparação">
              As gravações cedidas estão sendo exportadas e assinadas. A entrega está vinculada à conta do requerente, válida até{' '}
              {formatDateTime(r.delivery.expiresAt)}; cada acesso é registrado na trilha de auditoria.
            </Message>
          )}
          {r.delivery.downloadUrl &&
            r.delivery.packageStatus !== 'failed' &&
            (r.delivery.packageStatus === 'ready' ? (
              <a className="br-button secondary" href={r.delivery.downloadUrl} download>
                <i className="fas fa-download mr-1" aria-hidden="true" />
                Baixar imagens cedidas (ZIP)
              </a>
            ) : (
              <DeliveryButton url={r.delivery.downloadUrl} />
            ))}
        </>
      )}
    </>
  );
}

function DeliveryButton({ url }: { url: string }) {
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <>
      <button
        className="br-button secondary"
        type="button"
        onClick={() => {
          setError(null);
          tryDownloadDelivery(url).catch((e: unknown) => setError(toApiError(e)));
        }}
      >
        <i className="fas fa-download mr-1" aria-hidden="true" />
        Baixar imagens cedidas
      </button>
      <ApiErrorMessage error={error} />
    </>
  );
}

function NoteForm({ id, onSaved }: { id: string; onSaved: (r: ReleaseRequest) => void }) {
  const [availability, setAvailability] = useState<(typeof footageAvailabilities)[number]>('not_checked');
  const [text, setText] = useState('');
  const [conclude, setConclude] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      onSaved(await addReleaseNote(id, { availability, text, concludeInstruction: conclude }));
      setText('');
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <form onSubmit={submit} className="mb-3" noValidate>
      <SelectField
        id="availability"
        label="Disponibilidade das imagens"
        value={availability}
        onChange={(v) => setAvailability(v as typeof availability)}
        options={footageAvailabilities.map((a) => ({ value: a, label: footageAvailabilityLabels[a] }))}
      />
      <TextAreaField id="note" label="Nota de instrução" value={text} onChange={setText} error={error?.fieldMessage('text')} />
      <div className="br-checkbox">
        <input id="conclude" type="checkbox" checked={conclude} onChange={(e) => setConclude(e.target.checked)} />
        <label htmlFor="conclude">Concluir a instrução e enviar à autoridade de cessão</label>
      </div>
      <ApiErrorMessage error={error} />
      <button className="br-button secondary mt-2" type="submit">
        Registrar nota
      </button>
    </form>
  );
}

function DecisionForm({ r, onSaved }: { r: ReleaseRequest; onSaved: (r: ReleaseRequest) => void }) {
  const [decision, setDecision] = useState<ReleaseDecision>('granted');
  const [reasons, setReasons] = useState('');
  const [granted, setGranted] = useState<string[]>(r.cameras.map((c) => c.cameraId));
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      onSaved(
        await decideReleaseRequest(r.id, { decision, reasons, ...(decision === 'partially_granted' ? { grantedCameraIds: granted } : {}) }),
      );
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <form onSubmit={submit} className="mb-3" noValidate>
      <SelectField
        id="decision"
        label="Decisão"
        value={decision}
        onChange={(v) => setDecision(v as ReleaseDecision)}
        options={releaseDecisions.map((d) => ({ value: d, label: releaseDecisionLabels[d] }))}
      />
      {decision === 'partially_granted' && (
        <fieldset>
          <legend>Câmeras cedidas</legend>
          {r.cameras.map((c) => (
            <div className="br-checkbox" key={c.cameraId}>
              <input
                id={`grant-${c.cameraId}`}
                type="checkbox"
                checked={granted.includes(c.cameraId)}
                onChange={(e) => setGranted((g) => (e.target.checked ? [...g, c.cameraId] : g.filter((x) => x !== c.cameraId)))}
              />
              <label htmlFor={`grant-${c.cameraId}`}>{c.name}</label>
            </div>
          ))}
        </fieldset>
      )}
      <TextAreaField
        id="reasons"
        label="Fundamentação da decisão"
        value={reasons}
        onChange={setReasons}
        error={error?.fieldMessage('reasons')}
      />
      <ApiErrorMessage error={error} />
      <button className="br-button primary mt-2" type="submit">
        Decidir e emitir o ato
      </button>
    </form>
  );
}

function CloseForm({ id, onSaved }: { id: string; onSaved: (r: ReleaseRequest) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <form
      className="mb-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        closeReleaseRequest(id, reason).then(onSaved, (err: unknown) => setError(toApiError(err)));
      }}
    >
      <TextAreaField
        id="close-reason"
        label="Motivo do encerramento (libera a preservação das imagens)"
        value={reason}
        onChange={setReason}
      />
      <ApiErrorMessage error={error} />
      <button className="br-button secondary mt-2" type="submit">
        Encerrar pedido
      </button>
    </form>
  );
}

/** "Tentar novamente" (release authority): queues the failed package again (audited). */
function RetryDeliveryButton({ url, onDone }: { url: string; onDone(r: ReleaseRequest): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await retryDelivery(url));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mt-2">
      <button type="button" className="br-button secondary" disabled={busy} onClick={() => void retry()}>
        Tentar novamente
      </button>
      {error && <ApiErrorMessage error={error} />}
    </div>
  );
}
