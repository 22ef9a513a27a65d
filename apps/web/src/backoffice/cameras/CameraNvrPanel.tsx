import { type NvrPreset, nvrPresets } from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { useApiData } from '../../shared/hooks/use-api-data';
import { deleteCameraNvr, getCameraNvr, saveCameraNvr } from '../api/cameras-api';

const presetOptions = [
  { value: 'hikvision', label: 'Hikvision' },
  { value: 'dahua', label: 'Dahua / Intelbras' },
  { value: 'custom', label: 'Outro (endereço personalizado)' },
];

/**
 * Art. 25 §2: the partner declares that the camera's footage is also kept in its own recorder
 * (NVR). Operators may then fetch a range from it on the playback page (reason required, audited).
 * The NVR login is write-only. An integrator may record its own recorder as the copy of a client's
 * camera (`offerIntegratorCopy`; issue 18, seed 002 BH + Segura).
 */
export function CameraNvrPanel({ cameraId, offerIntegratorCopy = false }: { cameraId: string; offerIntegratorCopy?: boolean }) {
  const load = useCallback((signal: AbortSignal) => getCameraNvr(cameraId, signal), [cameraId]);
  const nvr = useApiData(load);
  const [editing, setEditing] = useState(false);
  const [preset, setPreset] = useState<NvrPreset>('hikvision');
  const [template, setTemplate] = useState<string>(nvrPresets.hikvision);
  const [channel, setChannel] = useState('1');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [integratorCopy, setIntegratorCopy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const edit = () => {
    const d = nvr.data;
    setPreset(d?.preset ?? 'hikvision');
    setTemplate(d?.urlTemplate ?? nvrPresets.hikvision);
    setChannel(String(d?.channel ?? 1));
    setUsername('');
    setPassword('');
    setIntegratorCopy(Boolean(d?.keptBy));
    setError(null);
    setEditing(true);
  };
  const choose = (p: string) => {
    setPreset(p as NvrPreset);
    if (p !== 'custom') setTemplate(nvrPresets[p as keyof typeof nvrPresets]);
  };
  const save = async () => {
    setError(null);
    try {
      const body = {
        preset,
        urlTemplate: template,
        channel: Number(channel),
        ...(username && password ? { credentials: { username, password } } : {}),
        ...(offerIntegratorCopy ? { keptByIntegrator: integratorCopy } : {}),
      };
      const saved = await saveCameraNvr(cameraId, body);
      nvr.setData(() => saved);
      setEditing(false);
    } catch (e) {
      setError(toApiError(e));
    }
  };
  const remove = async () => {
    try {
      await deleteCameraNvr(cameraId);
      nvr.setData(() => ({ configured: false, preset: null, urlTemplate: null, channel: null, hasCredentials: false, keptBy: null }));
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <section className="my-4" aria-labelledby="nvr-title">
      <h2 id="nvr-title" className="h4">
        Gravador do parceiro (NVR)
      </h2>
      <p className="text-down-01">
        Se as imagens desta câmera também ficam guardadas no gravador (NVR) do próprio parceiro, informe como acessá-las: o CIOSP poderá
        buscar um trecho nele quando a plataforma não tiver gravação (Decreto 1.522/2022, art. 25, § 2º). Todo acesso exige motivo e é
        registrado na auditoria.
      </p>
      {nvr.data && !editing && (
        <>
          {nvr.data.configured ? (
            <p>
              <code>{nvr.data.urlTemplate}</code> — canal {nvr.data.channel}; login{' '}
              {nvr.data.hasCredentials ? 'próprio do gravador (guardado cifrado)' : 'o mesmo da câmera'}.
              {nvr.data.keptBy && ` Gravador da empresa integradora ${nvr.data.keptBy.name} (cópia mantida pela integradora).`}
            </p>
          ) : (
            <p>Nenhum gravador informado.</p>
          )}
          <button type="button" className="br-button secondary" onClick={edit}>
            {nvr.data.configured ? 'Alterar' : 'Informar gravador'}
          </button>
          {nvr.data.configured && (
            <button type="button" className="br-button tertiary ml-2" onClick={() => void remove()}>
              Remover
            </button>
          )}
        </>
      )}
      {editing && (
        <form onSubmit={(e) => (e.preventDefault(), void save())}>
          <SelectField id="nvr-preset" label="Fabricante" value={preset} options={presetOptions} onChange={choose} />
          <TextField
            id="nvr-template"
            label="Endereço de reprodução (RTSP)"
            value={template}
            onChange={(v) => (setTemplate(v), setPreset('custom'))}
            error={error?.fieldMessage('urlTemplate')}
            hint="Marcadores: {host} {port} {channel}; início e fim com fuso explícito, por exemplo {start@local:yyyyMMdd'T'HHmmss} (horário de Cuiabá) ou {start@utc:…}."
          />
          <TextField id="nvr-channel" label="Canal" type="number" min={1} max={256} value={channel} onChange={setChannel} />
          <TextField
            id="nvr-user"
            label="Usuário do gravador (opcional; vazio = o da câmera)"
            value={username}
            onChange={setUsername}
            autoComplete="off"
          />
          <TextField
            id="nvr-password"
            label="Senha do gravador"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="new-password"
          />
          {offerIntegratorCopy && (
            <div className="br-checkbox mt-2">
              <input
                id="nvr-integrator-copy"
                type="checkbox"
                checked={integratorCopy}
                onChange={(e) => setIntegratorCopy(e.target.checked)}
              />
              <label htmlFor="nvr-integrator-copy">
                O gravador é da minha empresa: cópia das imagens do cliente mantida pela integradora (art. 25, § 2º)
              </label>
            </div>
          )}
          {error?.fieldMessage('keptByIntegrator') && <p className="text-danger">{error.fieldMessage('keptByIntegrator')}</p>}
          <button type="submit" className="br-button primary mt-2">
            Salvar gravador
          </button>
          <button type="button" className="br-button tertiary mt-2 ml-2" onClick={() => setEditing(false)}>
            Cancelar
          </button>
        </form>
      )}
      {error && <ApiErrorMessage error={error} />}
    </section>
  );
}
