import {
  certificateConsentLinkStatusLabels,
  certificateRequestStatusLabels,
  type GovbrLevel,
  meetsLevel,
  requiredLevelOf,
} from '@vigia/contracts';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextField } from '../../shared/components/TextField';
import { formatDate, formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { MyManifestations } from '../ombudsman/MyManifestations';
import { PendingRatings } from '../service-ratings/PendingRatings';
import { createConsentLink, fetchMyServices, reissueFee, requestCertificate, revokeConsentLink } from './citizen-api';
import { IdentityCardRequestForm } from './IdentityCardRequestForm';
import { MyAccidents } from './MyAccidents';
import { MyPoliceReports } from './MyPoliceReports';

/** While a certificate's PDF is being generated (right after the issue), the list is read again this often. */
const PDF_POLL_MS = 2000;

const brl = (cents: number) => (cents / 100).toLocaleString('pt-BR', { style: 'currency', currency: 'BRL' });

/** "Meus serviços": every request with protocol, status and next step, and "who looked me up". */
export function MyServices({ level }: { level: GovbrLevel }) {
  const load = useCallback((signal: AbortSignal) => fetchMyServices(signal), []);
  const { data, error, reload } = useApiData(load);
  const [purpose, setPurpose] = useState('');
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [consentUrl, setConsentUrl] = useState<string | null>(null);
  const act = async (f: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await f();
      reload();
    } catch (e) {
      setActionError(toApiError(e));
    }
  };
  async function submitCertificate(e: FormEvent) {
    e.preventDefault();
    await act(() => requestCertificate(purpose.trim()));
    setPurpose('');
  }
  const canCertificate = meetsLevel(level, requiredLevelOf('criminal_record_certificate'));
  const pdfPending = data?.certificates.some((c) => c.status === 'issued' && !c.pdfReady) ?? false;
  useEffect(() => {
    if (!pdfPending) return;
    const timer = setTimeout(reload, PDF_POLL_MS);
    return () => clearTimeout(timer);
  }, [pdfPending, data, reload]);
  return (
    <section aria-labelledby="my-services">
      <h2 id="my-services">Meus serviços</h2>
      <ApiErrorMessage error={error ?? actionError} />
      <PendingRatings />
      <MyManifestations />

      <h3>Carteira de identidade</h3>
      {data?.identityCards.length ? (
        <ul>
          {data.identityCards.map((r) => (
            <li key={r.id} className="br-card p-2 mb-2" data-testid="identity-card-request">
              Protocolo <strong>{r.protocol}</strong> — {r.copy === 'first' ? '1ª via (gratuita)' : '2ª via'} — {r.post}, dia{' '}
              {formatDate(r.appointmentDate)}. Situação: <strong data-testid="identity-card-stage">{r.stageLabel}</strong>
              {r.validUntil && <> — validade até {formatDate(r.validUntil)}</>}
              {r.fee && r.fee.status !== 'paid' && r.stage === 'awaiting_payment' && (
                <div className="mt-2">
                  Próximo passo: pagar a taxa de {brl(r.fee.amountCents)} ({r.fee.upfUnits} UPF-MT) até {formatDate(r.fee.dueDate)}.
                  <div className="br-input mt-1">
                    <label htmlFor={`pix-${r.id}`}>Pix copia e cola</label>
                    <input id={`pix-${r.id}`} readOnly value={r.fee.brCode} data-testid="pix-code" />
                  </div>
                  <a className="br-button secondary small mt-1" href={`/api/citizen/fees/${r.fee.id}/slip`}>
                    Baixar guia (PDF com QR code)
                  </a>{' '}
                  <button type="button" className="br-button secondary small mt-1" onClick={() => void act(() => reissueFee(r.fee!.id))}>
                    Reemitir guia vencida
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nenhum pedido.</p>
      )}
      <IdentityCardRequestForm onDone={reload} />

      <h3>Certidão de antecedentes criminais (gratuita)</h3>
      {canCertificate ? (
        <form onSubmit={submitCertificate} className="d-flex flex-wrap align-items-end" style={{ gap: '1rem' }}>
          <TextField
            id="certificate-purpose"
            label="Finalidade"
            value={purpose}
            onChange={setPurpose}
            hint="Ex.: emprego, concurso público"
          />
          <button className="br-button primary" type="submit" disabled={purpose.trim().length < 3}>
            Emitir certidão
          </button>
        </form>
      ) : (
        <p>Este serviço exige conta gov.br nível prata ou ouro. Eleve o nível da sua conta em gov.br e entre novamente.</p>
      )}
      <ul className="mt-2">
        {data?.certificates.map((c) => (
          <li key={c.id} className="br-card p-2 mb-2" data-testid="certificate">
            Protocolo <strong>{c.protocol}</strong> —{' '}
            <span data-testid="certificate-status">{certificateRequestStatusLabels[c.status]}</span>
            {c.status === 'in_analysis' && c.deadlineAt && <> — prazo legal: {formatDateTime(c.deadlineAt)} (Lei 9.051/1995)</>}
            {c.answer && <> — resposta: {c.answer}</>}
            {c.code && (
              <>
                {' '}
                — código <strong data-testid="certificate-code">{c.code}</strong>, válida até {formatDateTime(c.validUntil!)}.{' '}
                {c.pdfReady ? (
                  <a href={`/api/citizen/criminal-certificates/${c.id}/pdf`}>Baixar PDF</a>
                ) : (
                  <em data-testid="certificate-pdf-pending">PDF em geração — o link para baixar aparece em instantes.</em>
                )}{' '}
                <button
                  type="button"
                  className="br-button secondary small"
                  onClick={() => void act(async () => setConsentUrl((await createConsentLink(c.id, 'Empregador', 7)).url))}
                >
                  Gerar link de consulta para empregador (7 dias)
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {consentUrl && (
        <p>
          Link de consulta: <code data-testid="consent-url">{consentUrl}</code>
        </p>
      )}

      <h4>Links de consulta que você deu</h4>
      {data?.consentLinks.length ? (
        <table className="br-table">
          <thead>
            <tr>
              <th>Para</th>
              <th>Certidão</th>
              <th>Criado em</th>
              <th>Válido até</th>
              <th>Situação</th>
              <th>
                <span className="sr-only">Ações</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.consentLinks.map((l) => (
              <tr key={l.id} data-testid="consent-link">
                <td>{l.grantee}</td>
                <td>{l.protocol}</td>
                <td>{formatDateTime(l.createdAt)}</td>
                <td>{formatDateTime(l.expiresAt)}</td>
                <td data-testid="consent-link-status">
                  {certificateConsentLinkStatusLabels[l.status]}
                  {l.revokedAt && <> em {formatDateTime(l.revokedAt)}</>}
                </td>
                <td>
                  {l.status === 'active' && (
                    <button
                      type="button"
                      className="br-button secondary small"
                      onClick={() => void act(() => revokeConsentLink(l.id))}
                      aria-label={`Revogar o link de consulta dado a ${l.grantee}`}
                    >
                      Revogar
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Você não deu nenhum link de consulta.</p>
      )}
      <MyAccidents />
      <MyPoliceReports />

      <h3>Quem me consultou</h3>
      {data?.lookups.length ? (
        <table className="br-table">
          <thead>
            <tr>
              <th>Data</th>
              <th>Quem</th>
              <th>Finalidade</th>
            </tr>
          </thead>
          <tbody>
            {data.lookups.map((l, i) => (
              <tr key={`${l.at}-${i}`}>
                <td>{formatDateTime(l.at)}</td>
                <td>{l.by}</td>
                <td>{l.purpose}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Ninguém consultou seus dados por meio da plataforma.</p>
      )}
    </section>
  );
}
