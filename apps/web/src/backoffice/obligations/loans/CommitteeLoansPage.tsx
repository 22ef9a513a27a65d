import type { Asset, Loan } from '@vigia/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { createLoan, listAssets, listLoans } from '../obligations-api';
import { paths } from '../paths';
import { Card } from '../shared/Card';
import { TermSelect } from '../shared/TermSelect';
import { useWrite } from '../shared/use-write';
import { LoansTable } from './LoansTable';

const LOANS_BASE = paths.committeeLoans;

/** Loans list and "Nova cessão": reserve assets in stock for an active cooperation (loan term, Art. 17 sole §). */
export function CommitteeLoansPage() {
  useDocumentTitle('Cessões de equipamentos');
  const { data: loans, error, loading } = useApiData(listLoans);
  const loadStock = useCallback((signal: AbortSignal) => listAssets(signal, 'in_stock'), []);
  const { data: stock } = useApiData(loadStock);
  const navigate = useNavigate();
  const [termId, setTermId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const write = useWrite<Loan>((loan) => navigate(`${LOANS_BASE}/${loan.id}`));

  function submit(e: FormEvent) {
    e.preventDefault();
    void write.run(() => createLoan(termId, chosen));
  }
  const toggle = (a: Asset) => setChosen((c) => (c.includes(a.id) ? c.filter((x) => x !== a.id) : [...c, a.id]));

  return (
    <>
      <Breadcrumb items={[{ label: 'Cessões de equipamentos' }]} />
      <h1>Cessões de equipamentos</h1>
      <p>
        Cessão de uso (comodato) das câmeras do Estado aos parceiros com cooperação vigente, lavrada a termo (Decreto nº 1.522/2022, art.
        17, parágrafo único, e art. 18). A retirada é feita na SESP/MT, em Cuiabá, mediante termo de responsabilidade.
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando cessões…" />}
      {loans && <LoansTable loans={loans} base={LOANS_BASE} />}

      <Card id="new-loan-title" title="Nova cessão">
        <ApiErrorMessage error={write.error} />
        <form onSubmit={submit} noValidate aria-label="Nova cessão">
          <TermSelect id="loan-term" value={termId} onChange={setTermId} error={write.error?.fieldMessage('termId')} />
          <fieldset className="vigia-fieldset mt-3">
            <legend>Equipamentos em estoque</legend>
            {stock && stock.length === 0 && <p>Nenhum equipamento em estoque. Cadastre bens na aba “Bens (patrimônio)”.</p>}
            {(stock ?? []).map((a) => (
              <div className="br-checkbox" key={a.id}>
                <input id={`asset-${a.id}`} type="checkbox" checked={chosen.includes(a.id)} onChange={() => toggle(a)} />
                <label htmlFor={`asset-${a.id}`}>
                  {a.serial} — {a.model} (patrimônio {a.assetTag})
                </label>
              </div>
            ))}
          </fieldset>
          <button className="br-button primary mt-3" type="submit" disabled={write.busy}>
            {write.busy ? 'Emitindo termo…' : 'Reservar e emitir termo de cessão'}
          </button>
        </form>
      </Card>
    </>
  );
}
