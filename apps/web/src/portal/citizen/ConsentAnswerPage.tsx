import type { ConsentAnswer } from '@vigia/contracts';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { formatDateTime } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { answerConsentLink } from './citizen-api';

/**
 * /consulta-antecedentes/:token — what an employer sees when opening the consent link a citizen
 * gave: the answer as of now (certificate valid, no record), so no PDF has to be trusted. Each
 * opening is a lookup the citizen sees in "who looked me up"; a revoked or expired link says so
 * and discloses nothing.
 */
export default function ConsentAnswerPage() {
  useDocumentTitle('Consulta autorizada de antecedentes criminais');
  const { token = '' } = useParams();
  const [answer, setAnswer] = useState<ConsentAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    answerConsentLink(token, controller.signal).then(setAnswer, (e: unknown) => {
      if (!controller.signal.aborted) setError(toApiError(e));
    });
    return () => controller.abort();
  }, [token]);
  return (
    <div className="container-lg vigia-main-area">
      <h1>Consulta autorizada de antecedentes criminais</h1>
      <p>
        Esta consulta foi autorizada pelo próprio cidadão por um link de consentimento. A resposta é a situação na data e hora desta
        consulta, e o cidadão é informado de cada acesso.
      </p>
      <ApiErrorMessage error={error} />
      {!answer && !error && <Loading />}
      {answer && (
        <section className="br-card p-3 mt-3" aria-label="Resultado da consulta">
          <p data-testid="consent-answer" className="text-weight-bold">
            {answer.noRecordAsOfNow ? 'Nada consta' : 'Consta registro em nome desta pessoa — uma nova certidão traz os detalhes'}
            {answer.certificateValid ? ' — certidão válida.' : ' — a certidão emitida não está mais válida.'}
          </p>
          <dl className="vigia-facts">
            <dt>Nome</dt>
            <dd>{answer.name}</dd>
            <dt>CPF</dt>
            <dd>{answer.cpfMasked}</dd>
            <dt>Consultado em</dt>
            <dd>{formatDateTime(answer.checkedAt)}</dd>
            <dt>Link válido até</dt>
            <dd>{formatDateTime(answer.linkExpiresAt)}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}
