import type { StoredFile } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { FileField } from '../../../shared/components/FileField';
import { formatBytes } from '../../../shared/format';
import { acceptedUploadTypes, uploadFile, uploadLimitHint } from '../../api/files-api';

interface Props {
  id: string;
  label: string;
  /** Called with the stored file after a successful upload. */
  onUploaded: (file: StoredFile) => void | Promise<void>;
  disabled?: boolean;
}

/** Choose a file → POST /api/files at once; shows the accepted types, limit and the API's refusal. */
export function UploadControl({ id, label, onUploaded, disabled }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<StoredFile | null>(null);

  async function upload(file: File | null) {
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const stored = await uploadFile(file);
      await onUploaded(stored);
      setDone(stored);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <FileField
        id={id}
        label={label}
        accept={acceptedUploadTypes}
        hint={uploadLimitHint}
        error={error ? [error.message, ...error.details.map((d) => d.message)].join(' ') : undefined}
        disabled={disabled || busy}
        onSelect={(f) => void upload(f)}
      />
      <div aria-live="polite" className="text-down-01">
        {busy && 'Enviando arquivo…'}
        {done && `Arquivo enviado: ${done.originalName} (${formatBytes(done.sizeBytes)}).`}
      </div>
    </div>
  );
}
