import type { RispOpinion } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { giveRispOpinion } from '../../api/accreditation-api';

/** Art. 12: favourable or unfavourable, with reasons. */
export function RispOpinionForm({ opinion, onGiven }: { opinion: RispOpinion; onGiven: (o: RispOpinion) => void }) {
  const [favourable, setFavourable] = useState<boolean | null>(null);
  const [reasons, setReasons] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const name = `opinion-${opinion.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(favourable === null);
    if (favourable === null) return;
    setBusy(true);
    setError(null);
    try {
      onGiven(await giveRispOpinion(opinion.id, favourable, reasons.trim()));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Parecer — ${opinion.securityRegionName}`}>
      <ApiErrorMessage error={error} />
      <fieldset className="mb-2">
        <legend className="vigia-label">Parecer de interesse de segurança pública</legend>
        <div className="vigia-choice">
          <input id={`${name}-fav`} type="radio" name={name} checked={favourable === true} onChange={() => setFavourable(true)} />
          <label htmlFor={`${name}-fav`}>Favorável</label>
        </div>
        <div className="vigia-choice">
          <input id={`${name}-unfav`} type="radio" name={name} checked={favourable === false} onChange={() => setFavourable(false)} />
          <label htmlFor={`${name}-unfav`}>Desfavorável</label>
        </div>
        {missing && (
          <p className="text-danger mb-0" role="alert">
            Escolha favorável ou desfavorável.
          </p>
        )}
      </fieldset>
      <TextAreaField
        id={`${name}-reasons`}
        label="Fundamentação do parecer"
        hint="Mínimo de 10 caracteres."
        value={reasons}
        onChange={setReasons}
        error={error?.fieldMessage('reasons')}
        maxLength={8000}
        required
      />
      <button className="br-button primary mt-2" type="submit" disabled={busy}>
        {busy ? 'Registrando…' : 'Registrar parecer'}
      </button>
    </form>
  );
}
