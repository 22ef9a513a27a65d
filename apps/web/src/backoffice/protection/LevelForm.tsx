import { levelCriteria, levelCriterionLabels } from '@vigia/contracts';
import { useState } from 'react';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { missionStep } from './protection-api';
import { StepForm } from './StepForm';

type Criterion = (typeof levelCriteria)[number];

/** Art. 12–14: the CORE coordination sets the level (1–4), reasoning each of the five criteria of Art. 13. */
export function LevelForm({ missionId, current, onDone }: { missionId: string; current: number | null; onDone: () => void }) {
  const [level, setLevel] = useState(String(current ?? 2));
  const [criteria, setCriteria] = useState<Record<Criterion, string>>(
    () => Object.fromEntries(levelCriteria.map((c) => [c, ''])) as Record<Criterion, string>,
  );
  return (
    <StepForm
      id="level"
      title="Nível de proteção (arts. 12 a 14)"
      submitLabel="Definir nível"
      onDone={onDone}
      send={() => missionStep(missionId, '/level', { level: Number(level), criteria })}
    >
      {(error) => (
        <>
          <SelectField
            id="level-value"
            label="Nível de proteção"
            value={level}
            options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: `Nível ${n}` }))}
            onChange={setLevel}
          />
          {levelCriteria.map((c) => (
            <TextAreaField
              key={c}
              id={`criterion-${c}`}
              label={`Critério ${levelCriterionLabels[c]}`}
              value={criteria[c]}
              onChange={(v) => setCriteria((cs) => ({ ...cs, [c]: v }))}
              error={error?.fieldMessage(`criteria.${c}`)}
            />
          ))}
        </>
      )}
    </StepForm>
  );
}
