import type { RispOpinion } from '@vigia/contracts';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { formatDateTime } from '../../../shared/format';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { listRispOpinions } from '../../api/accreditation-api';
import { RispCaseDetails } from './RispCaseDetails';
import { RispOpinionForm } from './RispOpinionForm';

const statusLabels = { pending: 'Pendente', favourable: 'Favorável', unfavourable: 'Desfavorável' } as const;

/** /risp/pareceres — opinions asked of the coordinator's regions (Art. 12). */
export function RispOpinionsPage() {
  useDocumentTitle('Pareceres de interesse público');
  const { data, error, loading, setData } = useApiData(listRispOpinions);
  const replace = (o: RispOpinion) => setData((all) => all?.map((x) => (x.id === o.id ? o : x)) ?? null);
  return (
    <>
      <Breadcrumb items={[{ label: 'Pareceres de interesse público' }]} />
      <h1>Pareceres de interesse público</h1>
      <p>Parecer da coordenação regional sobre o interesse de segurança pública dos locais propostos (Decreto nº 1.522/2022, art. 12).</p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando pareceres…" />}
      {data && data.length === 0 && <p>Nenhum parecer solicitado à sua região.</p>}
      {data?.map((o) => (
        <article key={o.id} className="br-card p-3 mb-3" aria-label={`Parecer ${o.securityRegionName} — pedido ${o.applicationId}`}>
          <h2 className="h5 mt-0">
            {o.securityRegionName} — {statusLabels[o.status]}
          </h2>
          <p className="mb-1">Municípios dos pontos: {o.municipalities.join(', ') || '—'}</p>
          <RispCaseDetails opinionId={o.id} />
          {o.status === 'pending' ? (
            <RispOpinionForm opinion={o} onGiven={replace} />
          ) : (
            <p className="mb-0">
              {o.decidedAt && `Registrado em ${formatDateTime(o.decidedAt)}. `}
              {o.reasons}
            </p>
          )}
        </article>
      ))}
    </>
  );
}
