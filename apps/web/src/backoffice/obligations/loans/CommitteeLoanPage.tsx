import type { Loan } from '@vigia/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { SelectField } from '../../../shared/components/SelectField';
import { TextField } from '../../../shared/components/TextField';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { getLoan, recordPickup, recordReturn } from '../obligations-api';
import { paths } from '../paths';
import { Card } from '../shared/Card';
import { todayInCuiaba } from '../shared/dates';
import { useWrite } from '../shared/use-write';

const LOANS_BASE = paths.committeeLoans;

import { LoanFacts } from './LoanFacts';
import { returnConditionLabels } from './loan-labels';

type Condition = keyof typeof returnConditionLabels;

/** One loan for SESP: record the pickup (responsibility term) and the return with each item's condition. */
export function CommitteeLoanPage() {
  const { loanId = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getLoan(loanId, signal), [loanId]);
  const { data: loan, error, loading, setData } = useApiData(load);
  useDocumentTitle(loan ? `Cessão ${loan.number}` : 'Cessão');
  const [notice, setNotice] = useState<string | null>(null);
  const [pickedUpOn, setPickedUpOn] = useState(todayInCuiaba());
  const [conditions, setConditions] = useState<Record<string, Condition>>({});
  const pickup = useWrite<Loan>((l) => {
    setData(() => l);
    setNotice('Retirada registrada: termo de responsabilidade emitido e prazo de 90 dias para instalação iniciado.');
  });
  const ret = useWrite<Loan>((l) => {
    setData(() => l);
    setNotice('Devolução registrada: termo de devolução emitido.');
  });

  function submitPickup(e: FormEvent) {
    e.preventDefault();
    void pickup.run(() => recordPickup(loanId, pickedUpOn));
  }
  function submitReturn(e: FormEvent) {
    e.preventDefault();
    if (!loan) return;
    const items = loan.items.filter((i) => i.active).map((i) => ({ assetId: i.assetId, condition: conditions[i.assetId] ?? 'good' }));
    void ret.run(() => recordReturn(loanId, items));
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Cessões de equipamentos', to: LOANS_BASE }, { label: loan ? `Cessão ${loan.number}` : 'Cessão' }]} />
      <h1>{loan ? `Cessão nº ${loan.number}` : 'Cessão'}</h1>
      <ApiErrorMessage error={error} />
      {loading && <Loading />}
      {notice && <Message kind="success">{notice}</Message>}
      {loan && (
        <>
          {loan.status === 'reserved' && (
            <Message kind="info">Aguardando o parceiro agendar a retirada e indicar quem vai retirar.</Message>
          )}
          {loan.status === 'pickup_scheduled' && (
            <Card id="pickup-title" title="Registrar retirada (termo de responsabilidade)">
              <ApiErrorMessage error={pickup.error} />
              <form onSubmit={submitPickup} noValidate aria-label="Registrar retirada">
                <TextField
                  id="picked-up-on"
                  type="date"
                  label="Data da retirada"
                  value={pickedUpOn}
                  onChange={setPickedUpOn}
                  error={pickup.error?.fieldMessage('pickedUpOn')}
                />
                <button className="br-button primary mt-2" type="submit" disabled={pickup.busy}>
                  {pickup.busy ? 'Registrando…' : 'Registrar retirada'}
                </button>
              </form>
            </Card>
          )}
          <LoanFacts loan={loan} />
          {loan.status === 'active' && (
            <Card id="return-title" title="Registrar devolução (art. 18, caput)">
              <ApiErrorMessage error={ret.error} />
              <form onSubmit={submitReturn} noValidate aria-label="Registrar devolução">
                {loan.items
                  .filter((i) => i.active)
                  .map((i) => (
                    <SelectField
                      key={i.assetId}
                      id={`cond-${i.assetId}`}
                      label={`Estado de ${i.serial}`}
                      value={conditions[i.assetId] ?? 'good'}
                      onChange={(v) => setConditions((c) => ({ ...c, [i.assetId]: v as Condition }))}
                      options={Object.entries(returnConditionLabels).map(([value, label]) => ({ value, label }))}
                    />
                  ))}
                <button className="br-button secondary mt-2" type="submit" disabled={ret.busy}>
                  {ret.busy ? 'Registrando…' : 'Registrar devolução'}
                </button>
              </form>
            </Card>
          )}
        </>
      )}
    </>
  );
}
