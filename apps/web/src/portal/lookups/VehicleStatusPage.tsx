import { useState } from 'react';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { TextField } from '../../shared/components/TextField';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { vehicleStatus } from './lookups-api';
import { PowNotice } from './PowNotice';
import { useLookup } from './use-lookup';

/**
 * /consultas/veiculo — anonymous vehicle status by plate (old or Mercosul) or chassis: make, model,
 * colour, year, municipality and whether it is reported stolen or robbed. Never owner data.
 */
export function VehicleStatusPage() {
  useDocumentTitle('Consultar situação de veículo');
  const [by, setBy] = useState<'plate' | 'chassis'>('plate');
  const [value, setValue] = useState('');
  const { result, error, busy, submit } = useLookup(() => vehicleStatus(by === 'plate' ? { plate: value } : { chassis: value }));
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Serviços ao cidadão', to: '/cidadao' }, { label: 'Consultar situação de veículo' }]} />
      <h1>Consultar situação de veículo</h1>
      <p>
        Antes de comprar um veículo usado, confira se há registro de furto ou roubo. A consulta mostra marca, modelo, cor, ano e município —
        nunca dados do proprietário.
      </p>
      <form onSubmit={submit} noValidate aria-label="Consulta de situação de veículo">
        <fieldset className="mb-3">
          <legend>Consultar por</legend>
          <div className="br-radio">
            <input id="by-plate" type="radio" name="by" checked={by === 'plate'} onChange={() => setBy('plate')} />
            <label htmlFor="by-plate">Placa</label>
          </div>
          <div className="br-radio">
            <input id="by-chassis" type="radio" name="by" checked={by === 'chassis'} onChange={() => setBy('chassis')} />
            <label htmlFor="by-chassis">Chassi</label>
          </div>
        </fieldset>
        <TextField
          id="vehicle-key"
          className="mb-3"
          label={by === 'plate' ? 'Placa' : 'Chassi'}
          value={value}
          onChange={setValue}
          autoComplete="off"
          hint={by === 'plate' ? 'Formato antigo (ABC-1234) ou Mercosul (ABC1D23).' : '17 caracteres, sem as letras I, O e Q.'}
        />
        <button className="br-button primary" type="submit" disabled={busy || !value.trim()}>
          {busy ? 'Consultando…' : 'Consultar'}
        </button>
        <PowNotice busy={busy} />
      </form>
      <ApiErrorMessage error={error} />
      {result && (
        <div className="mt-3" data-testid="vehicle-result">
          {result.stolen ? (
            <Message kind="danger" title={`Veículo com registro de ${result.stolenKind === 'robbery' ? 'roubo' : 'furto'}`}>
              Há boletim de ocorrência de {result.stolenKind === 'robbery' ? 'roubo' : 'furto'} sem registro de recuperação. Não compre o
              veículo; se o encontrou, ligue 190.
            </Message>
          ) : (
            <Message kind="success" title="Sem registro de furto ou roubo">
              Não há registro de furto ou roubo em aberto para {result.plate ? `a placa ${result.plate}` : 'o chassi informado'}.
            </Message>
          )}
          {result.found ? (
            <dl className="vigia-facts mt-3">
              <dt>Placa</dt>
              <dd>{result.plate ?? '—'}</dd>
              <dt>Chassi (final)</dt>
              <dd>{result.chassisEnding ? `…${result.chassisEnding}` : '—'}</dd>
              <dt>Marca / modelo</dt>
              <dd data-testid="vehicle-model">
                {result.make} {result.model}
              </dd>
              <dt>Cor</dt>
              <dd>{result.colour}</dd>
              <dt>Ano</dt>
              <dd>{result.year}</dd>
              <dt>Município</dt>
              <dd>{result.municipality ?? '—'}</dd>
            </dl>
          ) : (
            <p className="mt-2">Veículo não encontrado no cadastro consultado: confira a placa ou o chassi.</p>
          )}
        </div>
      )}
    </div>
  );
}
