import { applicantKindLabels, applicationStatusLabels } from '@vigia/contracts';
import { useCallback } from 'react';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { formatDateTime } from '../../../shared/format';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { getRispCase, rispDocumentUrl, rispPhotoUrl } from '../../api/accreditation-api';
import { PointsTable } from '../shared/CameraPointsTable';

/** Art. 12: what the coordinator gives an opinion on — the application, the points in its region, Anexo 5. */
export function RispCaseDetails({ opinionId }: { opinionId: string }) {
  const load = useCallback((signal: AbortSignal) => getRispCase(opinionId, signal), [opinionId]);
  const { data, error, loading } = useApiData(load);
  if (loading) return <Loading label="Carregando o pedido…" />;
  if (error || !data) return <ApiErrorMessage error={error} />;
  const { application: a } = data;
  return (
    <div className="mb-3">
      <dl className="vigia-facts">
        <dt>Pedido</dt>
        <dd>nº {a.number}</dd>
        <dt>Proponente</dt>
        <dd>
          {a.partnerName} ({applicantKindLabels[a.partnerKind]})
        </dd>
        <dt>Situação</dt>
        <dd>{applicationStatusLabels[a.status]}</dd>
        {a.submittedAt && (
          <>
            <dt>Enviado em</dt>
            <dd>{formatDateTime(a.submittedAt)}</dd>
          </>
        )}
      </dl>
      <PointsTable
        points={data.cameraPoints}
        photoUrl={(fileId) => rispPhotoUrl(opinionId, fileId)}
        caption={`Pontos de videomonitoramento na sua região — ${data.cameraPoints.length} de ${data.totalCameraPoints} do pedido`}
      />
      <p className="mb-1">Anexo 5 — declaração de interesse público:</p>
      {data.annex5.length === 0 ? (
        <p>Anexo 5 ainda não emitido.</p>
      ) : (
        <ul className="mb-2">
          {data.annex5.map((d) => (
            <li key={d.id}>
              <a href={rispDocumentUrl(opinionId, d.id)} download>
                Baixar Anexo 5 ({d.format.toUpperCase()})<span className="sr-only"> do pedido nº {a.number}</span>
              </a>{' '}
              — código de autenticação <span className="vigia-hash">{d.code}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
