import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { TextField } from '../../shared/components/TextField';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { requestPasswordReset } from './account-api';
import { useEmailRequest } from './use-email-request';

/** /esqueci-a-senha — mails a reset link; the answer never says whether the e-mail has an account. */
export function ForgotPasswordPage() {
  useDocumentTitle('Esqueci a senha');
  const { email, setEmail, sent, error, busy, submit } = useEmailRequest(requestPasswordReset);

  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Esqueci a senha' }]} />
      <div className="vigia-narrow mt-4">
        <h1>Esqueci a senha</h1>
        {sent ? (
          <Message kind="info">{sent}</Message>
        ) : (
          <form onSubmit={submit} noValidate aria-label="Pedir redefinição de senha">
            <p>Informe o e-mail de acesso. Se houver uma conta com ele, enviaremos um link para escolher uma nova senha.</p>
            <ApiErrorMessage error={error} />
            <TextField id="forgot-email" className="mb-3" label="E-mail" type="email" value={email} onChange={setEmail} required />
            <button className="br-button primary" type="submit" disabled={busy || !email.trim()}>
              {busy ? 'Enviando…' : 'Enviar link'}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
