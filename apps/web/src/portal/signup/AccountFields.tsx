import { TextField } from '../../shared/components/TextField';
import type { SignUpDraft } from './signup-form';

interface Props {
  account: SignUpDraft['account'];
  onChange: (account: SignUpDraft['account']) => void;
  errorFor: (path: string) => string | undefined;
}

/** The first user account of the partner: who will fill in the applications. */
export function AccountFields({ account, onChange, errorFor }: Props) {
  const set = (patch: Partial<SignUpDraft['account']>) => onChange({ ...account, ...patch });
  return (
    <fieldset className="vigia-fieldset">
      <legend>Conta de acesso</legend>
      <div className="vigia-form-grid">
        <TextField
          id="account-name"
          label="Seu nome completo"
          value={account.name}
          onChange={(name) => set({ name })}
          error={errorFor('account.name')}
          autoComplete="name"
          required
        />
        <TextField
          id="account-email"
          label="E-mail de acesso"
          type="email"
          value={account.email}
          onChange={(email) => set({ email })}
          error={errorFor('account.email')}
          autoComplete="username"
          required
        />
        <TextField
          id="account-password"
          label="Senha"
          type="password"
          hint="Pelo menos 12 caracteres."
          value={account.password}
          onChange={(password) => set({ password })}
          error={errorFor('account.password')}
          autoComplete="new-password"
          required
        />
        <TextField
          id="account-confirm"
          label="Confirme a senha"
          type="password"
          value={account.confirm}
          onChange={(confirm) => set({ confirm })}
          error={errorFor('account.confirm')}
          autoComplete="new-password"
          required
        />
      </div>
    </fieldset>
  );
}
