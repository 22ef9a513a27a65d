import type { Me, Role } from '@vigia/contracts';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { ownPartnerIds } from './camera-permissions';

interface Props {
  id: string;
  me: Me;
  role: Role | null;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/**
 * Owner of new cameras. Administrators name the partner; partner users and integrators with one
 * partner need no choice (the server takes it from the grant); with several they pick one.
 */
export function PartnerChoice({ id, me, role, value, onChange, error }: Props) {
  if (role === 'admin') {
    return (
      <TextField
        id={id}
        label="Ente parceiro dono das câmeras (identificador)"
        hint="Identificador (UUID) do ente parceiro, como aparece no processo de habilitação."
        value={value}
        onChange={(v) => onChange(v.trim())}
        error={error}
        required
      />
    );
  }
  const own = ownPartnerIds(me, role);
  if (own.length <= 1) return null;
  return (
    <SelectField
      id={id}
      label="Ente parceiro dono das câmeras"
      value={value}
      options={own.map((p) => ({ value: p, label: p }))}
      onChange={onChange}
      placeholder="Selecione…"
      error={error}
      required
    />
  );
}
