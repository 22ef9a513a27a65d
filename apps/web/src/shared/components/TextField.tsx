import type { InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
}

/** gov.br DS `br-input` with a visible label, optional hint and an error tied to the input. */
export function TextField({ id, label, value, onChange, error, hint, className, ...rest }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`br-input${error ? ' danger' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
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
