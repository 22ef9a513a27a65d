import {
  type ApplicantKind,
  canManageIndirectly,
  type ManagementModality,
  managementModalityLabels,
  type PropertyOwnership,
  propertyOwnershipLabels,
  propertyOwnershipValues,
} from '@vigia/contracts';
import type { ApiError } from '../../../shared/api/api-error';
import { fieldError } from '../../../shared/api/field-errors';
import { SelectField } from '../../../shared/components/SelectField';
import { TextField } from '../../../shared/components/TextField';

export interface BasicsDraft {
  modality: ManagementModality;
  propertyOwnership: PropertyOwnership | '';
  leaseEndsOn: string;
  /** Comma- or space-separated IBGE codes (consortia in indirect management). */
  consortiumMunicipalities: string;
}

export const basicsOf = (a: {
  modality: ManagementModality;
  propertyOwnership: PropertyOwnership;
  leaseEndsOn: string | null;
  consortiumMunicipalities: string[];
}): BasicsDraft => ({
  modality: a.modality,
  propertyOwnership: a.propertyOwnership,
  leaseEndsOn: a.leaseEndsOn ?? '',
  consortiumMunicipalities: a.consortiumMunicipalities.join(', '),
});

export const emptyBasics = (): BasicsDraft => ({
  modality: 'direct',
  propertyOwnership: '',
  leaseEndsOn: '',
  consortiumMunicipalities: '',
});

export function basicsRequest(d: BasicsDraft) {
  const codes = d.consortiumMunicipalities.split(/[\s,;]+/).filter(Boolean);
  return {
    modality: d.modality,
    propertyOwnership: d.propertyOwnership as PropertyOwnership,
    leaseEndsOn: d.propertyOwnership === 'leased' && d.leaseEndsOn ? d.leaseEndsOn : undefined,
    consortiumMunicipalities: codes.length ? codes : undefined,
  };
}

interface Props {
  kind: ApplicantKind | null;
  draft: BasicsDraft;
  onChange: (draft: BasicsDraft) => void;
  error: ApiError | null;
  localErrors?: Partial<Record<keyof BasicsDraft, string>>;
}

/** Modality (Art. 4), property situation and lease end (Art. 10), consortium members (Art. 9 §1). */
export function ApplicationBasicsFields({ kind, draft, onChange, error, localErrors = {} }: Props) {
  const set = (patch: Partial<BasicsDraft>) => onChange({ ...draft, ...patch });
  const indirectAllowed = kind !== null && canManageIndirectly(kind);
  const modalities = (['direct', 'indirect'] as const).filter((m) => m === 'direct' || indirectAllowed);
  return (
    <div className="vigia-form-grid">
      <SelectField
        id="app-modality"
        label="Modalidade de gestão"
        value={draft.modality}
        options={modalities.map((m) => ({ value: m, label: managementModalityLabels[m] }))}
        onChange={(v) => set({ modality: v as ManagementModality })}
        error={fieldError(error, 'modality')}
        required
      />
      <SelectField
        id="app-property"
        label="Situação do imóvel"
        value={draft.propertyOwnership}
        placeholder="Selecione"
        options={propertyOwnershipValues.map((p) => ({ value: p, label: propertyOwnershipLabels[p] }))}
        onChange={(v) => set({ propertyOwnership: v as PropertyOwnership | '' })}
        error={localErrors.propertyOwnership ?? fieldError(error, 'propertyOwnership')}
        required
      />
      {draft.propertyOwnership === 'leased' && (
        <TextField
          id="app-lease-end"
          label="Término do contrato de locação"
          type="date"
          hint="Mínimo de 2 anos de vigência restante (art. 10, I, e; II, d)."
          value={draft.leaseEndsOn}
          onChange={(leaseEndsOn) => set({ leaseEndsOn })}
          error={fieldError(error, 'leaseEndsOn')}
        />
      )}
      {kind === 'intermunicipal_consortium' && (
        <TextField
          id="app-consortium"
          label="Municípios consorciados (códigos IBGE)"
          hint="Separe os códigos por vírgula, ex.: 5103403, 5108402."
          value={draft.consortiumMunicipalities}
          onChange={(consortiumMunicipalities) => set({ consortiumMunicipalities })}
          error={
            fieldError(error, 'consortiumMunicipalities') ??
            error?.details.find((d) => d.path.startsWith('consortiumMunicipalities'))?.message
          }
        />
      )}
    </div>
  );
}
