import { useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { useApiData } from '../../shared/hooks/use-api-data';
import { ptzApi } from './ptz-api';

/**
 * The approved view of a PTZ camera (issue 17): the committee or an admin registers which of the
 * camera's presets is the view of the approved executive project; the camera returns to it after
 * operators leave it alone. Presets are saved by operators from the console's PTZ control. Nothing
 * is shown for a camera that reports no PTZ.
 */
export function ApprovedViewPanel({ cameraId }: { cameraId: string }) {
  const load = useCallback((signal: AbortSignal) => ptzApi.approvedView(cameraId, signal), [cameraId]);
  const view = useApiData(load);
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  if (!view.data?.supported) return null;
  const { presets, approvedPresetToken } = view.data;
  const selected = choice ?? approvedPresetToken;

  const save = async () => {
    if (!selected) return;
    setError(null);
    setSaved(false);
    try {
      await ptzApi.setApprovedView(cameraId, selected);
      view.setData((d) => (d ? { ...d, approvedPresetToken: selected } : d));
      setChoice(null);
      setSaved(true);
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <section className="my-4" aria-labelledby="approved-view-title">
      <h2 id="approved-view-title" className="h4">
        Visão aprovada (câmera PTZ)
      </h2>
      <p className="text-down-01">
        Esta câmera pode ser movimentada pelos operadores. Escolha a posição gravada (preset) que corresponde ao enquadramento aprovado no
        projeto executivo: sem uso por alguns minutos, a câmera volta sozinha a ela. As posições são gravadas pelos operadores no console.
      </p>
      {presets.length === 0 ? (
        <p>Nenhuma posição gravada na câmera ainda.</p>
      ) : (
        <form onSubmit={(e) => (e.preventDefault(), void save())}>
          <fieldset className="mb-2">
            <legend className="vigia-label">Posição da visão aprovada</legend>
            {presets.map((p) => (
              <div className="vigia-choice" key={p.token}>
                <input
                  id={`approved-${p.token}`}
                  type="radio"
                  name="approved-preset"
                  value={p.token}
                  checked={selected === p.token}
                  onChange={() => (setChoice(p.token), setSaved(false))}
                />
                <label htmlFor={`approved-${p.token}`}>
                  {p.name}
                  {p.token === approvedPresetToken && ' (visão aprovada atual)'}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="br-button primary mt-2" disabled={!selected || selected === approvedPresetToken}>
            Registrar como visão aprovada
          </button>
        </form>
      )}
      {saved && (
        <p role="status" className="text-success mt-2">
          Visão aprovada registrada.
        </p>
      )}
      {error && <ApiErrorMessage error={error} />}
    </section>
  );
}
