import { type ProtecteeCategory, protecteeCategories, protecteeCategoryLabels } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { requestProtection } from './protection-api';

/** Pedido de segurança (arts. 3º a 6º): the server refuses Lei 9.807/1999 protectees and Art. 5 authorities without the order. */
export function ProtectionRequestForm() {
  useDocumentTitle('Solicitar proteção de autoridade');
  const navigate = useNavigate();
  const [codeName, setCodeName] = useState('');
  const [unit, setUnit] = useState('');
  const [name, setName] = useState('');
  const [office, setOffice] = useState('');
  const [category, setCategory] = useState<ProtecteeCategory>('art4_threatened_servant');
  const [witness, setWitness] = useState(false);
  const [order, setOrder] = useState('');
  const [reasons, setReasons] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { id } = await requestProtection({
        codeName: codeName.toUpperCase(),
        requestingUnit: unit,
        protectee: { name, office, category, familyMemberOf: null },
        coveredByWitnessProtection: witness,
        directorGeneralOrder: order || null,
        origin: 'on_request',
        reasons,
        periodStart: start,
        periodEnd: end,
      });
      void navigate(`../${id}`);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const f = (path: string) => error?.fieldMessage(path);
  return (
    <>
      <Breadcrumb items={[{ label: 'Missões de proteção', to: '..' }, { label: 'Solicitar proteção' }]} />
      <h1>Solicitar proteção de autoridade</h1>
      <form onSubmit={submit} noValidate>
        <ApiErrorMessage error={error} />
        <TextField id="code-name" label="Codinome da missão" value={codeName} onChange={setCodeName} error={f('codeName')} required />
        <TextField id="unit" label="Unidade solicitante" value={unit} onChange={setUnit} error={f('requestingUnit')} required />
        <TextField id="protectee-name" label="Nome da autoridade" value={name} onChange={setName} error={f('protectee.name')} required />
        <TextField id="protectee-office" label="Cargo" value={office} onChange={setOffice} error={f('protectee.office')} required />
        <SelectField
          id="category"
          label="Categoria (arts. 4º e 5º)"
          value={category}
          options={protecteeCategories.map((c) => ({ value: c, label: protecteeCategoryLabels[c] }))}
          onChange={(v) => setCategory(v as ProtecteeCategory)}
        />
        {category.startsWith('art5_') && (
          <TextAreaField
            id="dg-order"
            label="Determinação do Delegado-Geral (art. 5º)"
            value={order}
            onChange={setOrder}
            error={f('directorGeneralOrder')}
          />
        )}
        <div className="br-checkbox mt-3">
          <input id="witness" type="checkbox" checked={witness} onChange={(e) => setWitness(e.target.checked)} />
          <label htmlFor="witness">A pessoa é amparada pela Lei nº 9.807/1999 (proteção a vítimas e testemunhas)</label>
        </div>
        <TextAreaField id="reasons" label="Motivos" value={reasons} onChange={setReasons} error={f('reasons')} required />
        <TextField id="period-start" label="Início do período" type="date" value={start} onChange={setStart} error={f('periodStart')} />
        <TextField id="period-end" label="Fim do período (art. 11)" type="date" value={end} onChange={setEnd} error={f('periodEnd')} />
        <div className="mt-3">
          <button className="br-button primary" type="submit" disabled={busy}>
            Enviar pedido
          </button>
        </div>
      </form>
    </>
  );
}
