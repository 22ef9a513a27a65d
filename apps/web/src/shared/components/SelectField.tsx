interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  /** Text of an empty first option; omit when a value is always chosen. */
  placeholder?: string;
  error?: string | undefined;
  required?: boolean;
}

/** A native select styled like a DS input: fully keyboard and screen-reader friendly. */
export function SelectField({ id, label, value, options, onChange, placeholder, error, required }: SelectFieldProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`br-input${error ? ' danger' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="vigia-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        required={required}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <span id={errorId} className="feedback danger" role="alert">
          <i className="fas fa-times-circle" aria-hidden="true" />
          {error}
        </span>
      )}
    </div>
  );
}
