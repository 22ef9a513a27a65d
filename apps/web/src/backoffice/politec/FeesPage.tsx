import type { SecurityFee } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextField } from '../../shared/components/TextField';
import { formatDate } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { confirmFee, feeServiceLabels, formatCents, listPendingFees } from './politec-api';
import { useWorkList, WorkListStatus } from './work-list';

const TITLE = 'Confirmação de pagamentos';

/**
 * /politec/taxas — security fees waiting for payment. When the bank's notice (webhook) does not
 * arrive, the treasury or Politec confirms a payment by hand with the bank statement reference and
 * the amount paid; a paid fee unlocks the step that waited for it.
 */
export function FeesPage() {
  useDocumentTitle(TITLE);
  const list = useWorkList(listPendingFees);
  const { data, done } = list;
  return (
    <>
      <Breadcrumb items={[{ label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p>
        Taxas de segurança pública aguardando pagamento. Confirme à mão apenas o pagamento que consta no extrato bancário, com a referência
        da transação e o valor pago.
      </p>
      <WorkListStatus list={list} loadingLabel="Carregando taxas…" emptyText="Nenhuma taxa aguardando pagamento." />
      {data?.map((f) => (
        <FeeCard key={f.id} fee={f} onConfirmed={done} />
      ))}
    </>
  );
}

function FeeCard({ fee, onConfirmed }: { fee: SecurityFee; onConfirmed: (text: string) => void }) {
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState((fee.amountCents / 100).toFixed(2).replace('.', ','));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = Math.round(Number(amount.replace(/\./g, '').replace(',', '.')) * 100);
    setBusy(true);
    setError(null);
    confirmFee(fee.id, { amountCents: Number.isFinite(cents) ? cents : 0, reference })
      .then((f) => onConfirmed(`Taxa ${f.txid}: pagamento confirmado.`))
      .catch((err: unknown) => setError(toApiError(err)))
      .finally(() => setBusy(false));
  };
  return (
    <form className="br-card mb-4" onSubmit={submit} noValidate data-txid={fee.txid}>
      <div className="card-content">
        <h2 className="h5">{feeServiceLabels[fee.service] ?? fee.service}</h2>
        <dl className="row mb-2">
          <dt className="col-sm-3">Identificador (txid)</dt>
          <dd className="col-sm-9">{fee.txid}</dd>
          <dt className="col-sm-3">Valor</dt>
          <dd className="col-sm-9">
            {formatCents(fee.amountCents)} ({fee.upfUnits} UPF-MT de {formatCents(fee.upfValueCents)}, {fee.upfReference})
          </dd>
          <dt className="col-sm-3">Vencimento</dt>
          <dd className="col-sm-9">{formatDate(fee.dueDate)}</dd>
        </dl>
        <ApiErrorMessage error={error} />
        <div className="row">
          <div className="col-md-6">
            <TextField
              id={`fee-reference-${fee.id}`}
              label="Referência do pagamento no extrato"
              value={reference}
              onChange={setReference}
              error={error?.fieldMessage('reference')}
              maxLength={120}
              required
            />
          </div>
          <div className="col-md-3">
            <TextField
              id={`fee-amount-${fee.id}`}
              label="Valor pago (R$)"
              inputMode="decimal"
              value={amount}
              onChange={setAmount}
              error={error?.fieldMessage('amountCents')}
              required
            />
          </div>
        </div>
        <button type="submit" className="br-button primary mt-2" disabled={busy}>
          Confirmar pagamento
        </button>
      </div>
    </form>
  );
}
