import type { DocumentVerification } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { FileField } from '../../shared/components/FileField';
import { Message } from '../../shared/components/Message';
import { verifyCopy } from './verification-api';

/** Upload a copy: the server hashes it and compares it byte for byte with the issued document. */
export function CopyCheck({ code, format }: { code: string; format: 'pdf' | 'docx' }) {
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<DocumentVerification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!file);
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await verifyCopy(code, file));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="copy-check-title" className="mt-4">
      <h2 id="copy-check-title" className="h4">
        Conferir uma cópia
      </h2>
      <p>Envie o arquivo que você recebeu. Ele é comparado com o documento emitido pelo resumo SHA-256 e não fica guardado.</p>
      <form onSubmit={submit} noValidate className="vigia-narrow" aria-label="Conferir cópia do documento">
        <FileField
          id="copy-file"
          label="Arquivo do documento"
          accept={format === 'pdf' ? '.pdf,application/pdf' : '.docx'}
          hint={`Envie o arquivo ${format.toUpperCase()} exatamente como foi recebido.`}
          error={missing ? 'Escolha o arquivo a conferir.' : undefined}
          onSelect={(f) => {
            setFile(f);
            setResult(null);
          }}
          required
        />
        <button className="br-button primary mt-2" type="submit" disabled={busy}>
          {busy ? 'Conferindo…' : 'Conferir arquivo'}
        </button>
      </form>
      <div aria-live="polite" className="mt-3">
        <ApiErrorMessage error={error} />
        {result && <VerificationVerdict result={result} />}
      </div>
    </section>
  );
}

function VerificationVerdict({ result }: { result: DocumentVerification }) {
  return (
    <>
      {result.matches ? (
        <Message kind="success" title="Documento autêntico.">
          O arquivo enviado é idêntico ao documento emitido. {result.message}
        </Message>
      ) : (
        <Message kind="danger" title="O arquivo enviado NÃO corresponde ao documento emitido.">
          {result.message}
        </Message>
      )}
      {result.superseded && <Message kind="warning">Atenção: este documento foi substituído por uma emissão posterior.</Message>}
      <dl className="vigia-facts text-down-01">
        <dt className="col-sm-4">SHA-256 do arquivo enviado</dt>
        <dd className="col-sm-8 vigia-hash" style={{ wordBreak: 'break-all' }}>
          {result.sha256}
        </dd>
        <dt className="col-sm-4">SHA-256 do documento emitido</dt>
        <dd className="col-sm-8 vigia-hash" style={{ wordBreak: 'break-all' }}>
          {result.expectedSha256}
        </dd>
      </dl>
    </>
  );
}
