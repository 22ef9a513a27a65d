import type { RatedServiceId } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { rateService } from './service-ratings-api';

const scoreLabels = ['Muito insatisfeito', 'Insatisfeito', 'Indiferente', 'Satisfeito', 'Muito satisfeito'];

/**
 * "Avalie este serviço" (gov.br model): 1 to 5 and an optional comment, once per use of a service.
 * Shown after a service finished; the server checks the use is the citizen's and not rated yet.
 */
export function RatingPrompt({ service, requestId, title }: { service: RatedServiceId; requestId: string; title: string }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await rateService({ service, requestId, score, comment: comment.trim() || null });
      setDone(true);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <Message kind="success" title="Obrigado pela sua avaliação!">
        Ela ajuda a melhorar os serviços da Segurança Pública.
      </Message>
    );
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={`Avaliar: ${title}`} className="vigia-fieldset" data-testid="rating-prompt">
      <fieldset className="vigia-fieldset">
        <legend>Avalie este serviço: {title}</legend>
        <ApiErrorMessage error={error} />
        <div role="radiogroup" aria-label="Nota de 1 a 5">
          {scoreLabels.map((label, i) => (
            <div className="vigia-choice d-inline-block mr-3" key={label}>
              <input
                id={`rating-${requestId}-${i + 1}`}
                type="radio"
                name={`rating-${requestId}`}
                checked={score === i + 1}
                onChange={() => setScore(i + 1)}
              />
              <label htmlFor={`rating-${requestId}-${i + 1}`}>
                {i + 1} — {label}
              </label>
            </div>
          ))}
        </div>
        <TextAreaField
          id={`rating-comment-${requestId}`}
          label="Comentário (opcional)"
          value={comment}
          onChange={setComment}
          maxLength={1000}
        />
        <button type="submit" className="br-button primary mt-2" disabled={busy || score === 0}>
          {busy ? 'Enviando…' : 'Enviar avaliação'}
        </button>
      </fieldset>
    </form>
  );
}
