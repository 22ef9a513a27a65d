import type { SessionResponse } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ApiError } from '../../shared/api/api-error';
import { toApiError } from '../../shared/api/api-error';
import { login } from '../../shared/api/auth-api';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextField } from '../../shared/components/TextField';
import { StepHeading } from './StepHeading';

interface PasswordStepProps {
  onSession: (session: SessionResponse) => void;
  initialError?: ApiError | null;
}

export function PasswordStep({ onSession, initialError = null }: PasswordStepProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(initialError);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = {
      ...(email.trim() ? {} : { email: 'Informe o e-mail.' }),
      ...(password ? {} : { password: 'Informe a senha.' }),
    };
    setMissing(problems);
    if (problems.email || problems.password) return;
    setBusy(true);
    setError(null);
    try {
      onSession(await login({ email: email.trim(), password }));
    } catch (e) {
      setError(toApiError(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <StepHeading>Entrar</StepHeading>
      <p>Área restrita a participantes do programa, à SESP/MT e às autoridades credenciadas.</p>
      <ApiErrorMessage error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          id="login-email"
          className="mb-3"
          label="E-mail"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={missing.email ?? error?.fieldMessage('email')}
          required
          autoFocus
        />
        <TextField
          id="login-password"
          className="mb-3"
          label="Senha"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={missing.password ?? error?.fieldMessage('password')}
          required
        />
        <button className="br-button primary" type="submit" disabled={busy}>
          {busy ? 'Entrando…' : 'Entrar'}
        </button>
      </form>
      <p className="text-down-01 mt-3">
        <Link to="/esqueci-a-senha">Esqueci a senha</Link>
        {error?.code === 'EMAIL_NOT_CONFIRMED' && (
          <>
            {' · '}
            <Link to="/confirmar-email">Pedir novo link de confirmação</Link>
          </>
        )}
      </p>
    </>
  );
}
