import {
  type ComplianceCase,
  complianceCaseKindLabels,
  type Sanction,
  type SanctionDecision,
  SUSPENSION_MAX_MONTHS,
  sanctionDecisionLabels,
} from '@vigia/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { TextField } from '../../../shared/components/TextField';
import { formatDateTime } from '../../../shared/format';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { NotFound } from '../../../shared/pages/NotFound';
import { useSession } from '../../session/session-context';
import {
  closeCase,
  decideSanction,
  getSanction,
  listCases,
  listSanctions,
  notifySanction,
  type Revocation,
  revokeCooperation,
} from '../obligations-api';
import { paths } from '../paths';
import { Card } from '../shared/Card';
import { DocumentsTable } from '../shared/DocumentsTable';
import { SubNav } from '../shared/SubNav';
import { Tag } from '../shared/Tag';
import { TermSelect } from '../shared/TermSelect';
import { useWrite } from '../shared/use-write';
import { SanctionFacts, SanctionsTable } from './SanctionFacts';
import { Scorecard } from './Scorecard';

const base = paths.committeeSanctions;

/** SESP: sanction processes (Art. 30), committee cases, uptime scorecard, revocation (Art. 29, admin). */
export function CommitteeSanctionsArea() {
  const { activeRole } = useSession();
  return (
    <>
      <SubNav
        label="Seções de sanções e acompanhamento"
        items={[
          { to: base, label: 'Processos de sanção', end: true },
          { to: `${base}/casos`, label: 'Casos da comissão' },
          { to: `${base}/disponibilidade`, label: 'Disponibilidade mensal' },
          ...(activeRole === 'admin' ? [{ to: `${base}/revogacao`, label: 'Revogação (art. 29)' }] : []),
        ]}
      />
      <Routes>
        <Route index element={<SanctionsPage />} />
        <Route path="casos" element={<CasesPage />} />
        <Route path="disponibilidade" element={<ScorecardPage />} />
        <Route path="revogacao" element={activeRole === 'admin' ? <RevocationPage /> : <NotFound />} />
        <Route path=":sanctionId" element={<DecidePage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}

function SanctionsPage() {
  useDocumentTitle('Processos de sanção');
  const { data: sanctions, error, loading } = useApiData(listSanctions);
  const navigate = useNavigate();
  const [termId, setTermId] = useState('');
  const [facts, setFacts] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const write = useWrite<Sanction>((s) => navigate(`${base}/${s.id}`));
  function submit(e: FormEvent) {
    e.preventDefault();
    void write.run(() => notifySanction({ termId, facts: facts.trim(), ...(receivedOn ? { receivedOn } : {}) }));
  }
  return (
    <>
      <Breadcrumb items={[{ label: 'Processos de sanção' }]} />
      <h1>Processos de sanção</h1>
      <p>
        Advertência ou suspensão temporária (até 2 anos) com impedimento de nova parceria, após notificação e defesa em 10 dias úteis
        (Decreto nº 1.522/2022, art. 30).
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando processos…" />}
      {sanctions && <SanctionsTable sanctions={sanctions} base={base} />}
      <Card id="notify-title" title="Notificar parceiro (abrir processo)">
        <ApiErrorMessage error={write.error} />
        <form onSubmit={submit} noValidate aria-label="Notificar parceiro" className="vigia-form-grid">
          <TermSelect
            id="sanction-term"
            value={termId}
            onChange={setTermId}
            activeOnly={false}
            error={write.error?.fieldMessage('termId')}
          />
          <TextAreaField
            id="sanction-facts"
            label="Fatos imputados"
            hint="Mínimo de 10 caracteres."
            value={facts}
            onChange={setFacts}
            error={write.error?.fieldMessage('facts')}
          />
          <TextField
            id="sanction-received"
            type="date"
            label="Recebimento da notificação (opcional)"
            hint="Deixe em branco quando entregue pela plataforma (hoje). Use a data do aviso de recebimento postal, se posterior."
            value={receivedOn}
            onChange={setReceivedOn}
            error={write.error?.fieldMessage('receivedOn')}
          />
          <div>
            <button className="br-button primary" type="submit" disabled={write.busy || !termId}>
              Notificar parceiro
            </button>
          </div>
        </form>
      </Card>
    </>
  );
}

function DecidePage() {
  const { sanctionId = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getSanction(sanctionId, signal), [sanctionId]);
  const { data: s, error, loading, setData } = useApiData(load);
  useDocumentTitle(s ? `Processo ${s.number}` : 'Processo de sanção');
  const [decision, setDecision] = useState<SanctionDecision | ''>('');
  const [reasons, setReasons] = useState('');
  const [months, setMonths] = useState('6');
  const [notice, setNotice] = useState<string | null>(null);
  const write = useWrite<Sanction>((x) => {
    setData(() => x);
    setNotice('Decisão registrada e notificada ao parceiro.');
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!decision) return;
    void write.run(() =>
      decideSanction(sanctionId, {
        decision,
        reasons: reasons.trim(),
        ...(decision === 'suspension' ? { suspensionMonths: Number(months) } : {}),
      }),
    );
  }
  return (
    <>
      <Breadcrumb items={[{ label: 'Processos de sanção', to: base }, { label: s ? s.number : 'Processo' }]} />
      <h1>{s ? `Processo de sanção nº ${s.number}` : 'Processo de sanção'}</h1>
      <ApiErrorMessage error={error} />
      {loading && <Loading />}
      {notice && <Message kind="success">{notice}</Message>}
      {s && (
        <>
          <SanctionFacts s={s} />
          {s.status !== 'decided' && (
            <Card id="decide-title" title="Decisão fundamentada">
              {s.defenceOpen && (
                <Message kind="info">O prazo de defesa ainda corre: a decisão só pode ser registrada depois dele ou após a defesa.</Message>
              )}
              <ApiErrorMessage error={write.error} />
              <form onSubmit={submit} noValidate aria-label="Decisão do processo de sanção">
                <fieldset className="mb-2">
                  <legend className="vigia-label">Decisão</legend>
                  {(['warning', 'suspension', 'dismissed'] as const).map((d) => (
                    <div className="vigia-choice" key={d}>
                      <input
                        id={`decide-${d}`}
                        type="radio"
                        name="sanction-decision"
                        checked={decision === d}
                        onChange={() => setDecision(d)}
                      />
                      <label htmlFor={`decide-${d}`}>{sanctionDecisionLabels[d]}</label>
                    </div>
                  ))}
                </fieldset>
                {decision === 'suspension' && (
                  <TextField
                    id="decide-months"
                    type="number"
                    min={1}
                    max={SUSPENSION_MAX_MONTHS}
                    label="Duração da suspensão (meses)"
                    hint={`No máximo ${SUSPENSION_MAX_MONTHS} meses (2 anos, art. 30, II). Durante a suspensão, o parceiro fica impedido de nova habilitação.`}
                    value={months}
                    onChange={setMonths}
                    error={write.error?.fieldMessage('suspensionMonths')}
                  />
                )}
                <TextAreaField
                  id="decide-reasons"
                  label="Fundamentação"
                  hint="Mínimo de 10 caracteres."
                  value={reasons}
                  onChange={setReasons}
                  error={write.error?.fieldMessage('reasons')}
                />
                <button className="br-button primary mt-2" type="submit" disabled={write.busy || !decision}>
                  Registrar decisão
                </button>
              </form>
            </Card>
          )}
        </>
      )}
    </>
  );
}

function CasesPage() {
  useDocumentTitle('Casos da comissão');
  const { data: cases, error, loading, setData } = useApiData(listCases);
  const [closing, setClosing] = useState<ComplianceCase | null>(null);
  const [note, setNote] = useState('');
  const write = useWrite<ComplianceCase>((c) => {
    setData((all) => (all ?? []).map((x) => (x.id === c.id ? c : x)));
    setClosing(null);
    setNote('');
  });
  return (
    <>
      <Breadcrumb items={[{ label: 'Processos de sanção', to: base }, { label: 'Casos da comissão' }]} />
      <h1>Casos da comissão</h1>
      <p>
        Abertos automaticamente: prazo de instalação de 90 dias vencido, câmeras fora do ar por longos períodos e prestações de contas
        rejeitadas.
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading />}
      {cases && cases.length === 0 && <p>Nenhum caso aberto.</p>}
      {cases && cases.length > 0 && (
        <div className="br-table vigia-table-wrap">
          <table aria-label="Casos da comissão">
            <thead>
              <tr>
                <th scope="col">Parceiro</th>
                <th scope="col">Motivo</th>
                <th scope="col">Descrição</th>
                <th scope="col">Aberto em</th>
                <th scope="col">Situação</th>
                <th scope="col">Ações</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.partnerName}</th>
                  <td>{complianceCaseKindLabels[c.kind]}</td>
                  <td>{c.description}</td>
                  <td>{formatDateTime(c.createdAt)}</td>
                  <td>{c.status === 'open' ? <Tag tone="warning">Aberto</Tag> : <Tag tone="success">Encerrado</Tag>}</td>
                  <td>
                    {c.status === 'open' && (
                      <button type="button" className="br-button small secondary" onClick={() => setClosing(c)}>
                        Encerrar
                      </button>
                    )}
                    {c.closedNote}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {closing && (
        <Card id="close-case-title" title={`Encerrar caso de ${closing.partnerName}`}>
          <ApiErrorMessage error={write.error} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void write.run(() => closeCase(closing.id, note.trim()));
            }}
            noValidate
            aria-label="Encerrar caso"
          >
            <TextAreaField
              id="case-note"
              label="Nota de encerramento"
              value={note}
              onChange={setNote}
              error={write.error?.fieldMessage('note')}
            />
            <button className="br-button primary mt-2" type="submit" disabled={write.busy}>
              Encerrar caso
            </button>
          </form>
        </Card>
      )}
    </>
  );
}

function ScorecardPage() {
  useDocumentTitle('Disponibilidade mensal');
  return (
    <>
      <Breadcrumb items={[{ label: 'Processos de sanção', to: base }, { label: 'Disponibilidade mensal' }]} />
      <h1>Disponibilidade mensal</h1>
      <Scorecard choosePartner />
    </>
  );
}

function RevocationPage() {
  useDocumentTitle('Revogação da cooperação');
  const [termId, setTermId] = useState('');
  const [reasons, setReasons] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [done, setDone] = useState<Revocation | null>(null);
  const write = useWrite<Revocation>(setDone);
  return (
    <>
      <Breadcrumb items={[{ label: 'Processos de sanção', to: base }, { label: 'Revogação' }]} />
      <h1>Revogação por interesse público superveniente</h1>
      <p>
        Ato do Secretário (Decreto nº 1.522/2022, art. 29): revoga a habilitação e encerra o termo de cooperação, com motivação. Não é
        sanção — as sanções são as do art. 30.
      </p>
      {done ? (
        <>
          <Message kind="success">
            Cooperação {done.termNumber} revogada em {formatDateTime(done.revokedAt)}.
          </Message>
          <DocumentsTable documents={done.documents} title="Ato de revogação" />
        </>
      ) : (
        <Card id="revoke-title" title="Revogar cooperação">
          <ApiErrorMessage error={write.error} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void write.run(() => revokeCooperation(termId, reasons.trim()));
            }}
            noValidate
            aria-label="Revogar cooperação"
          >
            <TermSelect id="revoke-term" value={termId} onChange={setTermId} error={write.error?.fieldMessage('termId')} />
            <TextAreaField
              id="revoke-reasons"
              label="Motivação (interesse público superveniente)"
              value={reasons}
              onChange={setReasons}
              error={write.error?.fieldMessage('reasons')}
            />
            <div className="br-checkbox mt-2">
              <input id="revoke-confirm" type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
              <label htmlFor="revoke-confirm">Confirmo que a revogação encerra o termo de cooperação.</label>
            </div>
            <button className="br-button danger primary mt-2" type="submit" disabled={write.busy || !termId || !confirm}>
              Revogar cooperação
            </button>
          </form>
        </Card>
      )}
    </>
  );
}
