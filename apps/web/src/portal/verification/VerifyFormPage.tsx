import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { CodeForm } from './CodeForm';

/** /verificar — type the authenticity code of a document issued by the platform. */
export function VerifyFormPage() {
  useDocumentTitle('Verificar documento');
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Verificar documento' }]} />
      <h1>Verificar autenticidade de documento</h1>
      <p>
        Os atos emitidos pela plataforma Vigia Mais MT (notificações, decisões, termos e anexos) trazem um código de autenticação e um QR
        Code. Informe o código para ver os dados do documento e conferir uma cópia.
      </p>
      <CodeForm />
    </div>
  );
}
