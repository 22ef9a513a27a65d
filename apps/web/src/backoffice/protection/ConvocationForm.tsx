import { useState } from 'react';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { missionStep } from './protection-api';
import { CheckField, StepForm } from './StepForm';

/** Art. 9–10: the CORE coordination convokes an officer; officers of other units through their immediate superior. */
export function ConvocationForm({ missionId, onDone }: { missionId: string; onDone: () => void }) {
  const [officerEmail, setOfficerEmail] = useState('');
  const [coreOfficer, setCoreOfficer] = useState(true);
  const [superiorEmail, setSuperiorEmail] = useState('');
  const [unit, setUnit] = useState('CORE');
  const [course, setCourse] = useState(true);
  const [justification, setJustification] = useState('');
  const [training, setTraining] = useState(false);
  const [role, setRole] = useState('');
  return (
    <StepForm
      id="convoke"
      title="Convocar policial (arts. 9º e 10)"
      submitLabel="Convocar"
      onDone={() => {
        setOfficerEmail('');
        setSuperiorEmail('');
        setJustification('');
        setRole('');
        onDone();
      }}
      send={() =>
        missionStep(missionId, '/convocations', {
          officerEmail,
          superiorEmail: coreOfficer ? null : superiorEmail || null,
          unit,
          coreOfficer,
          authorityProtectionCourse: course,
          justification: coreOfficer ? null : justification || null,
          trainingValidatedByCore: training,
          role,
        })
      }
    >
      {(error) => (
        <>
          <TextField
            id="convoke-officer"
            label="E-mail do policial"
            type="email"
            value={officerEmail}
            onChange={setOfficerEmail}
            error={error?.fieldMessage('officerEmail')}
          />
          <CheckField
            id="convoke-core"
            label="Policial da CORE"
            checked={coreOfficer}
            onChange={(v) => {
              setCoreOfficer(v);
              if (v) setUnit('CORE');
              else if (unit === 'CORE') setUnit('');
            }}
          />
          <TextField id="convoke-unit" label="Unidade do policial" value={unit} onChange={setUnit} error={error?.fieldMessage('unit')} />
          <CheckField id="convoke-course" label="Possui curso de proteção de autoridades (art. 9º)" checked={course} onChange={setCourse} />
          {!coreOfficer && (
            <>
              <TextField
                id="convoke-superior"
                label="E-mail do superior imediato (art. 10, § 1º)"
                type="email"
                value={superiorEmail}
                onChange={setSuperiorEmail}
                error={error?.fieldMessage('superiorEmail')}
              />
              <TextAreaField
                id="convoke-justification"
                label="Justificativa da convocação (art. 10)"
                value={justification}
                onChange={setJustification}
                error={error?.fieldMessage('justification')}
              />
              <CheckField
                id="convoke-training"
                label="Treinamento ministrado ou validado pela CORE (art. 10)"
                checked={training}
                onChange={setTraining}
              />
            </>
          )}
          <TextField id="convoke-role" label="Função na missão" value={role} onChange={setRole} error={error?.fieldMessage('role')} />
        </>
      )}
    </StepForm>
  );
}
