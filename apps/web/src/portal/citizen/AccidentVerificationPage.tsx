import { formatDate, formatDateTime } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { CodeVerificationForm } from './CodeVerificationForm';
import { verifyAccidentCertificate } from './citizen-api';
import { useVerificationByCode } from './use-verification-by-code';

/** /cidadao/acidente/verificar?codigo= — authenticity of a traffic-accident certificate (minimum data). */
export function AccidentVerificationPage() {
  useDocumentTitle('Autenticar certidão de acidente de trânsito');
  const check = useVerificationByCode(verifyAccidentCertificate);
  const { result } = check;
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Serviços ao cidadão', to: '/cidadao' }, { label: 'Autenticar certidão de acidente' }]} />
      <h1>Autenticar certidão de acidente de trânsito</h1>
      <CodeVerificationForm id="accident-code" check={check} />
      {result && (
        <section className="br-card p-3 mt-3" aria-label="Resultado da verificação">
          <p className="text-weight-bold" data-testid="accident-certificate-valid">
            Certidão autêntica.
          </p>
          <dl className="vigia-facts">
            <dt>Protocolo</dt>
            <dd>{result.protocol}</dd>
            <dt>Data do acidente</dt>
            <dd>{formatDate(result.accidentDate)}</dd>
            <dt>Município</dt>
            <dd>{result.municipality}</dd>
            <dt>Emitida em</dt>
            <dd>{formatDateTime(result.issuedAt)}</dd>
            <dt>CPF das partes</dt>
            <dd>{result.partiesCpfMasked.join(', ') || '—'}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}
