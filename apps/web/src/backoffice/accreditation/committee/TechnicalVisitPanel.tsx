import type { ApplicationDetail } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { TextField } from '../../../shared/components/TextField';
import { recordVisitFindings, scheduleTechnicalVisit } from '../../api/accreditation-api';
import { TechnicalVisitsList } from '../shared/TechnicalVisitsList';
import { ActionCard } from './ActionCard';
import { useAction } from './use-action';

/** "2026-11-25T10:00" typed in Cuiabá time (UTC−4 all year) → ISO with offset, as the API asks. */
const cuiabaIso = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}-04:00` : '');

/** Schedule a technical visit and record its findings (Art. 16). */
export function TechnicalVisitPanel({ app, onChange }: { app: ApplicationDetail; onChange: (d: ApplicationDetail) => void }) {
  const [when, setWhen] = useState('');
  const [place, setPlace] = useState('');
  const schedule = useAction(onChange);
  const pending = app.technicalVisits.filter((v) => !v.findings);

  function submit(event: FormEvent) {
    event.preventDefault();
    void schedule
      .run(() => scheduleTechnicalVisit(app.id, cuiabaIso(when), place.trim()))
      .then((ok) => {
        if (ok) {
          setWhen('');
          setPlace('');
        }
      });
  }

  return (
    <ActionCard id="visit-title" title="Visita técnica">
      <TechnicalVisitsList app={app} />
      {pending.map((v) => (
        <FindingsForm key={v.id} app={app} visitId={v.id} label={`${v.place}`} onChange={onChange} />
      ))}
      <form onSubmit={submit} noValidate aria-label="Agendar visita técnica" className="mt-3">
        <ApiErrorMessage error={schedule.error} />
        <div className="vigia-form-grid">
          <TextField
            id="visit-when"
            label="Data e hora da visita (horário de Cuiabá)"
            type="datetime-local"
            value={when}
            onChange={setWhen}
            error={schedule.error?.fieldMessage('scheduledFor')}
            required
          />
          <TextField
            id="visit-place"
            label="Local da visita"
            value={place}
            onChange={setPlace}
            error={schedule.error?.fieldMessage('place')}
            required
          />
        </div>
        <button className="br-button secondary mt-2" type="submit" disabled={schedule.busy}>
          Agendar visita técnica
        </button>
      </form>
    </ActionCard>
  );
}

function FindingsForm({
  app,
  visitId,
  label,
  onChange,
}: {
  app: ApplicationDetail;
  visitId: string;
  label: string;
  onChange: (d: ApplicationDetail) => void;
}) {
  const [findings, setFindings] = useState('');
  const { busy, error, run } = useAction(onChange);
  return (
    <form
      noValidate
      aria-label={`Constatações da visita em ${label}`}
      className="mb-3"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => recordVisitFindings(app.id, visitId, findings.trim()));
      }}
    >
      <ApiErrorMessage error={error} />
      <TextAreaField
        id={`findings-${visitId}`}
        label={`Constatações da visita (${label})`}
        value={findings}
        onChange={setFindings}
        error={error?.fieldMessage('findings')}
        maxLength={8000}
        required
      />
      <button className="br-button secondary small mt-1" type="submit" disabled={busy}>
        Registrar constatações
      </button>
    </form>
  );
}
