import type { ConsentLinkView } from '@vigia/contracts';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { apiRequest } from '../../shared/api/api-client';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { fetchSession } from '../../shared/api/auth-api';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { TextField } from '../../shared/components/TextField';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';

const TITLE = 'Autorização para compartilhar câmeras';

/**
 * /autorizacao-cameras?token=… — the page of the link e-mailed to a client of an electronic-security
 * company (issue 18; seed 002 BH + Segura): it shows who asks and for which cameras, lets the client
 * authorise (typing its name) and, at any time later, revoke.
 */
export function CameraConsentPage() {
  useDocumentTitle(TITLE);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [view, setView] = useState<ConsentLinkView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    // The visitor's (anonymous) session first: its CSRF token guards the POSTs below. The layout
    // fetches it too, but a child's effect runs before its parent's.
    fetchSession()
      .then(() => apiRequest<ConsentLinkView>('/api/public/camera-consents/lookup', { method: 'POST', body: { token } }))
      .then(setView)
      .catch((e: unknown) => setError(toApiError(e)));
  }, [token]);

  const act = (path: 'confirm' | 'revoke', body: object, done: string) => {
    setError(null);
    apiRequest<ConsentLinkView>(`/api/public/camera-consents/${path}`, { method: 'POST', body: { token, ...body } })
      .then((v) => {
        setView(v);
        setNotice(done);
      })
      .catch((e: unknown) => setError(toApiError(e)));
  };

  return (
    <div className="container-lg my-4">
      <h1>{TITLE}</h1>
      {notice && <Message kind="success">{notice}</Message>}
      <ApiErrorMessage error={error} />
      {!view && !error && <Loading label="Carregando o pedido…" />}
      {view && (
        <>
          <p>
            A empresa <strong>{view.integratorName}</strong> pede a autorização de <strong>{view.clientName}</strong> para compartilhar com
            o Programa Vigia Mais MT as imagens destas câmeras, voltadas para vias e espaços públicos:
          </p>
          <ul>
            {view.cameras.map((c) => (
              <li key={c.name}>{c.name}</li>
            ))}
          </ul>
          <p>
            As imagens são vistas em tempo real pelo Centro Integrado de Operações de Segurança Pública e guardadas sob sigilo; só são
            cedidas por decisão fundamentada, a pedido do Judiciário, do Ministério Público ou de autoridade policial.
          </p>
          {view.status === 'pending' && (
            <form
              aria-label="Autorizar compartilhamento"
              onSubmit={(e) => {
                e.preventDefault();
                act('confirm', { name }, 'Autorização registrada. Você pode revogá-la a qualquer momento por este mesmo link.');
              }}
            >
              <TextField id="consent-name" label="Seu nome completo" value={name} onChange={setName} required />
              <button type="submit" className="br-button primary mt-2">
                Autorizar o compartilhamento
              </button>
            </form>
          )}
          {view.status === 'granted' && (
            <>
              <Message kind="info">O compartilhamento está autorizado.</Message>
              <button
                type="button"
                className="br-button secondary"
                onClick={() => act('revoke', {}, 'Autorização revogada: as câmeras deixaram de ser compartilhadas.')}
              >
                Revogar a autorização
              </button>
            </>
          )}
          {view.status === 'revoked' && <Message kind="warning">Esta autorização foi revogada; as câmeras não são compartilhadas.</Message>}
        </>
      )}
    </div>
  );
}
