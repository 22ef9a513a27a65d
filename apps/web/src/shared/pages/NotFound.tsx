import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../hooks/use-document-title';

/** 404 page for paths that do not exist in the current bundle. */
export function NotFound({ homeTo = '/' }: { homeTo?: string }) {
  useDocumentTitle('Página não encontrada');
  return (
    <section className="vigia-status-page" aria-labelledby="not-found-title">
      <p className="vigia-status-code" aria-hidden="true">
        404
      </p>
      <h1 id="not-found-title">Página não encontrada</h1>
      <p>O endereço acessado não existe ou foi alterado.</p>
      <Link className="br-button primary" to={homeTo}>
        Voltar à página inicial
      </Link>
    </section>
  );
}
