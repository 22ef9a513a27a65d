import type { ManifestationFollowUp } from '@vigia/contracts';
import { manifestationKindLabels } from '@vigia/contracts';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { formatDateTime } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { fetchCitizenSession } from '../citizen/citizen-api';
import { RatingPrompt } from '../service-ratings/RatingPrompt';
import { fetchPendingRatings } from '../service-ratings/service-ratings-api';
import { followManifestation, replyByProtocol } from './ombudsman-api';

const date = (d: string) => d.split('-').reverse().join('/');

/** /ouvidoria/acompanhar — status, deadline, messages both ways and the answer, by protocol + access code. */
export function OmbudsmanFollowPage() {
  useDocumentTitle('Acompanhar manifestação');
  const [params] = useSearchParams();
  const [protocol, setProtocol] = useState(params.get('protocolo') ?? '');
  const [code, setCode] = useState(params.get('codigo') ?? '');
  const [found, setFound] = useState<ManifestationFollowUp | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reply, setReply] = useState('');
  const [canRate, setCanRate] = useState(false);

  const look = useCallback(async (p: string, c: string) => {
    setError(null);
    try {
      const m = await followManifestation(p.trim(), c.trim());
      setFound(m);
      // A signed-in requester rates the service once it is answered (the server checks it is theirs).
      if (m.status === 'answered' && m.identity !== 'anonymous') {
        const s = await fetchCitizenSession();
        if (s.citizen) setCanRate((await fetchPendingRatings()).pending.some((r) => r.service === 'ombudsman' && r.requestId === m.id));
      }
    } catch (err) {
      setFound(null);
      setError(toApiError(err));
    }
  }, []);

  useEffect(() => {
    const p = params.get('protocolo');
    const c = params.get('codigo');
    if (p && c) void look(p, c);
  }, [params, look]);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!found) return;
    setError(null);
    try {
      setFound(await replyByProtocol(found.protocol, code.trim(), reply.trim()));
      setReply('');
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Ouvidoria', to: '/ouvidoria' }, { label: 'Acompanhar' }]} />
      <h1>Acompanhar manifestação</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void look(protocol, code);
        }}
        aria-label="Consultar manifestação"
        className="vigia-form-grid"
        style={{ maxWidth: '32rem' }}
      >
        <TextField id="follow-protocol" label="Protocolo" value={protocol} onChange={setProtocol} required />
        <TextField id="follow-code" label="Código de acesso" value={code} onChange={setCode} required />
        <div>
          <button className="br-button primary" type="submit">
            Consultar
          </button>
        </div>
      </form>
      <ApiErrorMessage error={error} />
      {found && (
        <section className="mt-4" aria-label="Manifestação" data-testid="manifestation">
          <h2>
            {manifestationKindLabels[found.kind]}: {found.subject}
          </h2>
          <p>
            Situação: <strong data-testid="manifestation-status">{found.statusLabel}</strong>. Recebida em {date(found.receivedOn)}.
            {found.status !== 'answered' && (
              <>
                {' '}
                Prazo de resposta: <strong data-testid="manifestation-due">{date(found.dueOn)}</strong>
                {found.extended && <> (prorrogado: {found.extensionReason})</>}.
              </>
            )}
          </p>
          <p style={{ whiteSpace: 'pre-wrap' }}>{found.description}</p>
          {found.answer && (
            <div className="br-card p-3 mb-3">
              <h3>Resposta da Ouvidoria</h3>
              <p style={{ whiteSpace: 'pre-wrap' }} data-testid="manifestation-answer">
                {found.answer}
              </p>
            </div>
          )}
          {canRate && <RatingPrompt service="ombudsman" requestId={found.id} title="Ouvidoria" />}
          <h3>Mensagens</h3>
          {found.messages.length ? (
            <ul className="list-unstyled" data-testid="manifestation-messages">
              {found.messages.map((m) => (
                <li key={m.at + m.from} className="mb-2">
                  <strong>{m.from === 'citizen' ? 'Você' : 'Ouvidoria'}</strong> ({formatDateTime(m.at)}): {m.text}
                </li>
              ))}
            </ul>
          ) : (
            <p>Nenhuma mensagem ainda.</p>
          )}
          <form onSubmit={(e) => void send(e)} aria-label="Responder à Ouvidoria">
            <TextAreaField id="follow-reply" label="Escrever à Ouvidoria" value={reply} onChange={setReply} maxLength={4000} />
            <button className="br-button secondary mt-2" type="submit" disabled={reply.trim().length < 2}>
              Enviar mensagem
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
