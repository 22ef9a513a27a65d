import type { Sanction } from '@vigia/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { Route, Routes, useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { FileField } from '../../../shared/components/FileField';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { formatDate } from '../../../shared/format';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { NotFound } from '../../../shared/pages/NotFound';
import { fileDefence, getSanction, listSanctions, uploadObligationFile } from '../obligations-api';
import { paths } from '../paths';
import { Card } from '../shared/Card';
import { useWrite } from '../shared/use-write';
import { SanctionFacts, SanctionsTable } from './SanctionFacts';
import { Scorecard } from './Scorecard';

const base = paths.partnerSanctions;

/** Partner: notifications received, defence within 10 business days (Art. 30 §1), own uptime scorecard. */
export function PartnerSanctionsArea() {
  return (
    <Routes>
      <Route index element={<MySanctionsPage />} />
      <Route path=":sanctionId" element={<DefencePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function MySanctionsPage() {
  useDocumentTitle('Notificações e sanções');
  const { data: sanctions, error, loading } = useApiData(listSanctions);
  return (
    <>
      <Breadcrumb items={[{ label: 'Notificações e sanções' }]} />
      <h1>Notificações e sanções</h1>
      <p>
        Processos de sanção abertos pela SESP (Decreto nº 1.522/2022, art. 30). Você tem 10 dias úteis, contados do recebimento da
        notificação, para apresentar defesa.
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando processos…" />}
      {sanctions && <SanctionsTable sanctions={sanctions} base={base} />}
      <div className="mt-4">
        <Scorecard choosePartner={false} />
      </div>
    </>
  );
}

function DefencePage() {
  const { sanctionId = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getSanction(sanctionId, signal), [sanctionId]);
  const { data: s, error, loading, setData } = useApiData(load);
  useDocumentTitle(s ? `Processo ${s.number}` : 'Processo de sanção');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const write = useWrite<Sanction>((x) => {
    setData(() => x);
    setNotice('Defesa apresentada dentro do prazo.');
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    void write.run(async () => fileDefence(sanctionId, text.trim(), file ? (await uploadObligationFile(file)).id : null));
  }
  return (
    <>
      <Breadcrumb items={[{ label: 'Notificações e sanções', to: base }, { label: s ? s.number : 'Processo' }]} />
      <h1>{s ? `Processo de sanção nº ${s.number}` : 'Processo de sanção'}</h1>
      <ApiErrorMessage error={error} />
      {loading && <Loading />}
      {notice && <Message kind="success">{notice}</Message>}
      {s && (
        <>
          {s.status === 'notified' && s.defenceOpen && (
            <Card id="defence-title" title={`Apresentar defesa (até ${formatDate(s.defenceDueOn)})`}>
              <ApiErrorMessage error={write.error} />
              <form onSubmit={submit} noValidate aria-label="Apresentar defesa">
                <TextAreaField
                  id="defence-text"
                  label="Defesa"
                  hint="Mínimo de 10 caracteres."
                  value={text}
                  onChange={setText}
                  error={write.error?.fieldMessage('text')}
                  maxLength={20000}
                />
                <FileField
                  id="defence-file"
                  label="Documento anexo (opcional)"
                  accept=".pdf,.jpg,.jpeg,.png"
                  hint="PDF, JPEG ou PNG."
                  onSelect={setFile}
                />
                <button className="br-button primary mt-2" type="submit" disabled={write.busy}>
                  {write.busy ? 'Enviando…' : 'Apresentar defesa'}
                </button>
              </form>
            </Card>
          )}
          {s.status === 'notified' && !s.defenceOpen && (
            <Message kind="warning">O prazo de defesa terminou em {formatDate(s.defenceDueOn)}.</Message>
          )}
          <SanctionFacts s={s} />
        </>
      )}
    </>
  );
}
