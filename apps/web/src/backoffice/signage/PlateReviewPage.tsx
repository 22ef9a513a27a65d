import { type SignagePlate, signagePlateStatusLabels } from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { decidePlate, listPlates, platePhotoUrl } from '../api/signage-api';

const TITLE = 'Fotos de placas';

/**
 * /comissao/placas — the committee reviews each installation photo (where it was taken, by EXIF or
 * by the browser) and approves the plate or asks for a new photo with a reason (issue 18; seed 002).
 */
export function PlateReviewPage() {
  useDocumentTitle(TITLE);
  const load = useCallback((signal: AbortSignal) => listPlates(signal, 'submitted'), []);
  const { data, error, loading, reload } = useApiData(load);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <Breadcrumb items={[{ label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p>Fotos de placas instaladas aguardando decisão. Aprove quando a placa estiver visível no local; senão, peça uma nova foto.</p>
      {notice && <Message kind="success">{notice}</Message>}
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando fotos…" />}
      {data?.length === 0 && <Message kind="info">Nenhuma foto de placa aguardando decisão.</Message>}
      {data?.map((p) => (
        <PlateCard
          key={p.cameraId}
          plate={p}
          onDecided={(text) => {
            setNotice(text);
            reload();
          }}
        />
      ))}
    </>
  );
}

function PlateCard({ plate, onDecided }: { plate: SignagePlate; onDecided: (text: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = (approve: boolean) => {
    setBusy(true);
    setError(null);
    decidePlate(plate.cameraId, approve, reason)
      .then((p) => onDecided(`Placa ${p.siteCode}: ${signagePlateStatusLabels[p.status].toLowerCase()}.`))
      .catch((e: unknown) => setError(toApiError(e)))
      .finally(() => setBusy(false));
  };
  const where =
    plate.photoLatitude !== null && plate.photoLongitude !== null
      ? `${plate.photoLatitude.toFixed(5)}, ${plate.photoLongitude.toFixed(5)}`
      : 'sem localização';
  return (
    <section className="br-card mb-4" aria-labelledby={`plate-${plate.cameraId}`} data-site-code={plate.siteCode}>
      <div className="card-content">
        <h2 className="h5" id={`plate-${plate.cameraId}`}>
          {plate.siteCode} — {plate.cameraName}
        </h2>
        <img src={platePhotoUrl(plate.cameraId)} alt={`Foto da placa instalada no local ${plate.siteCode}`} className="img-fluid mb-2" />
        <p className="text-down-01">
          Local da foto: {where} ({plate.photoGpsSource === 'exif' ? 'dados da própria foto' : 'posição do navegador'}).{' '}
          {plate.photoLatitude !== null && plate.photoLongitude !== null && (
            <a
              href={`https://www.openstreetmap.org/?mlat=${plate.photoLatitude}&mlon=${plate.photoLongitude}#map=18/${plate.photoLatitude}/${plate.photoLongitude}`}
              target="_blank"
              rel="noreferrer"
            >
              Ver no mapa
            </a>
          )}
        </p>
        <ApiErrorMessage error={error} />
        <TextAreaField
          id={`plate-reason-${plate.cameraId}`}
          label="Motivo (obrigatório para pedir nova foto)"
          value={reason}
          onChange={setReason}
          error={error?.fieldMessage('reason')}
          maxLength={2000}
        />
        <div className="mt-2">
          <button type="button" className="br-button primary mr-2" disabled={busy} onClick={() => decide(true)}>
            Aprovar placa
          </button>
          <button type="button" className="br-button secondary" disabled={busy} onClick={() => decide(false)}>
            Pedir nova foto
          </button>
        </div>
      </div>
    </section>
  );
}
