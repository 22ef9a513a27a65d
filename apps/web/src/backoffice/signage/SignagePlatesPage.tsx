import { type CameraOption, type SignagePlate, signagePlateStatusLabels } from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { FileField } from '../../shared/components/FileField';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { listAllCameraOptions } from '../api/cameras-api';
import { uploadFile } from '../api/files-api';
import { listClients } from '../api/integrator-api';
import { listPlates, plateArtworkUrl, submitPlatePhoto } from '../api/signage-api';
import { ownPartnerIds } from '../cameras/camera-permissions';
import { useSession } from '../session/session-context';

const TITLE = 'Placas dos locais';

type Site = { camera: Pick<CameraOption, 'id' | 'name'>; plate: SignagePlate | null };

export const plateTag = (s: SignagePlate['status'] | null) =>
  s === 'approved' ? 'success' : s === 'submitted' ? 'info' : s === 'new_photo_requested' ? 'danger' : 'warning';

const dateBr = (iso: string) => new Date(`${iso}T12:00:00`).toLocaleDateString('pt-BR');

/**
 * /placas — every site that may stream shows the program's plate (issue 18; seed 002 BH + Segura).
 * The partner or its integrator downloads the artwork (PDF with the site code and a QR to the
 * public page), installs it and sends a photo; the photo's EXIF position counts, else the browser's.
 */
export function SignagePlatesPage() {
  useDocumentTitle(TITLE);
  const { me, activeRole } = useSession();
  const load = useCallback(
    async (signal: AbortSignal): Promise<Site[]> => {
      const [cameras, plates, clients] = await Promise.all([
        listAllCameraOptions(signal),
        listPlates(signal),
        activeRole === 'integrator' ? listClients(signal) : Promise.resolve([]),
      ]);
      const byCamera = new Map(plates.map((p) => [p.cameraId, p]));
      // Sites the user manages (own partner's cameras; an integrator's client cameras), not the
      // other cameras it may only see (open to the public, or of partners that authorised it).
      const own = new Set(ownPartnerIds(me, activeRole));
      const managed = new Set(clients.flatMap((c) => c.cameras.map((x) => x.id)));
      return cameras
        .filter((c) => byCamera.has(c.id) || (c.streamEligible && (own.has(c.partnerId) || managed.has(c.id))))
        .map((c) => ({ camera: { id: c.id, name: c.name }, plate: byCamera.get(c.id) ?? null }));
    },
    [me, activeRole],
  );
  const { data, error, loading, reload } = useApiData(load);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <Breadcrumb items={[{ label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p>
        Todo local com câmera compartilhada exibe a placa do programa. Baixe a arte de cada local (PDF com o código do local e um QR para a
        página pública do programa), instale a placa e envie uma foto dela no local. A comissão aprova a foto ou pede outra; a placa não
        aprovada no prazo abre uma notificação.
      </p>
      {notice && <Message kind="success">{notice}</Message>}
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando locais…" />}
      {data?.length === 0 && <Message kind="info">Nenhuma câmera apta a transmitir: não há placa a instalar.</Message>}
      {data && data.length > 0 && (
        <div className="br-table">
          <table aria-label="Placas por local">
            <thead>
              <tr>
                <th scope="col">Câmera</th>
                <th scope="col">Código do local</th>
                <th scope="col">Situação</th>
                <th scope="col">Prazo</th>
                <th scope="col">Ações</th>
              </tr>
            </thead>
            <tbody>
              {data.map((s) => (
                <SiteRow
                  key={s.camera.id}
                  site={s}
                  onChanged={(text) => {
                    setNotice(text);
                    reload();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The browser's position (the fallback when the photo has no EXIF GPS); null when denied or unavailable. */
function browserPosition(): Promise<{ latitude: number; longitude: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    ),
  );
}

function SiteRow({ site, onChanged }: { site: Site; onChanged: (text: string) => void }) {
  const { camera, plate } = site;
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [phase, setPhase] = useState<'idle' | 'locating' | 'sending'>('idle');
  const canSend = plate?.status !== 'approved' && plate?.status !== 'submitted';
  return (
    <tr data-camera-id={camera.id} data-plate-status={plate?.status ?? 'none'}>
      <td>{camera.name}</td>
      <td>{plate?.siteCode ?? '—'}</td>
      <td>
        <span className={`br-tag text ${plateTag(plate?.status ?? null)}`}>
          {plate ? signagePlateStatusLabels[plate.status] : 'Arte ainda não baixada'}
        </span>
        {plate?.status === 'new_photo_requested' && plate.decisionReason && (
          <p className="text-down-01 mb-0 mt-1">Motivo da comissão: {plate.decisionReason}</p>
        )}
        {plate?.photoGpsSource && (
          <p className="text-down-01 mb-0 mt-1">
            Foto localizada {plate.photoGpsSource === 'exif' ? 'pelos dados da própria foto' : 'pela posição do navegador'}.
          </p>
        )}
      </td>
      <td>{plate ? dateBr(plate.dueOn) : '—'}</td>
      <td>
        <a className="br-button secondary small mb-2" href={plateArtworkUrl(camera.id)} download>
          <i className="fas fa-file-pdf mr-1" aria-hidden="true" />
          Baixar arte da placa (PDF)
        </a>
        {canSend && (
          <form
            aria-label={`Enviar foto da placa de ${camera.name}`}
            onSubmit={(e) => {
              e.preventDefault();
              if (!file) return;
              setError(null);
              setPhase('locating');
              void (async () => {
                try {
                  const position = await browserPosition();
                  setPhase('sending');
                  const stored = await uploadFile(file);
                  const saved = await submitPlatePhoto(camera.id, { fileId: stored.id, ...(position ?? {}) });
                  onChanged(`Foto da placa ${saved.siteCode} enviada: aguarde a decisão da comissão.`);
                } catch (err) {
                  setError(toApiError(err));
                } finally {
                  setPhase('idle');
                }
              })();
            }}
          >
            <FileField
              id={`plate-photo-${camera.id}`}
              label="Foto da placa instalada"
              accept=".jpg,.jpeg,.png,image/jpeg,image/png"
              hint="JPEG ou PNG, até 10 MB. Se a foto não tiver localização, usamos a do navegador: permita o acesso quando pedido."
              onSelect={setFile}
            />
            <ApiErrorMessage error={error} />
            <button type="submit" className="br-button primary small mt-1" disabled={!file || phase !== 'idle'}>
              {phase === 'locating' ? 'Obtendo localização…' : phase === 'sending' ? 'Enviando…' : 'Enviar foto'}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
