import type { ExportVerification } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { apiPostBytes } from '../../shared/api/api-client';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { fetchSession } from '../../shared/api/auth-api';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';

const problemLabel: Record<ExportVerification['problems'][number]['problem'], string> = {
  signature_invalid: 'assinatura digital inválida (o manifesto foi alterado ou não foi assinado pela plataforma)',
  manifest_invalid: 'manifesto ilegível ou arquivo que não é um pacote de exportação',
  file_missing: 'arquivo ausente',
  file_altered: 'arquivo alterado (o SHA-256 não confere com o manifesto)',
  file_unexpected: 'arquivo acrescentado ao pacote',
};

/** /verificar-exportacao — anyone checks an exported evidence package (ZIP) against the platform's public key. */
export function ExportVerificationPage() {
  useDocumentTitle('Verificar pacote de exportação');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ExportVerification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      await fetchSession(); // the pre-sign-in CSRF token (double-submit cookie) the write must echo
      setResult(await apiPostBytes<ExportVerification>('/api/public/exports/verify', file, 'application/zip'));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Verificar pacote de exportação' }]} />
      <h1>Verificar pacote de exportação de imagens</h1>
      <p>
        Envie o arquivo ZIP recebido, sem descompactar. A plataforma confere a assinatura digital (Ed25519) do manifesto com a chave pública
        publicada em <a href="/api/public/exports/public-key">/api/public/exports/public-key</a> e o SHA-256 de cada arquivo. O pacote não é
        guardado. Para verificar sem internet, siga o LEIA-ME.txt do pacote.
      </p>
      <form onSubmit={submit} noValidate>
        <div className="br-upload">
          <label className="upload-label" htmlFor="export-zip">
            Pacote (.zip)
          </label>
          <input
            id="export-zip"
            className="upload-input"
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button className="br-button primary mt-3" type="submit" disabled={!file || busy}>
          Verificar
        </button>
      </form>
      {busy && <Loading label="Verificando o pacote…" />}
      <ApiErrorMessage error={error} />
      {result && (
        <div className="mt-3" data-testid="export-verification-result">
          {result.ok ? (
            <Message kind="success" title="Pacote íntegro">
              A assinatura confere e nenhum arquivo foi alterado: {result.manifest?.files.length ?? 0} arquivo(s), período{' '}
              {result.manifest?.from} a {result.manifest?.to} (UTC), motivo: {result.manifest?.reason}.
            </Message>
          ) : (
            <Message kind="danger" title="Pacote alterado ou inválido">
              <ul className="mb-0">
                {result.problems.map((p) => (
                  <li key={`${p.file}-${p.problem}`}>
                    <strong>{p.file}</strong>: {problemLabel[p.problem]}
                  </li>
                ))}
              </ul>
            </Message>
          )}
        </div>
      )}
    </div>
  );
}
