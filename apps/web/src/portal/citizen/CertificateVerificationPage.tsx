import { formatDateTime } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { CodeVerificationForm } from './CodeVerificationForm';
import { verifyCertificate } from './citizen-api';
import { useVerificationByCode } from './use-verification-by-code';

/** /cidadao/certidao/verificar?codigo= — authenticity of a criminal-record certificate (minimum data). */
export function CertificateVerificationPage() {
  useDocumentTitle('Autenticar certidão de antecedentes criminais');
  const check = useVerificationByCode(verifyCertificate);
  const { result } = check;
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Serviços ao cidadão', to: '/cidadao' }, { label: 'Autenticar certidão' }]} />
      <h1>Autenticar certidão de antecedentes criminais</h1>
      <CodeVerificationForm id="certificate-code" check={check} />
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
