import type { ApplicationDetail } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Message } from '../../../shared/components/Message';
import { applicationFileUrl, recordChecklist } from '../../api/accreditation-api';
import { ActionCard } from './ActionCard';
import { useAction } from './use-action';

type Verdict = 'pending' | 'ok' | 'fault';
interface Row {
  verdict: Verdict;
  note: string;
}

const verdictLabels: Record<Verdict, string> = { pending: 'Pendente', ok: 'Conforme', fault: 'Com falha' };

/** The committee's document and technical checklist (Art. 9–14); only decided items are sent. */
export function ChecklistForm({ app, onChange }: { app: ApplicationDetail; onChange: (d: ApplicationDetail) => void }) {
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(app.checklist.map((c) => [c.itemKey, { verdict: c.verdict, note: c.note ?? '' }])),
  );
  const { busy, error, done, run } = useAction(onChange);
  const fileOf = (key: string) => app.documents.find((d) => d.key === key)?.fileId ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const items = app.checklist
      .map((c) => ({ itemKey: c.itemKey, ...rows[c.itemKey]! }))
      .filter((r): r is { itemKey: string; verdict: 'ok' | 'fault'; note: string } => r.verdict !== 'pending')
      .map((r) => ({ itemKey: r.itemKey, verdict: r.verdict, ...(r.note.trim() ? { note: r.note.trim() } : {}) }));
    void run(() => recordChecklist(app.id, items));
  }

  return (
    <ActionCard id="checklist-title" title="Lista de verificação (documentos e requisitos técnicos)">
      <ApiErrorMessage error={error} />
      {done && <Message kind="success">Lista de verificação registrada.</Message>}
      <form onSubmit={submit} noValidate aria-label="Lista de verificação">
        <div className="br-table vigia-table-wrap">
          <table>
            <caption className="sr-only">Itens a verificar</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Base legal</th>
                <th scope="col">Arquivo</th>
                <th scope="col">Resultado</th>
                <th scope="col">Observação</th>
              </tr>
            </thead>
            <tbody>
              {app.checklist.map((c, i) => {
                const row = rows[c.itemKey]!;
                const set = (patch: Partial<Row>) => setRows((r) => ({ ...r, [c.itemKey]: { ...row, ...patch } }));
                const file = fileOf(c.itemKey);
                return (
                  <tr key={c.itemKey}>
                    <th scope="row">{c.label}</th>
                    <td>{c.legalBasis}</td>
                    <td>
                      {file ? (
                        <a href={applicationFileUrl(app.id, file)} download>
                          Baixar
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <label className="sr-only" htmlFor={`verdict-${i}`}>
                        Resultado: {c.label}
                      </label>
                      <select
                        id={`verdict-${i}`}
                        className="vigia-select"
                        value={row.verdict}
                        onChange={(e) => set({ verdict: e.target.value as Verdict })}
                      >
                        {(Object.keys(verdictLabels) as Verdict[]).map((v) => (
                          <option key={v} value={v}>
                            {verdictLabels[v]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <label className="sr-only" htmlFor={`note-${i}`}>
                        Observação: {c.label}
                      </label>
                      <input
                        id={`note-${i}`}
                        className="vigia-select"
                        value={row.note}
                        onChange={(e) => set({ note: e.target.value })}
                        maxLength={2000}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button className="br-button primary mt-2" type="submit" disabled={busy}>
          {busy ? 'Registrando…' : 'Registrar verificação'}
        </button>
      </form>
    </ActionCard>
  );
}
