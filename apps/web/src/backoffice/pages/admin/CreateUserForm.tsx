import type { UserSummary } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { TextField } from '../../../shared/components/TextField';
import { createUser } from '../../api/admin-api';
import { GrantFields } from './GrantFields';
import { emptyGrant, type GrantDraft, type GrantErrors, type ScopeField, toRoleGrant, validateGrant } from './grant-scope';

interface CreateUserFormProps {
  onCreated: (user: UserSummary) => void;
  onCancel: () => void;
}

type BasicErrors = Partial<Record<'name' | 'email' | 'password', string>>;

function validateBasics(name: string, email: string, password: string): BasicErrors {
  const errors: BasicErrors = {};
  if (name.trim().length < 3) errors.name = 'Informe o nome completo.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errors.email = 'E-mail inválido.';
  if (password.length < 12) errors.password = 'A senha deve ter pelo menos 12 caracteres.';
  return errors;
}

const scopeFields: ScopeField[] = ['partnerId', 'municipalityIbge', 'securityRegionId', 'unit'];

/** Server-side field problems of grant i, keyed like the client-side ones. */
function serverGrantErrors(error: ApiError | null, i: number): GrantErrors {
  if (!error) return {};
  const result: GrantErrors = {};
  for (const field of ['role', ...scopeFields] as const) {
    const message = error.fieldMessage(`grants.${i}.${field}`);
    if (message) result[field] = message;
  }
  return result;
}

export function CreateUserForm({ onCreated, onCancel }: CreateUserFormProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [grants, setGrants] = useState<GrantDraft[]>(() => [emptyGrant()]);
  const [basicErrors, setBasicErrors] = useState<BasicErrors>({});
  const [grantErrors, setGrantErrors] = useState<GrantErrors[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const basics = validateBasics(name, email, password);
    const perGrant = grants.map(validateGrant);
    setBasicErrors(basics);
    setGrantErrors(perGrant);
    if (Object.keys(basics).length > 0 || perGrant.some((g) => Object.keys(g).length > 0)) return;

    setBusy(true);
    setError(null);
    try {
      const user = await createUser({
        name: name.trim(),
        email: email.trim().toLowerCase(),
        password,
        grants: grants.map(toRoleGrant),
      });
      onCreated(user);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="br-card p-3 mb-4" aria-labelledby="create-user-title">
      <h2 id="create-user-title" className="h4 mt-0">
        Novo usuário
      </h2>
      <ApiErrorMessage error={error} />
      <form onSubmit={submit} noValidate>
        <div className="vigia-form-grid mb-3">
          <TextField
            id="new-user-name"
            label="Nome completo"
            autoComplete="off"
            value={name}
            onChange={setName}
            error={basicErrors.name ?? error?.fieldMessage('name')}
            required
          />
          <TextField
            id="new-user-email"
            label="E-mail"
            type="email"
            autoComplete="off"
            value={email}
            onChange={setEmail}
            error={basicErrors.email ?? error?.fieldMessage('email')}
            required
          />
          <TextField
            id="new-user-password"
            label="Senha inicial"
            type="password"
            autoComplete="new-password"
            hint="Pelo menos 12 caracteres. Entregue-a à pessoa por canal seguro."
            value={password}
            onChange={setPassword}
            error={basicErrors.password ?? error?.fieldMessage('password')}
            required
          />
        </div>
        {error?.fieldMessage('grants') && <p className="text-danger">{error.fieldMessage('grants')}</p>}
        {grants.map((draft, i) => (
          <GrantFields
            key={draft.key}
            index={i}
            draft={draft}
            errors={{ ...serverGrantErrors(error, i), ...grantErrors[i] }}
            onChange={(next) => setGrants((all) => all.map((g) => (g.key === next.key ? next : g)))}
            onRemove={
              grants.length > 1
                ? () => {
                    setGrants((all) => all.filter((g) => g.key !== draft.key));
                    setGrantErrors([]);
                  }
                : undefined
            }
          />
        ))}
        <div className="d-flex flex-wrap">
          <button className="br-button secondary mr-2 mb-2" type="button" onClick={() => setGrants((all) => [...all, emptyGrant()])}>
            <i className="fas fa-plus mr-1" aria-hidden="true" />
            Adicionar perfil
          </button>
          <span className="flex-fill" />
          <button className="br-button secondary mr-2 mb-2" type="button" onClick={onCancel} disabled={busy}>
            Cancelar
          </button>
          <button className="br-button primary mb-2" type="submit" disabled={busy}>
            {busy ? 'Criando…' : 'Criar usuário'}
          </button>
        </div>
      </form>
    </section>
  );
}
