import { useState } from 'react';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { TextField } from '../../shared/components/TextField';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { lookupWarrant } from './lookups-api';
import { PowNotice } from './PowNotice';
import { useLookup } from './use-lookup';

const brDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * /consultas/mandado-de-prisao — anonymous arrest-warrant lookup: CPF + birth date, or full name +
 * mother's name + birth date. The answer: pending warrant (number, court, date) or none.
 */
export function WarrantLookupPage() {
  useDocumentTitle('Consultar mandado de prisão');
  const [by, setBy] = useState<'cpf' | 'name'>('cpf');
  const [cpf, setCpf] = useState('');
  const [name, setName] = useState('');
  const [motherName, setMotherName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const { result, error, busy, submit } = useLookup(() =>
    lookupWarrant(by === 'cpf' ? { cpf, birthDate } : { name, motherName, birthDate }),
  );
  const ready = birthDate !== '' && (by === 'cpf' ? cpf.trim() !== '' : name.trim() !== '' && motherName.trim() !== '');
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Serviços ao cidadão', to: '/cidadao' }, { label: 'Consultar mandado de prisão' }]} />
      <h1>Consultar mandado de prisão</h1>
      <p>
        Informe ao menos dois dados da pessoa. A resposta diz apenas se há mandado de prisão <strong>pendente e válido</strong> e, se
        houver, o número, o órgão que o expediu e a data. Cada consulta fica registrada e aparece para a pessoa consultada em "Quem me
        consultou".
      </p>
      <form onSubmit={submit} noValidate aria-label="Consulta de mandado de prisão">
        <fieldset className="mb-3">
          <legend>Consultar por</legend>
          <div className="br-radio">
            <input id="by-cpf" type="radio" name="by" checked={by === 'cpf'} onChange={() => setBy('cpf')} />
            <label htmlFor="by-cpf">CPF e data de nascimento</label>
          </div>
          <div className="br-radio">
            <input id="by-name" type="radio" name="by" checked={by === 'name'} onChange={() => setBy('name')} />
            <label htmlFor="by-name">Nome completo, nome da mãe e data de nascimento</label>
          </div>
        </fieldset>
        {by === 'cpf' ? (
          <TextField id="warrant-cpf" className="mb-3" label="CPF" value={cpf} onChange={setCpf} inputMode="numeric" autoComplete="off" />
        ) : (
          <>
            <TextField
              id="warrant-name"
              className="mb-3"
              label="Nome completo"
              value={name}
              onChange={setName}
              autoComplete="off"
              hint="O nome inteiro, como no documento: não há busca por parte do nome."
            />
            <TextField
              id="warrant-mother"
              className="mb-3"
              label="Nome completo da mãe"
              value={motherName}
              onChange={setMotherName}
              autoComplete="off"
            />
          </>
        )}
        <TextField id="warrant-birth" className="mb-3" label="Data de nascimento" type="date" value={birthDate} onChange={setBirthDate} />
        <button className="br-button primary" type="submit" disabled={busy || !ready}>
          {busy ? 'Consultando…' : 'Consultar'}
        </button>
        <PowNotice busy={busy} />
      </form>
      <ApiErrorMessage error={error} />
      {result && (
        <div className="mt-3" data-testid="warrant-result">
          {result.pending ? (
            <Message kind="warning" title="Há mandado de prisão pendente">
              <ul className="mb-0">
                {result.warrants.map((w) => (
                  <li key={w.number}>
                    Mandado nº <strong>{w.number}</strong>, expedido por {w.court} em {brDate(w.issuedOn)}.
                  </li>
                ))}
              </ul>
              <p className="mb-0 mt-2">Para esclarecimentos, procure a Defensoria Pública ou um(a) advogado(a).</p>
            </Message>
          ) : (
            <Message kind="success" title="Nenhum mandado de prisão pendente">
              Não há mandado de prisão pendente e válido para os dados informados na base consultada.
            </Message>
          )}
        </div>
      )}
    </div>
  );
}
