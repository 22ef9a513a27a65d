import { type Complaint, type ComplaintStatus, complaintStatusLabels, complaintSubjectLabels } from '@vigia/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { SelectField } from '../../../shared/components/SelectField';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { formatDateTime } from '../../../shared/format';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { NotFound } from '../../../shared/pages/NotFound';
import { getComplaint, listComplaints, publishOutcome, triageComplaint } from '../obligations-api';
import { paths } from '../paths';
import { Card } from '../shared/Card';
import { Tag, type Tone } from '../shared/Tag';
import { TermSelect } from '../shared/TermSelect';
import { useWrite } from '../shared/use-write';

const base = paths.committeeComplaints;
const tone: Record<ComplaintStatus, Tone> = { received: 'warning', investigating: 'info', dismissed: '', closed: 'success' };

/** SESP complaints triage (Art. 28 §2): link to a cooperation, investigate or dismiss, publish the outcome. */
export function ComplaintsArea() {
  return (
    <Routes>
      <Route index element={<ComplaintsPage />} />
      <Route path=":complaintId" element={<ComplaintPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function ComplaintsPage() {
  useDocumentTitle('Denúncias');
  const { data: complaints, error, loading } = useApiData(listComplaints);
  return (
    <>
      <Breadcrumb items={[{ label: 'Denúncias' }]} />
      <h1>Denúncias</h1>
      <p>Denúncias de irregularidades recebidas pelo portal, anônimas ou identificadas (Decreto nº 1.522/2022, art. 28, § 2º).</p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando denúncias…" />}
      {complaints && complaints.length === 0 && <p>Nenhuma denúncia recebida.</p>}
      {complaints && complaints.length > 0 && (
        <div className="br-table vigia-table-wrap">
          <table aria-label="Denúncias recebidas">
            <thead>
              <tr>
                <th scope="col">Protocolo</th>
                <th scope="col">Sobre</th>
                <th scope="col">Recebida em</th>
                <th scope="col">Situação</th>
                <th scope="col">Cooperação</th>
              </tr>
            </thead>
            <tbody>
              {complaints.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`${base}/${c.id}`} aria-label={`Abrir denúncia ${c.protocol}`}>
                      {c.protocol}
                    </Link>
                  </th>
                  <td>
                    {complaintSubjectLabels[c.about]}: {c.subject}
                  </td>
                  <td>{formatDateTime(c.createdAt)}</td>
                  <td>
                    <Tag tone={tone[c.status]}>{complaintStatusLabels[c.status]}</Tag>
                  </td>
                  <td>{c.termNumber ? `${c.termNumber} — ${c.partnerName ?? ''}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function ComplaintPage() {
  const { complaintId = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getComplaint(complaintId, signal), [complaintId]);
  const { data: c, error, loading, setData } = useApiData(load);
  useDocumentTitle(c ? `Denúncia ${c.protocol}` : 'Denúncia');
  const [status, setStatus] = useState<'investigating' | 'dismissed'>('investigating');
  const [termId, setTermId] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const triage = useWrite<Complaint>((x) => {
    setData(() => x);
    setNotice('Triagem registrada.');
  });
  const publish = useWrite<Complaint>((x) => {
    setData(() => x);
    setNotice('Resultado publicado: o cidadão o vê ao consultar o protocolo.');
  });
  function submitTriage(e: FormEvent) {
    e.preventDefault();
    void triage.run(() => triageComplaint(complaintId, { status, termId: termId || null, note: note.trim() }));
  }
  function submitOutcome(e: FormEvent) {
    e.preventDefault();
    void publish.run(() => publishOutcome(complaintId, outcome.trim()));
  }
  return (
    <>
      <Breadcrumb items={[{ label: 'Denúncias', to: base }, { label: c ? c.protocol : 'Denúncia' }]} />
      <h1>{c ? `Denúncia ${c.protocol}` : 'Denúncia'}</h1>
      <ApiErrorMessage error={error} />
      {loading && <Loading />}
      {notice && <Message kind="success">{notice}</Message>}
      {c && (
        <>
          <dl className="vigia-facts" aria-label="Dados da denúncia">
            <dt>Situação</dt>
            <dd>
              <Tag tone={tone[c.status]}>{complaintStatusLabels[c.status]}</Tag>
            </dd>
            <dt>Denunciante</dt>
            <dd>{c.anonymous ? 'Anônima' : `${c.name ?? ''}${c.email ? ` (${c.email})` : ''}`}</dd>
            <dt>Sobre</dt>
            <dd>
              {complaintSubjectLabels[c.about]}: {c.subject}
            </dd>
            <dt>Município (IBGE)</dt>
            <dd>{c.municipalityIbge ?? '—'}</dd>
            <dt>Recebida em</dt>
            <dd>{formatDateTime(c.createdAt)}</dd>
            <dt>Descrição</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{c.description}</dd>
            <dt>Cooperação vinculada</dt>
            <dd>{c.termNumber ? `${c.termNumber} — ${c.partnerName ?? ''}` : '—'}</dd>
            {c.triageNote && (
              <>
                <dt>Nota da triagem</dt>
                <dd>{c.triageNote}</dd>
              </>
            )}
            {c.outcome && (
              <>
                <dt>Resultado publicado</dt>
                <dd>{c.outcome}</dd>
              </>
            )}
          </dl>
          {c.status === 'received' && (
            <Card id="triage-title" title="Triagem">
              <ApiErrorMessage error={triage.error} />
              <form onSubmit={submitTriage} noValidate aria-label="Triagem da denúncia" className="vigia-form-grid">
                <SelectField
                  id="triage-status"
                  label="Encaminhamento"
                  value={status}
                  onChange={(v) => setStatus(v as 'investigating')}
                  options={[
                    { value: 'investigating', label: 'Apurar' },
                    { value: 'dismissed', label: 'Arquivar' },
                  ]}
                />
                <TermSelect
                  id="triage-term"
                  value={termId}
                  onChange={setTermId}
                  activeOnly={false}
                  label="Cooperação relacionada (opcional)"
                  placeholder="Nenhuma"
                />
                <TextAreaField
                  id="triage-note"
                  label="Nota da triagem"
                  hint="Mínimo de 10 caracteres."
                  value={note}
                  onChange={setNote}
                  error={triage.error?.fieldMessage('note')}
                />
                <div>
                  <button className="br-button primary" type="submit" disabled={triage.busy}>
                    Registrar triagem
                  </button>
                </div>
              </form>
            </Card>
          )}
          {c.status !== 'received' && !c.outcomePublishedAt && (
            <Card id="outcome-title" title="Publicar resultado">
              <ApiErrorMessage error={publish.error} />
              <form onSubmit={submitOutcome} noValidate aria-label="Publicar resultado">
                <TextAreaField
                  id="complaint-outcome"
                  label="Resultado (visível na consulta pública do protocolo)"
                  value={outcome}
                  onChange={setOutcome}
                  error={publish.error?.fieldMessage('outcome')}
                />
                <button className="br-button primary mt-2" type="submit" disabled={publish.busy}>
                  Publicar resultado
                </button>
              </form>
            </Card>
          )}
        </>
      )}
    </>
  );
}
