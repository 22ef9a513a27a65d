import type { Loan } from '@vigia/contracts';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { FileField } from '../../../shared/components/FileField';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { TextField } from '../../../shared/components/TextField';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { NotFound } from '../../../shared/pages/NotFound';
import { getLoan, listLoans, schedulePickup, uploadObligationFile } from '../obligations-api';
import { paths } from '../paths';
import { Card } from '../shared/Card';
import { useWrite } from '../shared/use-write';
import { LoanFacts } from './LoanFacts';
import { LoansTable } from './LoansTable';

/** Partner: my loans — schedule the pickup at SESP, download the terms. */
export function PartnerLoansArea() {
  return (
    <Routes>
      <Route index element={<PartnerLoansPage />} />
      <Route path=":loanId" element={<PartnerLoanPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function PartnerLoansPage() {
  useDocumentTitle('Minhas cessões de equipamentos');
  const { data: loans, error, loading } = useApiData(listLoans);
  return (
    <>
      <Breadcrumb items={[{ label: 'Minhas cessões de equipamentos' }]} />
      <h1>Minhas cessões de equipamentos</h1>
      <p>
        Câmeras do Estado cedidas em comodato (Decreto nº 1.522/2022, art. 17–18). Agende a retirada na SESP/MT (Cuiabá) e instale as
        câmeras em até 90 dias após a retirada (guia, item 04).
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando cessões…" />}
      {loans && <LoansTable loans={loans} base={paths.partnerLoans} />}
    </>
  );
}

function PartnerLoanPage() {
  const { loanId = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getLoan(loanId, signal), [loanId]);
  const { data: loan, error, loading, setData } = useApiData(load);
  useDocumentTitle(loan ? `Cessão ${loan.number}` : 'Cessão');
  const [pickupOn, setPickupOn] = useState('');
  // The server suggests the first business day in Cuiabá (its calendar knows the holidays).
  useEffect(() => {
    if (loan) setPickupOn((current) => current || loan.firstPickupOn);
  }, [loan]);
  const [personName, setPersonName] = useState('');
  const [personCpf, setPersonCpf] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const write = useWrite<Loan>((l) => {
    setData(() => l);
    setNotice('Retirada agendada. Compareça à SESP/MT na data marcada com documento com foto.');
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    void write.run(async () => {
      const authorisationFileId = file ? (await uploadObligationFile(file)).id : null;
      return schedulePickup(loanId, { pickupOn, personName: personName.trim(), personCpf: personCpf.trim(), authorisationFileId });
    });
  }

  return (
    <>
      <Breadcrumb
        items={[{ label: 'Minhas cessões de equipamentos', to: paths.partnerLoans }, { label: loan ? `Cessão ${loan.number}` : 'Cessão' }]}
      />
      <h1>{loan ? `Cessão nº ${loan.number}` : 'Cessão'}</h1>
      <ApiErrorMessage error={error} />
      {loading && <Loading />}
      {notice && <Message kind="success">{notice}</Message>}
      {loan && (
        <>
          {(loan.status === 'reserved' || loan.status === 'pickup_scheduled') && (
            <Card id="schedule-title" title="Agendar retirada na SESP/MT">
              <p>
                Local: {loan.pickupPlace}. A retirada é feita em dia útil pelo representante legal ou por pessoa com autorização assinada
                por ele (guia, item 03).
              </p>
              <ApiErrorMessage error={write.error} />
              <form onSubmit={submit} noValidate aria-label="Agendar retirada" className="vigia-form-grid">
                <TextField
                  id="pickup-on"
                  type="date"
                  label="Data da retirada"
                  value={pickupOn}
                  onChange={setPickupOn}
                  error={write.error?.fieldMessage('pickupOn')}
                  required
                />
                <TextField
                  id="pickup-name"
                  label="Nome de quem vai retirar"
                  value={personName}
                  onChange={setPersonName}
                  error={write.error?.fieldMessage('personName')}
                  required
                />
                <TextField
                  id="pickup-cpf"
                  label="CPF de quem vai retirar"
                  inputMode="numeric"
                  value={personCpf}
                  onChange={setPersonCpf}
                  error={write.error?.fieldMessage('personCpf')}
                  required
                />
                <FileField
                  id="pickup-authorisation"
                  label="Autorização assinada pelo representante legal"
                  accept=".pdf,.jpg,.jpeg,.png"
                  hint="Obrigatória quando quem retira não é o representante legal. PDF, JPEG ou PNG."
                  onSelect={setFile}
                />
                <div>
                  <button className="br-button primary" type="submit" disabled={write.busy}>
                    {write.busy ? 'Agendando…' : 'Agendar retirada'}
                  </button>
                </div>
              </form>
            </Card>
          )}
          {loan.status === 'active' && (
            <p>
              <Link className="br-button secondary" to={`${paths.partnerIncidents}?cessao=${loan.id}`}>
                <i className="fas fa-exclamation-triangle mr-1" aria-hidden="true" />
                Comunicar ocorrência com equipamento
              </Link>
            </p>
          )}
          <LoanFacts loan={loan} />
        </>
      )}
    </>
  );
}
