import { useState } from 'react';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { type MissionVehicle, missionStep } from './protection-api';
import { CheckField, StepForm } from './StepForm';

const KINDS: { value: MissionVehicle['kind']; label: string }[] = [
  { value: 'team', label: 'Viatura da equipe' },
  { value: 'authority_own', label: 'Veículo próprio da autoridade (art. 20, § 2º)' },
  { value: 'institutional', label: 'Veículo institucional' },
];
let nextKey = 1;
type Row = MissionVehicle & { key: number };
const blank = (): Row => ({ key: nextKey++, plate: '', armoured: false, soundAndLightSignals: true, kind: 'team', drivenByTeam: true });

/** Art. 20: the vehicles of the mission, saved as a whole list. */
export function VehiclesForm({ missionId, current, onDone }: { missionId: string; current: MissionVehicle[]; onDone: () => void }) {
  const [rows, setRows] = useState<Row[]>(() => current.map((v) => ({ ...v, key: nextKey++ })));
  const edit = (key: number, patch: Partial<MissionVehicle>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <StepForm
      id="vehicles"
      title="Viaturas (art. 20)"
      submitLabel="Salvar viaturas"
      doneMessage="Viaturas salvas."
      onDone={onDone}
      send={() =>
        missionStep(missionId, '/vehicles', { vehicles: rows.map(({ key: _k, ...v }) => ({ ...v, plate: v.plate.toUpperCase() })) }, 'PUT')
      }
    >
      {rows.map((r, i) => (
        <fieldset key={r.key} className="mb-3">
          <legend>Viatura {i + 1}</legend>
          <TextField
            id={`vehicle-${r.key}-plate`}
            label={`Placa da viatura ${i + 1}`}
            value={r.plate}
            onChange={(v) => edit(r.key, { plate: v })}
          />
          <SelectField
            id={`vehicle-${r.key}-kind`}
            label={`Tipo da viatura ${i + 1}`}
            value={r.kind}
            options={KINDS}
            onChange={(v) => edit(r.key, { kind: v as MissionVehicle['kind'] })}
          />
          <CheckField
            id={`vehicle-${r.key}-armoured`}
            label={`Viatura ${i + 1} blindada`}
            checked={r.armoured}
            onChange={(v) => edit(r.key, { armoured: v })}
          />
          <CheckField
            id={`vehicle-${r.key}-signals`}
            label={`Viatura ${i + 1} com sinais sonoros e luminosos`}
            checked={r.soundAndLightSignals}
            onChange={(v) => edit(r.key, { soundAndLightSignals: v })}
          />
          <CheckField
            id={`vehicle-${r.key}-driven`}
            label={`Viatura ${i + 1} conduzida pela equipe`}
            checked={r.drivenByTeam}
            onChange={(v) => edit(r.key, { drivenByTeam: v })}
          />
          <button
            type="button"
            className="br-button secondary small mt-2"
            onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
          >
            Remover viatura {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="br-button secondary small" onClick={() => setRows((rs) => [...rs, blank()])}>
        Adicionar viatura
      </button>
    </StepForm>
  );
}
