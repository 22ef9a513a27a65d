import {
  type Camera,
  type CameraCreateInput,
  type CameraUpdateInput,
  cameraIngestModeLabels,
  cameraIngestModes,
  cameraKindLabels,
  cameraKinds,
  cameraMountingLabels,
  cameraMountingValues,
  cameraRtspTransportLabels,
  cameraRtspTransports,
  cameraStreamSourceLabels,
  cameraStreamSources,
} from '@vigia/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, toApiError } from '../../shared/api/api-error';
import { fieldError } from '../../shared/api/field-errors';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { createCamera, getCamera, updateCamera } from '../api/cameras-api';
import { createClientCamera, getClient } from '../api/integrator-api';
import { useSession } from '../session/session-context';
import { PartnerChoice } from './PartnerChoice';
import { useMunicipalities } from './use-municipalities';

interface Draft {
  partnerId: string;
  name: string;
  kind: string;
  assetSerial: string;
  cameraPointId: string;
  host: string;
  rtspPort: string;
  httpPort: string;
  rtspPath: string;
  streamSource: string;
  username: string;
  password: string;
  latitude: string;
  longitude: string;
  municipalityIbge: string;
  heading: string;
  fieldOfView: string;
  mounting: string;
  openToPublic: boolean;
  ingestMode: string;
  /** '' = the media node's default. */
  rtspTransport: string;
  disabled: boolean;
}

const empty: Draft = {
  partnerId: '',
  name: '',
  kind: 'partner_own',
  assetSerial: '',
  cameraPointId: '',
  host: '',
  rtspPort: '',
  httpPort: '',
  rtspPath: '/Streaming/Channels/101',
  streamSource: 'path',
  username: '',
  password: '',
  latitude: '',
  longitude: '',
  municipalityIbge: '',
  heading: '0',
  fieldOfView: '90',
  mounting: 'facade',
  openToPublic: false,
  ingestMode: 'native',
  rtspTransport: '',
  disabled: false,
};

function fromCamera(c: Camera): Draft {
  return {
    ...empty,
    partnerId: c.partnerId,
    name: c.name,
    kind: c.kind,
    assetSerial: c.assetSerial ?? '',
    cameraPointId: c.cameraPointId ?? '',
    host: c.host,
    rtspPort: String(c.rtspPort),
    httpPort: String(c.httpPort),
    rtspPath: c.rtspPath,
    streamSource: c.streamSource,
    latitude: String(c.latitude),
    longitude: String(c.longitude),
    municipalityIbge: c.municipalityIbge,
    heading: String(c.heading),
    fieldOfView: String(c.fieldOfView),
    mounting: c.mounting,
    openToPublic: c.openToPublic,
    ingestMode: c.ingestMode,
    rtspTransport: c.rtspTransport ?? '',
    disabled: c.status === 'disabled',
  };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

/**
 * Register or edit a camera. The password is write-only: on edit, blank keeps the stored one.
 * An integrator registers a client's camera with `?cliente=<partner id>` (issue 18): it is managed
 * by the company and streams only once the client consents.
 */
export function CameraFormPage() {
  const { cameraId } = useParams();
  const editing = Boolean(cameraId);
  useDocumentTitle(editing ? 'Editar câmera' : 'Nova câmera');
  const navigate = useNavigate();
  const { me, activeRole } = useSession();
  const [search] = useSearchParams();
  const clientId = !editing && activeRole === 'integrator' ? search.get('cliente') : null;
  const [clientName, setClientName] = useState<string | null>(null);
  const { data: municipalities } = useMunicipalities();
  const [draft, setDraft] = useState<Draft>(empty);
  const [original, setOriginal] = useState<Camera | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!cameraId) return;
    const controller = new AbortController();
    getCamera(cameraId, controller.signal)
      .then((c) => {
        setOriginal(c);
        setDraft(fromCamera(c));
      })
      .catch((e: unknown) => !controller.signal.aborted && setError(toApiError(e)));
    return () => controller.abort();
  }, [cameraId]);

  useEffect(() => {
    if (!clientId) return;
    const controller = new AbortController();
    getClient(clientId, controller.signal)
      .then((c) => setClientName(c.name))
      .catch((e: unknown) => !controller.signal.aborted && setError(toApiError(e)));
    return () => controller.abort();
  }, [clientId]);

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const err = (path: string) => fieldError(error, path);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const userGiven = draft.username.trim() !== '';
    const passGiven = draft.password !== '';
    if (userGiven !== passGiven) {
      setError(
        new ApiError(400, 'VALIDATION_FAILED', 'Informe o login e a senha juntos.', [
          { path: userGiven ? 'credentials.password' : 'credentials.username', message: 'Informe o login e a senha juntos.' },
        ]),
      );
      return;
    }
    const fields = {
      name: draft.name,
      kind: draft.kind as CameraCreateInput['kind'],
      assetSerial: draft.kind === 'program_loan' ? draft.assetSerial || null : null,
      cameraPointId: draft.cameraPointId || null,
      host: draft.host,
      rtspPort: num(draft.rtspPort),
      httpPort: num(draft.httpPort),
      rtspPath: draft.rtspPath,
      streamSource: draft.streamSource as CameraCreateInput['streamSource'],
      latitude: num(draft.latitude),
      longitude: num(draft.longitude),
      municipalityIbge: draft.municipalityIbge,
      heading: num(draft.heading),
      fieldOfView: num(draft.fieldOfView),
      mounting: draft.mounting as CameraCreateInput['mounting'],
      openToPublic: draft.openToPublic,
      ingestMode: draft.ingestMode as CameraCreateInput['ingestMode'],
      rtspTransport: (draft.rtspTransport || null) as CameraCreateInput['rtspTransport'],
    };
    const credentials = userGiven ? { username: draft.username.trim(), password: draft.password } : undefined;
    setBusy(true);
    try {
      let saved: Camera;
      if (editing && original) {
        const update: CameraUpdateInput = { ...fields };
        if (credentials) update.credentials = credentials;
        const wantDisabled = draft.disabled;
        if (wantDisabled !== (original.status === 'disabled')) update.status = wantDisabled ? 'disabled' : 'pending';
        saved = await updateCamera(original.id, update);
      } else {
        const input = {
          ...fields,
          ...(credentials ? { credentials } : {}),
          ...(draft.partnerId ? { partnerId: draft.partnerId } : {}),
        } as CameraCreateInput;
        saved = clientId ? await createClientCamera(clientId, input) : await createCamera(input);
      }
      void navigate(`/cameras/${saved.id}`);
    } catch (e2) {
      setError(toApiError(e2));
      setBusy(false);
    }
  };

  if (editing && !original && !error) return <Loading label="Carregando câmera…" />;

  return (
    <>
      <Breadcrumb
        items={
          clientId
            ? [{ label: 'Clientes e autorizações', to: '/integradora/parceiros' }, { label: 'Nova câmera do cliente' }]
            : [{ label: 'Câmeras', to: '/cameras' }, { label: editing ? 'Editar câmera' : 'Nova câmera' }]
        }
      />
      <h1>{editing ? `Editar câmera ${original?.name ?? ''}` : clientId ? `Nova câmera de ${clientName ?? 'cliente'}` : 'Nova câmera'}</h1>
      {clientId && (
        <Message kind="info">
          A câmera fica sob a gestão da sua empresa e só transmite depois que o cliente autorizar o compartilhamento (peça a autorização em
          “Clientes e autorizações”). Use um ponto do projeto executivo autorizado da empresa.
        </Message>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={editing ? 'Editar câmera' : 'Nova câmera'}>
        <ApiErrorMessage error={error} />
        {!editing && !clientId && (
          <PartnerChoice
            id="cam-partner"
            me={me}
            role={activeRole}
            value={draft.partnerId}
            onChange={set('partnerId')}
            error={err('partnerId')}
          />
        )}
        <fieldset className="mb-3">
          <legend className="h5">Identificação</legend>
          <div className="row">
            <div className="col-md-6 mb-3">
              <TextField
                id="cam-name"
                label="Nome da câmera"
                value={draft.name}
                onChange={set('name')}
                error={err('name')}
                required
                maxLength={120}
              />
            </div>
            <div className="col-md-6 mb-3">
              <SelectField
                id="cam-kind"
                label="Tipo"
                value={draft.kind}
                options={cameraKinds.map((k) => ({ value: k, label: cameraKindLabels[k] }))}
                onChange={set('kind')}
                error={err('kind')}
              />
            </div>
            {draft.kind === 'program_loan' && (
              <div className="col-md-6 mb-3">
                <TextField
                  id="cam-serial"
                  label="Número de série / patrimônio"
                  value={draft.assetSerial}
                  onChange={set('assetSerial')}
                  error={err('assetSerial')}
                  required
                  maxLength={80}
                />
              </div>
            )}
            <div className="col-md-6 mb-3">
              <TextField
                id="cam-point"
                label="Código do ponto no projeto (opcional)"
                value={draft.cameraPointId}
                onChange={set('cameraPointId')}
                error={err('cameraPointId')}
                maxLength={80}
              />
            </div>
          </div>
        </fieldset>
        <fieldset className="mb-3">
          <legend className="h5">Acesso à câmera (guia, item 05)</legend>
          <div className="row">
            <div className="col-md-6 mb-3">
              <TextField
                id="cam-host"
                label="IP público ou DDNS"
                hint="IPv4 público, IPv6 (sem colchetes) ou nome DDNS."
                value={draft.host}
                onChange={set('host')}
                error={err('host')}
                required
              />
            </div>
            <div className="col-md-3 mb-3">
              <TextField
                id="cam-rtsp"
                label="Porta RTSP"
                value={draft.rtspPort}
                onChange={set('rtspPort')}
                error={err('rtspPort')}
                inputMode="numeric"
                required
              />
            </div>
            <div className="col-md-3 mb-3">
              <TextField
                id="cam-http"
                label="Porta HTTP"
                value={draft.httpPort}
                onChange={set('httpPort')}
                error={err('httpPort')}
                inputMode="numeric"
                required
              />
            </div>
            <div className="col-md-6 mb-3">
              <SelectField
                id="cam-stream-source"
                label="Origem do fluxo"
                value={draft.streamSource}
                options={cameraStreamSources.map((v) => ({
                  value: v,
                  label: v === 'path' ? 'Caminho RTSP (informado abaixo)' : 'Descoberta ONVIF (a câmera informa o caminho)',
                }))}
                onChange={set('streamSource')}
                error={err('streamSource')}
              />
            </div>
            <div className="col-md-6 mb-3">
              <TextField
                id="cam-path"
                label="Caminho RTSP"
                hint={
                  draft.streamSource === 'onvif'
                    ? `Com ${cameraStreamSourceLabels.onvif.toLowerCase()}, o caminho vem da câmera (pela porta HTTP, com o mesmo login e senha) e este campo não é usado.`
                    : 'Ex.: /Streaming/Channels/101'
                }
                value={draft.rtspPath}
                onChange={set('rtspPath')}
                error={err('rtspPath')}
                required
              />
            </div>
            <div className="col-md-3 mb-3">
              <TextField
                id="cam-user"
                label="Login da câmera"
                value={draft.username}
                onChange={set('username')}
                error={err('credentials.username')}
                autoComplete="off"
              />
            </div>
            <div className="col-md-3 mb-3">
              <TextField
                id="cam-pass"
                label="Senha da câmera"
                type="password"
                hint={
                  editing && original?.hasCredentials ? 'Deixe em branco para manter a senha atual.' : 'Guardada cifrada; nunca é exibida.'
                }
                value={draft.password}
                onChange={set('password')}
                error={err('credentials.password')}
                autoComplete="new-password"
              />
            </div>
            <div className="col-md-6 mb-3">
              <SelectField
                id="cam-ingest"
                label="Modo de ingestão"
                value={draft.ingestMode}
                options={cameraIngestModes.map((m) => ({ value: m, label: cameraIngestModeLabels[m] }))}
                onChange={set('ingestMode')}
                error={err('ingestMode')}
              />
            </div>
            <div className="col-md-6 mb-3">
              <SelectField
                id="cam-rtp-transport"
                label="Transporte RTP"
                value={draft.rtspTransport}
                placeholder="Padrão do nó"
                options={cameraRtspTransports.map((m) => ({ value: m, label: cameraRtspTransportLabels[m] }))}
                onChange={set('rtspTransport')}
                error={err('rtspTransport')}
              />
            </div>
          </div>
        </fieldset>
        <fieldset className="mb-3">
          <legend className="h5">Localização e enquadramento</legend>
          <div className="row">
            <div className="col-md-3 mb-3">
              <TextField
                id="cam-lat"
                label="Latitude"
                hint="Ex.: -14.51476"
                value={draft.latitude}
                onChange={set('latitude')}
                error={err('latitude')}
                inputMode="decimal"
                required
              />
            </div>
            <div className="col-md-3 mb-3">
              <TextField
                id="cam-lon"
                label="Longitude"
                hint="Ex.: -56.4855"
                value={draft.longitude}
                onChange={set('longitude')}
                error={err('longitude')}
                inputMode="decimal"
                required
              />
            </div>
            <div className="col-md-6 mb-3">
              <SelectField
                id="cam-municipality"
                label="Município"
                value={draft.municipalityIbge}
                options={(municipalities ?? []).map((m) => ({ value: m.ibgeCode, label: m.name }))}
                onChange={set('municipalityIbge')}
                placeholder="Selecione…"
                error={err('municipalityIbge')}
                required
              />
            </div>
            <div className="col-md-3 mb-3">
              <TextField
                id="cam-heading"
                label="Direção (graus)"
                hint="0 = norte, 90 = leste."
                value={draft.heading}
                onChange={set('heading')}
                error={err('heading')}
                inputMode="numeric"
                required
              />
            </div>
            <div className="col-md-3 mb-3">
              <TextField
                id="cam-fov"
                label="Campo de visão (graus)"
                value={draft.fieldOfView}
                onChange={set('fieldOfView')}
                error={err('fieldOfView')}
                inputMode="numeric"
                required
              />
            </div>
            <div className="col-md-6 mb-3">
              <SelectField
                id="cam-mounting"
                label="Fixação"
                value={draft.mounting}
                options={cameraMountingValues.map((m) => ({ value: m, label: cameraMountingLabels[m] }))}
                onChange={set('mounting')}
                error={err('mounting')}
              />
            </div>
          </div>
          <div className="br-checkbox mb-2">
            <input id="cam-public" type="checkbox" checked={draft.openToPublic} onChange={(e) => set('openToPublic')(e.target.checked)} />
            <label htmlFor="cam-public">
              Solicitar abertura ao público: se a comissão aprovar, as imagens poderão ser vistas por qualquer pessoa no portal (art. 26, §
              2º)
            </label>
          </div>
          {editing && (
            <div className="br-checkbox mb-2">
              <input id="cam-disabled" type="checkbox" checked={draft.disabled} onChange={(e) => set('disabled')(e.target.checked)} />
              <label htmlFor="cam-disabled">Câmera desativada (não é exibida nem testada até ser reativada)</label>
            </div>
          )}
        </fieldset>
        <div className="d-flex">
          <button
            type="button"
            className="br-button secondary mr-2"
            onClick={() => navigate(original ? `/cameras/${original.id}` : '/cameras')}
            disabled={busy}
          >
            Cancelar
          </button>
          <button type="submit" className="br-button primary" disabled={busy}>
            {editing ? 'Salvar alterações' : 'Cadastrar câmera'}
          </button>
        </div>
      </form>
    </>
  );
}
