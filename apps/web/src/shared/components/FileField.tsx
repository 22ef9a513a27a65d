interface FileFieldProps {
  id: string;
  label: string;
  /** e.g. ".pdf,.jpg,.jpeg,.png" */
  accept?: string;
  hint?: string;
  error?: string | undefined;
  disabled?: boolean;
  required?: boolean;
  onSelect: (file: File | null) => void;
}

/** DS-styled native file input: label, hint (accepted types, size limit) and error tied to it. */
export function FileField({ id, label, accept, hint, error, disabled, required, onSelect }: FileFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`br-input${error ? ' danger' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        className="vigia-file"
        accept={accept}
        disabled={disabled}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        onChange={(e) => onSelect(e.target.files?.[0] ?? null)}
      />
      {hint && (
        <p id={hintId} className="text-down-01 mt-1 mb-0">
          {hint}
        </p>
      )}
      {error && (
        <span id={errorId} className="feedback danger" role="alert">
          <i className="fas fa-times-circle" aria-hidden="true" />
          {error}
        </span>
      )}
    </div>
  );
}
