import { equipmentItems, equipmentLabels } from '@vigia/contracts';
import { useState } from 'react';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { missionStep } from './protection-api';
import { StepForm } from './StepForm';

type Item = (typeof equipmentItems)[number];
type Uniform = 'special_uniform' | 'authorised_alternative' | 'as_oriented';
const UNIFORMS: { value: Uniform; label: string }[] = [
  { value: 'special_uniform', label: 'Uniforme especial (art. 21)' },
  { value: 'authorised_alternative', label: 'Traje alternativo autorizado (art. 21, § 2º)' },
  { value: 'as_oriented', label: 'Conforme orientação da coordenação (art. 21, § 4º)' },
];
let nextKey = 1;

/** Art. 21–22: a convoked officer signs the briefing checklist, each item with its serial number. */
export function ChecklistForm({ missionId, convocationId, onDone }: { missionId: string; convocationId: string; onDone: () => void }) {
  const [equipment, setEquipment] = useState<Record<Item, string>>(
    () => Object.fromEntries(equipmentItems.map((k) => [k, ''])) as Record<Item, string>,
  );
  const [magazines, setMagazines] = useState('1');
  const [others, setOthers] = useState<{ key: number; item: string; serial: string }[]>([]);
  const [uniform, setUniform] = useState<Uniform>('special_uniform');
  const [authorisedBy, setAuthorisedBy] = useState('');
  return (
    <StepForm
      id="checklist"
      title="Checklist do briefing (arts. 21 e 22)"
      submitLabel="Assinar checklist"
      onDone={onDone}
      send={() =>
        missionStep(missionId, `/convocations/${encodeURIComponent(convocationId)}/checklist`, {
          equipment,
          spareMagazines: Number(magazines),
          others: others.map(({ item, serial }) => ({ item, serial })),
          uniform,
          uniformAuthorisedBy: uniform === 'special_uniform' ? null : authorisedBy || null,
        })
      }
    >
      {(error) => (
        <>
          {equipmentItems.map((k) => (
            <TextField
              key={k}
              id={`equipment-${k}`}
              label={`Nº de série — ${equipmentLabels[k]}`}
              value={equipment[k]}
              onChange={(v) => setEquipment((e) => ({ ...e, [k]: v }))}
              error={error?.fieldMessage(`equipment.${k}`)}
            />
          ))}
          <TextField
            id="equipment-magazines"
            label="Carregadores reserva da pistola"
            type="number"
            min={0}
            max={10}
            value={magazines}
            onChange={setMagazines}
            error={error?.fieldMessage('spareMagazines')}
          />
          {others.map((o, i) => (
            <div key={o.key} className="row">
              <div className="col-md-5">
                <TextField
                  id={`other-${o.key}-item`}
                  label={`Outro equipamento ${i + 1} (art. 22, VI)`}
                  value={o.item}
                  onChange={(v) => setOthers((os) => os.map((x) => (x.key === o.key ? { ...x, item: v } : x)))}
                />
              </div>
              <div className="col-md-5">
                <TextField
                  id={`other-${o.key}-serial`}
                  label={`Nº de série do outro equipamento ${i + 1}`}
                  value={o.serial}
                  onChange={(v) => setOthers((os) => os.map((x) => (x.key === o.key ? { ...x, serial: v } : x)))}
                />
              </div>
              <div className="col-md-2 mt-4">
                <button
                  type="button"
                  className="br-button secondary small"
                  onClick={() => setOthers((os) => os.filter((x) => x.key !== o.key))}
                >
                  Remover outro equipamento {i + 1}
                </button>
              </div>
            </div>
          ))}
          <button
            type="button"
            className="br-button secondary small mt-2"
            onClick={() => setOthers((os) => [...os, { key: nextKey++, item: '', serial: '' }])}
          >
            Adicionar outro equipamento
          </button>
          <SelectField
            id="checklist-uniform"
            label="Traje (art. 21)"
            value={uniform}
            options={UNIFORMS}
            onChange={(v) => setUniform(v as Uniform)}
          />
          {uniform !== 'special_uniform' && (
            <TextField
              id="checklist-uniform-by"
              label="Autorizado por"
              value={authorisedBy}
              onChange={setAuthorisedBy}
              error={error?.fieldMessage('uniformAuthorisedBy')}
            />
          )}
        </>
      )}
    </StepForm>
  );
}
