import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { TextField } from '../../shared/components/TextField';
import { isCompleteCode, maskAuthenticityCode } from './code-format';

/** Where the visitor types the code printed on the document. */
export function CodeForm({ initial = '' }: { initial?: string }) {
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isCompleteCode(code)) {
      setError('Código de autenticação inválido: use o formato XXXX-XXXX-XXXX-XXXX.');
      return;
    }
    setError(undefined);
    void navigate(`/verificar/${code}`);
  }

  return (
    <form onSubmit={submit} noValidate className="vigia-narrow" aria-label="Consultar documento">
      <TextField
        id="verify-code"
        label="Código de autenticação"
        hint="Impresso no rodapé do documento, no formato XXXX-XXXX-XXXX-XXXX."
        value={code}
        onChange={(v) => setCode(maskAuthenticityCode(v))}
        error={error}
        autoComplete="off"
        spellCheck={false}
        required
      />
      <button className="br-button primary mt-2" type="submit">
        Consultar
      </button>
    </form>
  );
}
