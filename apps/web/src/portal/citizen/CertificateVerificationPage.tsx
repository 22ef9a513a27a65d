import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextField } from '../../shared/components/TextField';
import { formatDateTime } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { verifyCertificate } from './citizen-api';
import { useVerificationByCode } from './use-verification-by-code';

/** /cidadao/certidao/verificar?codigo= — authenticity of a criminal-record certificate (minimum data). */
export function CertificateVerificationPage() {
  useDocumentTitle('Autenticar certidão de antecedentes criminais');
  const { code, setCode, result, error, submit } = useVerificationByCode(verifyCertificate);
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Serviços ao cidadão', to: '/cidadao' }, { label: 'Autenticar certidão' }]} />
      <h1>Autenticar certidão de antecedentes criminais</h1>
      <p>
        Informe o código de autenticação impresso na certidão. Para conferir se um arquivo PDF foi alterado, use também a{' '}
        <a href="/verificar">verificação de documentos</a>.
      </p>
      <form onSubmit={submit} className="d-flex flex-wrap align-items-end" style={{ gap: '1rem' }} noValidate>
        <TextField id="certificate-code" label="Código de autenticação" value={code} onChange={setCode} autoComplete="off" />
        <button className="br-button primary" type="submit" disabled={code.trim().length < 16}>
          Verificar
        </button>
      </form>
      <ApiErrorMessage error={error} />
      {result && (
        <section className="br-card p-3 mt-3" aria-label="Resultado da verificação">
          <p data-testid="certificate-validity" className="text-weight-bold">
            {result.valid ? 'Certidão autêntica e válida.' : 'Certidão autêntica, mas vencida.'}
          </p>
          <dl className="vigia-facts">
            <dt>Nome</dt>
            <dd>{result.name}</dd>
            <dt>CPF</dt>
            <dd>{result.cpfMasked}</dd>
            <dt>Emitida em</dt>
            <dd>{formatDateTime(result.issuedAt)}</dd>
            <dt>Válida até</dt>
            <dd>{formatDateTime(result.validUntil)}</dd>
            <dt>Resultado</dt>
            <dd data-testid="certificate-result">{result.resultText}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}
