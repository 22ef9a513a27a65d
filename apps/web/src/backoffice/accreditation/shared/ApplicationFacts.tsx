import { type ApplicationDetail, applicantKindLabels, managementModalityLabels, propertyOwnershipLabels } from '@vigia/contracts';
import { formatDate, formatDateTime } from '../../../shared/format';
import { StatusTag } from './StatusTag';

const handlerLabels = { sesp: 'Comissão técnica da SESP/MT', manager: 'Município ou consórcio gestor (gestão indireta)' } as const;
const directHandlingLabels = { requested: 'solicitado', accepted: 'aceito', returned: 'devolvido ao gestor' } as const;

/** The main facts of an application, as returned by the API. */
export function ApplicationFacts({ app }: { app: ApplicationDetail }) {
  return (
    <dl className="vigia-facts">
      <dt className="col-sm-4">Situação</dt>
      <dd className="col-sm-8">
        <StatusTag status={app.status} />
      </dd>
      <dt className="col-sm-4">Ente proponente</dt>
      <dd className="col-sm-8">
        {app.partnerName} — {applicantKindLabels[app.partnerKind]}
      </dd>
      <dt className="col-sm-4">Modalidade</dt>
      <dd className="col-sm-8">{managementModalityLabels[app.modality]}</dd>
      <dt className="col-sm-4">Situação do imóvel</dt>
      <dd className="col-sm-8">
        {propertyOwnershipLabels[app.propertyOwnership]}
        {app.leaseEndsOn && ` — locação até ${formatDate(app.leaseEndsOn)}`}
      </dd>
      {app.consortiumMunicipalities.length > 0 && (
        <>
          <dt className="col-sm-4">Municípios consorciados (IBGE)</dt>
          <dd className="col-sm-8">{app.consortiumMunicipalities.join(', ')}</dd>
        </>
      )}
      <dt className="col-sm-4">Análise a cargo de</dt>
      <dd className="col-sm-8">{handlerLabels[app.handledBy]}</dd>
      {app.directHandling && (
        <>
          <dt className="col-sm-4">Processamento direto pela SESP (art. 8º, § 2º)</dt>
          <dd className="col-sm-8">
            {directHandlingLabels[app.directHandling.status]} — {app.directHandling.reason}
            {app.directHandling.note && <span className="d-block text-down-01">Decisão: {app.directHandling.note}</span>}
          </dd>
        </>
      )}
      <dt className="col-sm-4">Enviado em</dt>
      <dd className="col-sm-8">{app.submittedAt ? formatDateTime(app.submittedAt) : 'Ainda não enviado'}</dd>
      {app.decisionReason && (
        <>
          <dt className="col-sm-4">Fundamentação da decisão</dt>
          <dd className="col-sm-8">{app.decisionReason}</dd>
        </>
      )}
    </dl>
  );
}
