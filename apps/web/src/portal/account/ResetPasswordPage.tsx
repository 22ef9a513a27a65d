import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { TextField } from '../../shared/components/TextField';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { resetPassword } from './account-api';

/** /redefinir-senha?token=… — sets a new password with the mailed single-use link. */
export function ResetPasswordPage() {
  useDocumentTitle('Redefinir senha');
  const [params] = useSearchParams();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = repeat && password !== repeat ? 'As senhas não conferem.' : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      setDone((await resetPassword(params.get('token') ?? '', password)).message);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Redefinir senha' }]} />
      <div className="vigia-narrow mt-4">
        <h1>Redefinir senha</h1>
        {done ? (
          <Message kind="success">
            {done} <Link to="/entrar">Entrar</Link>.
          </Message>
        ) : (
          <form onSubmit={submit} noValidate aria-label="Nova senha">
            <ApiErrorMessage error={error} />
            <TextField
              id="reset-password"
              className="mb-3"
              label="Nova senha"
              type="password"
              autoComplete="new-password"
              hint="Pelo menos 12 caracteres."
              value={password}
              onChange={setPassword}
              error={error?.fieldMessage('password')}
              required
            />
            <TextField
              id="reset-repeat"
              className="mb-3"
              label="Confirme a nova senha"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={setRepeat}
              error={mismatch}
              required
            />
            <button className="br-button primary" type="submit" disabled={busy || !password}>
              {busy ? 'Salvando…' : 'Salvar nova senha'}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
