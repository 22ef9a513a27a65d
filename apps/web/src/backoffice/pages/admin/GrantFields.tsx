import { type OperatorUnit, operatorUnitLabels, operatorUnits, type Role, roleLabels, roles } from '@vigia/contracts';
import { SelectField } from '../../../shared/components/SelectField';
import { TextField } from '../../../shared/components/TextField';
import { type GrantDraft, type GrantErrors, scopeFieldsByRole } from './grant-scope';

interface GrantFieldsProps {
  index: number;
  draft: GrantDraft;
  errors: GrantErrors;
  onChange: (draft: GrantDraft) => void;
  onRemove?: () => void;
}

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
const unitOptions = operatorUnits.map((unit) => ({ value: unit, label: operatorUnitLabels[unit] }));

/** One role grant: the role and the scope fields that apply to it. */
export function GrantFields({ index, draft, errors, onChange, onRemove }: GrantFieldsProps) {
  const n = index + 1;
  const id = (field: string) => `grant-${draft.key}-${field}`;
  const fields = draft.role ? scopeFieldsByRole[draft.role] : [];
  const set = (patch: Partial<GrantDraft>) => onChange({ ...draft, ...patch });

  return (
    <fieldset className="vigia-fieldset">
      <legend>Perfil {n}</legend>
      <div className="vigia-form-grid">
        <SelectField
          id={id('role')}
          label={`Perfil de acesso ${n}`}
          value={draft.role}
          options={roleOptions}
          placeholder="Selecione o perfil"
          onChange={(value) => set({ role: value as Role | '' })}
          error={errors.role}
          required
        />
        {fields.includes('partnerId') && (
          <TextField
            id={id('partner')}
            label={`Identificador do parceiro (perfil ${n})`}
            hint="Opcional. UUID do ente parceiro."
            value={draft.partnerId}
            onChange={(partnerId) => set({ partnerId })}
            error={errors.partnerId}
          />
        )}
        {fields.includes('municipalityIbge') && (
          <TextField
            id={id('ibge')}
            label={`Código IBGE do município (perfil ${n})`}
            hint="Opcional. 7 dígitos, começando por 51."
            inputMode="numeric"
            maxLength={7}
            value={draft.municipalityIbge}
            onChange={(municipalityIbge) => set({ municipalityIbge })}
            error={errors.municipalityIbge}
          />
        )}
        {fields.includes('unit') && (
          <SelectField
            id={id('unit')}
            label={`Unidade (perfil ${n})`}
            value={draft.unit}
            options={unitOptions}
            placeholder="Sem unidade definida"
            onChange={(value) => set({ unit: value as OperatorUnit | '' })}
            error={errors.unit}
          />
        )}
        {fields.includes('securityRegionId') && (
          <TextField
            id={id('region')}
            label={`Identificador da região RISP (perfil ${n})`}
            hint="Opcional. UUID da região integrada de segurança pública."
            value={draft.securityRegionId}
            onChange={(securityRegionId) => set({ securityRegionId })}
            error={errors.securityRegionId}
          />
        )}
      </div>
      {onRemove && (
        <button className="br-button secondary small mt-2" type="button" onClick={onRemove}>
          Remover perfil {n}
        </button>
      )}
    </fieldset>
  );
}
