import { threatGradeLabels, threatGrades, type threatJudgements } from '@vigia/contracts';
import { useState } from 'react';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { missionStep } from './protection-api';
import { CheckField, StepForm } from './StepForm';

type Judgement = (typeof threatJudgements)[number];
interface Factor {
  key: number;
  factor: string;
  judgement: Judgement;
  reasoning: string;
  sources: string;
}
const JUDGEMENTS: { value: Judgement; label: string }[] = [
  { value: 'present', label: 'Presente' },
  { value: 'absent', label: 'Ausente' },
  { value: 'undetermined', label: 'Indeterminado' },
];
let nextKey = 1;
const blank = (): Factor => ({ key: nextKey++, factor: '', judgement: 'present', reasoning: '', sources: '' });

/** Art. 6: intelligence records a judgement per factor, with reasoning and sources (no black-box score). */
export function ThreatAssessmentForm({ missionId, onDone }: { missionId: string; onDone: () => void }) {
  const [factors, setFactors] = useState<Factor[]>(() => [blank()]);
  const [history, setHistory] = useState('');
  const [exists, setExists] = useState(false);
  const [grade, setGrade] = useState<(typeof threatGrades)[number]>('moderate');
  const [conclusion, setConclusion] = useState('');
  const edit = (key: number, patch: Partial<Factor>) => setFactors((fs) => fs.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  return (
    <StepForm
      id="assessment"
      title="Avaliação de ameaça (art. 6º)"
      submitLabel="Registrar avaliação"
      onDone={onDone}
      send={() =>
        missionStep(missionId, '/assessment', {
          factors: factors.map(({ key: _k, ...f }) => f),
          threatHistory: history,
          threatExists: exists,
          grade,
          conclusion,
        })
      }
    >
      {(error) => (
        <>
          {factors.map((f, i) => (
            <fieldset key={f.key} className="mb-3">
              <legend>Fator {i + 1}</legend>
              <TextField
                id={`factor-${f.key}`}
                label={`Fator ${i + 1}`}
                value={f.factor}
                onChange={(v) => edit(f.key, { factor: v })}
                error={error?.fieldMessage(`factors.${i}.factor`)}
              />
              <SelectField
                id={`factor-${f.key}-judgement`}
                label={`Juízo do fator ${i + 1}`}
                value={f.judgement}
                options={JUDGEMENTS}
                onChange={(v) => edit(f.key, { judgement: v as Judgement })}
              />
              <TextAreaField
                id={`factor-${f.key}-reasoning`}
                label={`Fundamentação do fator ${i + 1}`}
                value={f.reasoning}
                onChange={(v) => edit(f.key, { reasoning: v })}
                error={error?.fieldMessage(`factors.${i}.reasoning`)}
              />
              <TextField
                id={`factor-${f.key}-sources`}
                label={`Fontes do fator ${i + 1}`}
                value={f.sources}
                onChange={(v) => edit(f.key, { sources: v })}
                error={error?.fieldMessage(`factors.${i}.sources`)}
              />
              {factors.length > 1 && (
                <button
                  type="button"
                  className="br-button secondary small mt-2"
                  onClick={() => setFactors((fs) => fs.filter((x) => x.key !== f.key))}
                >
                  Remover fator {i + 1}
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" className="br-button secondary small" onClick={() => setFactors((fs) => [...fs, blank()])}>
            Adicionar fator
          </button>
          <TextAreaField
            id="threat-history"
            label="Histórico de ameaças"
            value={history}
            onChange={setHistory}
            error={error?.fieldMessage('threatHistory')}
          />
          <CheckField id="threat-exists" label="Há ameaça real ou concreta" checked={exists} onChange={setExists} />
          <SelectField
            id="threat-grade"
            label="Grau da ameaça"
            value={grade}
            options={threatGrades.map((g) => ({ value: g, label: threatGradeLabels[g] }))}
            onChange={(v) => setGrade(v as (typeof threatGrades)[number])}
          />
          <TextAreaField
            id="threat-conclusion"
            label="Conclusão"
            value={conclusion}
            onChange={setConclusion}
            error={error?.fieldMessage('conclusion')}
          />
        </>
      )}
    </StepForm>
  );
}
