import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../hooks/use-document-title';

/** 403 page: says only that access is denied; the protected page is never mounted. */
export function Forbidden({ homeTo = '/' }: { homeTo?: string }) {
  useDocumentTitle('Acesso negado');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="vigia-status-page" aria-labelledby="forbidden-title">
      <p className="vigia-status-code" aria-hidden="true">
        403
      </p>
      <h1 id="forbidden-title" ref={heading} tabIndex={-1}>
        Acesso negado
      </h1>
      <p>Seu perfil não tem permissão para acessar esta página. Se precisar desse acesso, procure a administração do programa.</p>
      <Link className="br-button primary" to={homeTo}>
        Voltar à página inicial
      </Link>
    </section>
  );
}
