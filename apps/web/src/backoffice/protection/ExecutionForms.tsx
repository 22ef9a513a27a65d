import { useState } from 'react';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { formatDateTime } from '../../shared/format';
import { type MissionDetail, missionStep } from './protection-api';
import { StepForm } from './StepForm';

type Done = { missionId: string; onDone: () => void };
const LOG_KINDS = [
  { value: 'observation', label: 'Observação' },
  { value: 'incident', label: 'Incidente' },
  { value: 'route_change', label: 'Mudança de itinerário' },
];
const logLabel = (k: string) => LOG_KINDS.find((x) => x.value === k)?.label ?? k;

/** The gates of Art. 10 and 18–22 are checked by the server; its pendências show when it refuses. */
export function StartMissionForm({ missionId, onDone }: Done) {
  return (
    <StepForm
      id="start"
      title="Início da execução"
      submitLabel="Iniciar missão"
      onDone={onDone}
      send={() => missionStep(missionId, '/start')}
    >
      <p>A missão só inicia com o plano emitido, a equipe apresentada e os checklists assinados.</p>
    </StepForm>
  );
}

/** The execution log so far (team and coordination). */
export function ExecutionLogList({ log }: { log: NonNullable<MissionDetail['log']> }) {
  if (log.length === 0) return null;
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">Registro de execução</h2>
      <ul>
        {log.map((l) => (
          <li key={l.id}>
            {formatDateTime(l.at)} · {logLabel(l.kind)}: {l.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A team member or the coordination logs an observation, incident or change of route while in progress. */
export function LogEntryForm({ missionId, onDone }: Done) {
  const [kind, setKind] = useState('observation');
  const [text, setText] = useState('');
  return (
    <StepForm
      id="log-entry"
      title="Novo registro de execução"
      submitLabel="Registrar"
      onDone={() => {
        setText('');
        onDone();
      }}
      send={() => missionStep(missionId, '/log', { kind, text })}
    >
      {(error) => (
        <>
          <SelectField id="log-kind" label="Tipo de registro" value={kind} options={LOG_KINDS} onChange={setKind} />
          <TextAreaField id="log-text" label="Registro" value={text} onChange={setText} error={error?.fieldMessage('text')} />
        </>
      )}
    </StepForm>
  );
}

/** Art. 18 III: the coordination presents the post-mission report, which ends the execution. */
export function ReportForm({ missionId, onDone }: Done) {
  const [text, setText] = useState('');
  return (
    <StepForm
      id="report"
      title="Relatório pós-missão (art. 18, III)"
      submitLabel="Apresentar relatório"
      onDone={onDone}
      send={() => missionStep(missionId, '/report', { text })}
    >
      {(error) => (
        <TextAreaField id="report-text" label="Texto do relatório" value={text} onChange={setText} error={error?.fieldMessage('text')} />
      )}
    </StepForm>
  );
}

/** The coordination approves the report and closes the mission. */
export function CloseForm({ missionId, onDone }: Done) {
  const [reason, setReason] = useState('');
  return (
    <StepForm
      id="close"
      title="Encerramento"
      submitLabel="Aprovar relatório e encerrar"
      onDone={onDone}
      send={() => missionStep(missionId, '/close', { reason })}
    >
      {(error) => (
        <TextAreaField
          id="close-reason"
          label="Fundamentação do encerramento"
          value={reason}
          onChange={setReason}
          error={error?.fieldMessage('reason')}
        />
      )}
    </StepForm>
  );
}

/** Art. 11 §1: the coordination or the Delegado-Geral extends or reduces the period. */
export function PeriodForm({ missionId, periodEnd, onDone }: Done & { periodEnd: string }) {
  const [kind, setKind] = useState('extension');
  const [newEnd, setNewEnd] = useState(periodEnd);
  const [reason, setReason] = useState('');
  return (
    <StepForm
      id="period"
      title="Prorrogação ou redução do período (art. 11, § 1º)"
      submitLabel="Alterar período"
      onDone={() => {
        setReason('');
        onDone();
      }}
      send={() => missionStep(missionId, '/period', { kind, newEnd, reason })}
    >
      {(error) => (
        <>
          <SelectField
            id="period-kind"
            label="Alteração"
            value={kind}
            options={[
              { value: 'extension', label: 'Prorrogação' },
              { value: 'reduction', label: 'Redução' },
            ]}
            onChange={setKind}
          />
          <TextField
            id="period-new-end"
            label="Novo fim do período"
            type="date"
            value={newEnd}
            onChange={setNewEnd}
            error={error?.fieldMessage('newEnd')}
          />
          <TextAreaField
            id="period-reason"
            label="Motivo da alteração"
            value={reason}
            onChange={setReason}
            error={error?.fieldMessage('reason')}
          />
        </>
      )}
    </StepForm>
  );
}
