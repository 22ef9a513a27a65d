import { TextField } from '../../shared/components/TextField';

interface CodeFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** The 6-digit code from the authenticator app. */
export function CodeField({ value, onChange, error, disabled }: CodeFieldProps) {
  return (
    <TextField
      id="mfa-code"
      label="Código de 6 dígitos"
      hint="Digite o código exibido no aplicativo autenticador."
      value={value}
      onChange={(v) => onChange(v.replace(/\D/g, '').slice(0, 6))}
      error={error}
      disabled={disabled}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      required
      autoFocus
    />
  );
}
