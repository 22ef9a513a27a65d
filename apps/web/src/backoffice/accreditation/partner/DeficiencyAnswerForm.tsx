import type { ApplicationDetail } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { formatDate } from '../../../shared/format';
import { answerDeficiencyNotice } from '../../api/accreditation-api';
import { UploadControl } from '../shared/UploadControl';

type Notice = ApplicationDetail['deficiencyNotices'][number];

interface Props {
  applicationId: string;
  notice: Notice;
  onAnswered: (detail: ApplicationDetail) => void;
}

/** Art. 16 §2: one answer (and optional file) per fault, sent together before the deadline. */
export function DeficiencyAnswerForm({ applicationId, notice, onAnswered }: Props) {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = notice.items.map((item) => ({
        itemId: item.id,
        answer: (answers[item.id] ?? '').trim(),
        ...(files[item.id] ? { fileId: files[item.id] } : {}),
      }));
      onAnswered(await answerDeficiencyNotice(applicationId, body));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const itemError = (itemId: string, i: number) =>
    error?.details.find((d) => d.path === itemId || d.path === `answers.${i}.answer` || d.path === `answers.${i}`)?.message;

  return (
    <section className="br-card p-3 mb-3" aria-labelledby="answer-title">
      <h3 id="answer-title" className="h5 mt-0">
        Responder à notificação — prazo até {formatDate(notice.dueOn)}
      </h3>
      <ApiErrorMessage error={error} />
      <form onSubmit={submit} noValidate aria-label="Resposta à notificação de falhas">
        {notice.items.map((item, i) => (
          <div key={item.id} className="mb-3">
            <p className="mb-1">
              <strong>Falha {i + 1}:</strong> {item.description}
            </p>
            <TextAreaField
              id={`answer-${item.id}`}
              label={`Resposta à falha ${i + 1}`}
              value={answers[item.id] ?? ''}
              onChange={(v) => setAnswers((a) => ({ ...a, [item.id]: v }))}
              error={itemError(item.id, i)}
              maxLength={8000}
              required
            />
            <UploadControl
              id={`answer-file-${item.id}`}
              label={`Arquivo anexo para a falha ${i + 1} (opcional)`}
              onUploaded={(f) => setFiles((x) => ({ ...x, [item.id]: f.id }))}
            />
          </div>
        ))}
        <button className="br-button primary" type="submit" disabled={busy}>
          {busy ? 'Enviando…' : 'Enviar resposta'}
        </button>
      </form>
    </section>
  );
}
