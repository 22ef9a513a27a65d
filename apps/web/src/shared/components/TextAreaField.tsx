interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  maxLength?: number;
}

/** DS-styled textarea with label, hint and an error tied to it. */
export function TextAreaField({ id, label, value, onChange, hint, error, required, maxLength }: TextAreaFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`br-textarea${error ? ' danger' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="vigia-textarea"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        required={required}
        maxLength={maxLength}
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
