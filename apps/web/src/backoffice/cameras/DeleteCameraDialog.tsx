import type { Camera } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { deleteCamera } from '../api/cameras-api';

/** Confirmation before deleting a camera: the registry row, its self-tests and snapshots go. */
export function DeleteCameraDialog({ camera, onCancel, onDeleted }: { camera: Camera; onCancel: () => void; onDeleted: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteCamera(camera.id);
      onDeleted();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };
  return (
    <div className="br-card p-3 my-3" role="alertdialog" aria-labelledby="delete-camera-title" aria-describedby="delete-camera-text">
      <h2 id="delete-camera-title" className="h5 mt-0">
        Excluir câmera
      </h2>
      <p id="delete-camera-text">
        Excluir a câmera <strong>{camera.name}</strong>? O cadastro, o histórico de autotestes e as imagens de teste serão apagados. Esta
        ação não pode ser desfeita.
      </p>
      <ApiErrorMessage error={error} />
      <div className="d-flex">
        <button type="button" className="br-button secondary mr-2" onClick={onCancel} disabled={busy}>
          Cancelar
        </button>
        <button type="button" className="br-button primary" onClick={() => void confirm()} disabled={busy}>
          Confirmar exclusão
        </button>
      </div>
    </div>
  );
}
