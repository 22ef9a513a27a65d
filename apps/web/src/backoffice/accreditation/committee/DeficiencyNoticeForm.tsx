import type { ApplicationDetail } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { SelectField } from '../../../shared/components/SelectField';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { TextField } from '../../../shared/components/TextField';
import { issueDeficiencyNotice } from '../../api/accreditation-api';
import { ActionCard } from './ActionCard';
import { useAction } from './use-action';

interface Item {
  key: number;
  itemKey: string;
  description: string;
}
let next = 1;
const emptyItem = (): Item => ({ key: next++, itemKey: '', description: '' });

/** Art. 16 §2: the faults found and a deadline in business days (Cuiabá calendar). */
export function DeficiencyNoticeForm({ app, onChange }: { app: ApplicationDetail; onChange: (d: ApplicationDetail) => void }) {
  const [days, setDays] = useState('10');
  const [items, setItems] = useState<Item[]>(() => {
    const faults = app.checklist.filter((c) => c.verdict === 'fault');
    return faults.length ? faults.map((f) => ({ key: next++, itemKey: f.itemKey, description: f.note ?? '' })) : [emptyItem()];
  });
  const { busy, error, run } = useAction(onChange);
  const options = app.checklist.map((c) => ({ value: c.itemKey, label: c.label }));
  const itemError = (i: number) => error?.details.find((d) => d.path.startsWith(`items.${i}`))?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(() =>
      issueDeficiencyNotice(
        app.id,
        Number(days),
        items.map((it) => ({ ...(it.itemKey ? { itemKey: it.itemKey } : {}), description: it.description.trim() })),
      ),
    );
  }

  return (
    <ActionCard id="notice-title" title="Emitir notificação de falhas (art. 16, § 2º)">
      <ApiErrorMessage error={error} />
      <form onSubmit={submit} noValidate aria-label="Notificação de falhas">
        <TextField
          id="notice-days"
          label="Prazo para sanar (dias úteis)"
          type="number"
          min={1}
          max={60}
          value={days}
          onChange={setDays}
          error={error?.fieldMessage('businessDays')}
          required
        />
        {items.map((it, i) => (
          <fieldset key={it.key} className="vigia-fieldset mt-2">
            <legend>Falha {i + 1}</legend>
            <SelectField
              id={`notice-item-${it.key}`}
              label={`Item da verificação relacionado à falha ${i + 1} (opcional)`}
              value={it.itemKey}
              placeholder="Nenhum item específico"
              options={options}
              onChange={(itemKey) => setItems((all) => all.map((x) => (x.key === it.key ? { ...x, itemKey } : x)))}
            />
            <TextAreaField
              id={`notice-desc-${it.key}`}
              label={`Descrição da falha ${i + 1}`}
              value={it.description}
              onChange={(description) => setItems((all) => all.map((x) => (x.key === it.key ? { ...x, description } : x)))}
              error={itemError(i)}
              maxLength={4000}
              required
            />
            {items.length > 1 && (
              <button
                className="br-button secondary small mt-1"
                type="button"
                onClick={() => setItems((all) => all.filter((x) => x.key !== it.key))}
              >
                Remover falha {i + 1}
              </button>
            )}
          </fieldset>
        ))}
        <div className="d-flex flex-wrap">
          <button className="br-button secondary mr-2 mb-2" type="button" onClick={() => setItems((all) => [...all, emptyItem()])}>
            Adicionar falha
          </button>
          <button className="br-button primary mb-2" type="submit" disabled={busy}>
            {busy ? 'Emitindo…' : 'Emitir notificação'}
          </button>
        </div>
      </form>
    </ActionCard>
  );
}
