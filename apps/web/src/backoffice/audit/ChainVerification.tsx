import type { AuditVerifyResult } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { verifyAuditChain } from '../api/audit-api';

/** Known problem codes; an unknown future code is shown as is. */
const problemLabels: Record<string, string> = {
  prev_hash_mismatch: 'o encadeamento com o evento anterior não confere',
  hash_mismatch: 'o conteúdo do evento não corresponde ao seu hash',
  sequence_gap: 'há uma lacuna na numeração dos eventos',
};

/** "Verificar cadeia": recomputes the hash chain on the server and reports the first broken row. */
export function ChainVerification() {
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await verifyAuditChain());
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="mb-4" aria-labelledby="chain-title">
      <h2 id="chain-title" className="h4">
        Integridade da trilha
      </h2>
      <p>Cada evento guarda o hash do anterior; a verificação recalcula toda a cadeia.</p>
      <button className="br-button secondary mb-3" type="button" onClick={() => void verify()} disabled={busy}>
        <i className="fas fa-link mr-1" aria-hidden="true" />
        {busy ? 'Verificando…' : 'Verificar cadeia'}
      </button>
      <ApiErrorMessage error={error} />
      {result?.ok && (
        <Message kind="success" title="Cadeia íntegra.">
          {result.checked} eventos verificados, nenhuma alteração encontrada.
        </Message>
      )}
      {result && !result.ok && (
        <Message kind="danger" title="Cadeia violada.">
          {result.firstBroken ? (
            <>
              Primeiro evento com problema: nº <strong data-testid="broken-seq">{result.firstBroken.seq}</strong> —{' '}
              {problemLabels[result.firstBroken.problem] ?? 'problema não identificado'} (<code>{result.firstBroken.problem}</code>).{' '}
              {result.checked} eventos verificados.
            </>
          ) : (
            <>{result.checked} eventos verificados.</>
          )}
        </Message>
      )}
    </section>
  );
}
