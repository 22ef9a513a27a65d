import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextField } from '../../shared/components/TextField';
import type { useVerificationByCode } from './use-verification-by-code';

/** The code field of a certificate's public verification page, with the pointer to the PDF check and the API's error. */
export function CodeVerificationForm({ id, check }: { id: string; check: ReturnType<typeof useVerificationByCode<unknown>> }) {
  return (
    <>
      <p>
        Informe o código de autenticação impresso na certidão. Para conferir se um arquivo PDF foi alterado, use também a{' '}
        <a href="/verificar">verificação de documentos</a>.
      </p>
      <form onSubmit={check.submit} className="d-flex flex-wrap align-items-end" style={{ gap: '1rem' }} noValidate>
        <TextField id={id} label="Código de autenticação" value={check.code} onChange={check.setCode} autoComplete="off" />
        <button className="br-button primary" type="submit" disabled={check.code.trim().length < 16}>
          Verificar
        </button>
      </form>
      <ApiErrorMessage error={check.error} />
    </>
  );
}
