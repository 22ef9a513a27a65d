import type { CooperationTerm } from '@vigia/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { type HomologationResult, listApplications, listCooperationTerms } from '../../api/accreditation-api';
import { HomologateButton } from './HomologateButton';
import { TermsTable } from './TermsTable';

/** /admin/homologacoes — approved applications to homologate, and cooperation terms to sign (admin). */
export function HomologationPage() {
  useDocumentTitle('Homologações e termos');
  const apps = useApiData(listApplications);
  const terms = useApiData(listCooperationTerms);
  const [result, setResult] = useState<HomologationResult | null>(null);
  const approved = apps.data?.filter((a) => a.status === 'approved') ?? null;

  const onHomologated = (r: HomologationResult) => {
    setResult(r);
    apps.reload();
    terms.reload();
  };
  const onSigned = (t: CooperationTerm) => terms.setData((all) => all?.map((x) => (x.id === t.id ? t : x)) ?? null);

  return (
    <>
      <Breadcrumb items={[{ label: 'Homologações e termos' }]} />
      <h1>Homologações e termos</h1>
      <p>
        Pedidos deferidos pela comissão aguardando homologação (Decreto nº 1.522/2022, art. 16, § 1º). A homologação gera o texto para o
        Diário Oficial e o termo de cooperação (PDF e DOCX), disponíveis na página do pedido.
      </p>
      {result && (
        <Message kind="success" title={`Pedido nº ${result.application.number} homologado; termo nº ${result.term.number} gerado.`}>
          <Link className="d-block mt-1" to={`/admin/homologacoes/${result.application.id}`}>
            Ver o pedido e baixar o termo
          </Link>
          <span className="d-block mt-1">Texto para publicação:</span>
          <span className="d-block" style={{ whiteSpace: 'pre-wrap' }}>
            {result.gazetteText}
          </span>
        </Message>
      )}
      <h2 className="h4">Pedidos deferidos</h2>
      <ApiErrorMessage error={apps.error} />
      {apps.loading && <Loading label="Carregando pedidos…" />}
      {approved && approved.length === 0 && <p>Nenhum pedido deferido aguardando homologação.</p>}
      {approved && approved.length > 0 && (
        <ul className="list-unstyled">
          {approved.map((a) => (
            <li key={a.id} className="br-card p-3 mb-2">
              <p className="mb-2">
                <Link to={`/admin/homologacoes/${a.id}`}>
                  <strong>Pedido nº {a.number}</strong>
                </Link>{' '}
                — {a.partnerName}
              </p>
              <HomologateButton app={a} onDone={onHomologated} />
            </li>
          ))}
        </ul>
      )}
      <h2 className="h4">Termos de cooperação</h2>
      <ApiErrorMessage error={terms.error} />
      {terms.loading && <Loading label="Carregando termos…" />}
      {terms.data && <TermsTable terms={terms.data} onSigned={onSigned} />}
    </>
  );
}
