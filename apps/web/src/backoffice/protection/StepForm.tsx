import { type FormEvent, type ReactNode, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';

/**
 * One step of a mission as a form section: `send` posts to the step's route; once it succeeded the
 * mission reloads (`onDone`); the API's error (with its field details) shows above the fields.
 * `children` may be a function of the last error, to tie field messages to their inputs.
 */
export function StepForm({
  id,
  title,
  submitLabel,
  send,
  onDone,
  children,
  secondary,
  doneMessage = 'Registrado.',
}: {
  id: string;
  title: string;
  submitLabel: string;
  send: () => Promise<unknown>;
  onDone: () => void;
  children?: ReactNode | ((error: ApiError | null) => ReactNode);
  /** A second action of the same form (e.g. save then issue), with the same error handling. */
  secondary?: { label: string; send: () => Promise<unknown>; doneMessage?: string };
  /** Said once the step succeeded (forms that stay on the page). */
  doneMessage?: string;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>, said: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(said);
      onDone();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(send, doneMessage);
  };
  return (
    <section aria-labelledby={`${id}-title`} className="mb-4">
      <h2 id={`${id}-title`}>{title}</h2>
      <form onSubmit={submit} noValidate>
        <ApiErrorMessage error={error} />
        {done && <Message kind="success" title={done} />}
        {typeof children === 'function' ? children(error) : children}
        <div className="mt-3">
          <button className="br-button primary mr-2" type="submit" disabled={busy}>
            {submitLabel}
          </button>
          {secondary && (
            <button
              className="br-button secondary"
              type="button"
              disabled={busy}
              onClick={() => void run(secondary.send, secondary.doneMessage ?? doneMessage)}
            >
              {secondary.label}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/** DS checkbox with its label. */
export function CheckField({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div className="br-checkbox mt-2">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
