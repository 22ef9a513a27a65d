import { type ApplicationStatus, applicationStatusLabels, applicationStatusValues } from '@vigia/contracts';
import { useState } from 'react';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { SelectField } from '../../../shared/components/SelectField';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { listApplications } from '../../api/accreditation-api';
import { ApplicationsTable } from '../shared/ApplicationsTable';

interface Props {
  title: string;
  intro: string;
  basePath: string;
}

/** The review queue: applications in the caller's scope (all for SESP, own territory for a manager). */
export function ReviewQueuePage({ title, intro, basePath }: Props) {
  useDocumentTitle(title);
  const { data, error, loading, reload } = useApiData(listApplications);
  const [status, setStatus] = useState<ApplicationStatus | ''>('');
  const shown = data?.filter((a) => !status || a.status === status) ?? null;
  return (
    <>
      <Breadcrumb items={[{ label: title }]} />
      <h1>{title}</h1>
      <p>{intro}</p>
      <div className="d-flex flex-wrap align-items-end mb-3">
        <div className="mr-3" style={{ minWidth: 260 }}>
          <SelectField
            id="queue-status"
            label="Filtrar por situação"
            value={status}
            placeholder="Todas as situações"
            options={applicationStatusValues.map((s) => ({ value: s, label: applicationStatusLabels[s] }))}
            onChange={(v) => setStatus(v as ApplicationStatus | '')}
          />
        </div>
        <button className="br-button secondary small" type="button" onClick={reload} disabled={loading}>
          <i className="fas fa-sync-alt mr-1" aria-hidden="true" />
          Atualizar
        </button>
      </div>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando pedidos…" />}
      {shown && shown.length === 0 && <p>Nenhum pedido nesta situação.</p>}
      {shown && shown.length > 0 && (
        <ApplicationsTable caption="Pedidos de habilitação" applications={shown} linkTo={(id) => `${basePath}/${id}`} />
      )}
    </>
  );
}
