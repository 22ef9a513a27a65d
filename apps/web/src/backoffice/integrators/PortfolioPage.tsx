import {
  type CameraSharingConsent,
  type ConsentMeans,
  consentMeansLabels,
  consentStatusLabels,
  type IntegratorClient,
} from '@vigia/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { fieldError } from '../../shared/api/field-errors';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { FileField } from '../../shared/components/FileField';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { uploadFile, uploadLimitHint } from '../api/files-api';
import { addClient, consentTermUrl, listClients, recordSignedTerm, requestConsent } from '../api/integrator-api';

const TITLE = 'Clientes e autorizações';

/**
 * /integradora/parceiros — the company's portfolio (issue 18; Decree 1.522/2022 Art. 15; BH + Segura):
 * each client, its cameras (apta a transmitir, autorização, disponibilidade no mês) and the consents
 * it gave or was asked for. A camera streams only while a consent of the client names it.
 */
export function PortfolioPage() {
  useDocumentTitle(TITLE);
  const { data, error, loading, reload } = useApiData(listClients);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (text: string) => {
    setNotice(text);
    reload();
  };
  return (
    <>
      <Breadcrumb items={[{ label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p>
        Cada cliente (pessoa ou empresa) autoriza o compartilhamento de câmeras nomeadas, por link enviado ao seu e-mail ou por termo gerado
        pela plataforma e assinado. Sem autorização a câmera não transmite; o cliente pode revogar a qualquer momento, e o compartilhamento
        para na hora.
      </p>
      <p>
        <Link className="br-button secondary" to="/cameras/importar">
          <i className="fas fa-file-import mr-1" aria-hidden="true" />
          Importar planilha de clientes e câmeras
        </Link>
      </p>
      {notice && <Message kind="success">{notice}</Message>}
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando clientes…" />}
      <AddClientForm onAdded={(name) => done(`Cliente incluído: ${name}.`)} />
      {data?.length === 0 && <Message kind="info">Nenhum cliente na carteira da empresa.</Message>}
      {data?.map((c) => (
        <ClientCard key={c.id} client={c} onChanged={done} />
      ))}
    </>
  );
}

function AddClientForm({ onAdded }: { onAdded: (name: string) => void }) {
  const [kind, setKind] = useState<'individual' | 'company'>('individual');
  const [name, setName] = useState('');
  const [document, setDocument] = useState('');
  const [email, setEmail] = useState('');
  const [municipalityIbge, setMunicipality] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="br-card mb-4 p-3"
      aria-label="Incluir cliente"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        addClient(
          kind === 'company' ? { kind, name, document, email, municipalityIbge } : { kind, name, document, email, municipalityIbge },
        )
          .then((c) => {
            setName('');
            setDocument('');
            setEmail('');
            onAdded(c.name);
          })
          .catch((err: unknown) => setError(toApiError(err)))
          .finally(() => setBusy(false));
      }}
    >
      <h2 className="h5">Incluir cliente</h2>
      <SelectField
        id="client-kind"
        label="Tipo"
        value={kind}
        onChange={(v) => setKind(v === 'company' ? 'company' : 'individual')}
        options={[
          { value: 'individual', label: 'Pessoa física (CPF)' },
          { value: 'company', label: 'Empresa ou condomínio (CNPJ)' },
        ]}
      />
      <TextField id="client-name" label="Nome" value={name} onChange={setName} error={fieldError(error, 'name')} required />
      <TextField
        id="client-document"
        label={kind === 'company' ? 'CNPJ' : 'CPF'}
        value={document}
        onChange={setDocument}
        error={fieldError(error, 'document')}
        required
      />
      <TextField
        id="client-email"
        label="E-mail do cliente"
        type="email"
        value={email}
        onChange={setEmail}
        error={fieldError(error, 'email')}
        required
      />
      <TextField
        id="client-municipality"
        label="Município (código IBGE)"
        hint="Sete dígitos, começando por 51 (Mato Grosso). Ex.: Cuiabá 5103403."
        value={municipalityIbge}
        onChange={setMunicipality}
        error={fieldError(error, 'municipalityIbge')}
        required
      />
      {error && !error.details.length && <ApiErrorMessage error={error} />}
      <button type="submit" className="br-button primary mt-2" disabled={busy}>
        Incluir cliente
      </button>
    </form>
  );
}

const statusTag = (s: string | null) => (s === 'granted' ? 'success' : s === 'pending' ? 'warning' : 'danger');

function ClientCard({ client, onChanged }: { client: IntegratorClient; onChanged: (text: string) => void }) {
  return (
    <section className="br-card mb-4" data-client-id={client.id} aria-labelledby={`client-${client.id}`}>
      <div className="card-content">
        <h2 className="h5" id={`client-${client.id}`}>
          {client.name}
        </h2>
        <p className="text-down-01">
          {client.kind === 'individual' ? 'CPF' : 'CNPJ'} {client.document} · {client.email ?? 'sem e-mail'}
        </p>
        {client.cameras.length === 0 ? (
          <Message kind="info">Nenhuma câmera cadastrada para este cliente.</Message>
        ) : (
          <div className="br-table">
            <table>
              <caption>Câmeras do cliente</caption>
              <thead>
                <tr>
                  <th scope="col">Câmera</th>
                  <th scope="col">Autorização</th>
                  <th scope="col">Transmissão</th>
                  <th scope="col">Disponibilidade no mês</th>
                </tr>
              </thead>
              <tbody>
                {client.cameras.map((c) => (
                  <tr key={c.id} data-camera-id={c.id}>
                    <td>{c.name}</td>
                    <td>
                      <span className={`br-tag text ${statusTag(c.consent)}`}>
                        {c.consent ? consentStatusLabels[c.consent] : 'Não pedida'}
                      </span>
                    </td>
                    <td>{c.streamEligible ? 'Apta a transmitir' : 'Não transmite'}</td>
                    <td>{c.uptimePercent === null ? 'não medido' : `${c.uptimePercent.toLocaleString('pt-BR')}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-2">
          <Link className="br-button secondary small" to={`/cameras/nova?cliente=${encodeURIComponent(client.id)}`}>
            <i className="fas fa-plus mr-1" aria-hidden="true" />
            Cadastrar câmera de {client.name}
          </Link>
        </p>
        <ConsentRequestForm client={client} onRequested={() => onChanged(`Pedido de autorização enviado a ${client.email}.`)} />
        {client.consents.map((c) => (
          <ConsentLine key={c.id} consent={c} onSigned={() => onChanged('Termo assinado registrado: autorização concedida.')} />
        ))}
      </div>
    </section>
  );
}

function ConsentRequestForm({ client, onRequested }: { client: IntegratorClient; onRequested: () => void }) {
  const free = client.cameras.filter((c) => c.consent !== 'granted' && c.consent !== 'pending');
  const [chosen, setChosen] = useState<string[]>([]);
  const [means, setMeans] = useState<ConsentMeans>('email_link');
  const [error, setError] = useState<ApiError | null>(null);
  if (!free.length) return null;
  return (
    <form
      className="mt-3"
      aria-label={`Pedir autorização a ${client.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        requestConsent(client.id, chosen, means)
          .then(() => {
            setChosen([]);
            onRequested();
          })
          .catch((err: unknown) => setError(toApiError(err)));
      }}
    >
      <fieldset>
        <legend className="h6">Pedir autorização do cliente</legend>
        {free.map((c) => (
          <div className="br-checkbox" key={c.id}>
            <input
              id={`consent-${client.id}-${c.id}`}
              type="checkbox"
              checked={chosen.includes(c.id)}
              onChange={(e) => setChosen((s) => (e.target.checked ? [...s, c.id] : s.filter((x) => x !== c.id)))}
            />
            <label htmlFor={`consent-${client.id}-${c.id}`}>{c.name}</label>
          </div>
        ))}
      </fieldset>
      <SelectField
        id={`means-${client.id}`}
        label="Forma da autorização"
        value={means}
        onChange={(v) => setMeans(v === 'signed_term' ? 'signed_term' : 'email_link')}
        options={(['email_link', 'signed_term'] as const).map((m) => ({ value: m, label: consentMeansLabels[m] }))}
      />
      <ApiErrorMessage error={error} />
      <button type="submit" className="br-button secondary mt-2" disabled={!chosen.length}>
        Pedir autorização
      </button>
    </form>
  );
}

function ConsentLine({ consent, onSigned }: { consent: CameraSharingConsent; onSigned: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [signer, setSigner] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('pt-BR', { timeZone: 'America/Cuiaba' }) : '');
  return (
    <div className="mt-3 p-2 border" data-consent-id={consent.id}>
      <p className="mb-1">
        <span className={`br-tag text ${statusTag(consent.status)}`}>{consentStatusLabels[consent.status]}</span>{' '}
        {consentMeansLabels[consent.means]} — câmeras: {consent.cameras.map((c) => c.name).join(', ')}
      </p>
      <p className="text-down-01 mb-1">
        Pedido em {when(consent.requestedAt)}
        {consent.consentedAt && `; autorizado por ${consent.consentedBy} em ${when(consent.consentedAt)}`}
        {consent.revokedAt && `; revogado em ${when(consent.revokedAt)} (${consent.revokedVia === 'link' ? 'pelo link' : 'pelo portal'})`}
      </p>
      {consent.termDocument && (
        <p className="mb-1">
          <a href={consentTermUrl(consent.id)} target="_blank" rel="noreferrer">
            Baixar termo para assinatura (PDF)
          </a>{' '}
          — código de autenticação {consent.termDocument.code}
        </p>
      )}
      {consent.means === 'signed_term' && consent.status === 'pending' && (
        <form
          aria-label="Registrar termo assinado"
          onSubmit={(e) => {
            e.preventDefault();
            if (!file) return;
            setError(null);
            uploadFile(file)
              .then((f) => recordSignedTerm(consent.id, f.id, signer))
              .then(onSigned)
              .catch((err: unknown) => setError(toApiError(err)));
          }}
        >
          <FileField
            id={`signed-${consent.id}`}
            label="Termo assinado (digitalizado)"
            accept=".pdf,.jpg,.jpeg,.png"
            hint={uploadLimitHint}
            onSelect={setFile}
          />
          <TextField id={`signer-${consent.id}`} label="Nome de quem assinou" value={signer} onChange={setSigner} required />
          <ApiErrorMessage error={error} />
          <button type="submit" className="br-button secondary mt-2" disabled={!file}>
            Registrar termo assinado
          </button>
        </form>
      )}
    </div>
  );
}
