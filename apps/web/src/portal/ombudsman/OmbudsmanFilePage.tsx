import {
  type ManifestationCreated,
  type ManifestationIdentity,
  type ManifestationKind,
  manifestationIdentityLabels,
  manifestationKindLabels,
  manifestationKinds,
} from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { fetchCitizenSession, signInUrl } from '../citizen/citizen-api';
import { fileAnonymously, fileSignedIn } from './ombudsman-api';

const MAX_CHARS = 5000;
const identityHints: Record<ManifestationIdentity, string> = {
  identified: 'Seu nome acompanha a manifestação, e a resposta chega também por e-mail.',
  confidential:
    'Só a Ouvidoria sabe quem você é; a unidade que apurar o caso não recebe a sua identidade (Lei nº 13.460/2017, art. 10, § 7º).',
  anonymous: 'Sem entrar com gov.br. Acompanhe só com o protocolo e o código de acesso: guarde-os, eles não podem ser recuperados.',
};

/** /ouvidoria — elogio, sugestão, reclamação, denúncia ou crítica: identificada, sigilosa ou anônima. */
export function OmbudsmanFilePage() {
  useDocumentTitle('Ouvidoria');
  const session = useApiData(fetchCitizenSession);
  const signedIn = !!session.data?.citizen;
  const [identity, setIdentity] = useState<ManifestationIdentity | null>(null);
  const [kind, setKind] = useState<ManifestationKind>('complaint');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<ManifestationCreated | null>(null);
  const chosen: ManifestationIdentity = identity ?? (signedIn ? 'identified' : 'anonymous');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { kind, subject: subject.trim(), description: description.trim() };
      setCreated(chosen === 'anonymous' ? await fileAnonymously(body) : await fileSignedIn({ ...body, identity: chosen }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  if (session.loading) return <Loading />;
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Ouvidoria' }]} />
      <h1>Ouvidoria da Segurança Pública</h1>
      {created ? (
        <>
          <Message kind="success" title="Manifestação registrada.">
            A Ouvidoria responde até {created.dueOn.split('-').reverse().join('/')} (30 dias, prorrogáveis uma vez por mais 30 com
            justificativa — Lei nº 13.460/2017, art. 16). Guarde o protocolo e o código de acesso:
          </Message>
          <dl>
            <dt>Protocolo</dt>
            <dd className="h3" data-testid="manifestation-protocol">
              {created.protocol}
            </dd>
            <dt>Código de acesso</dt>
            <dd className="h3" data-testid="manifestation-code">
              {created.accessCode}
            </dd>
          </dl>
          <Link
            className="br-button primary"
            to={`/ouvidoria/acompanhar?protocolo=${encodeURIComponent(created.protocol)}&codigo=${encodeURIComponent(created.accessCode)}`}
          >
            Acompanhar esta manifestação
          </Link>
        </>
      ) : (
        <>
          <p>
            Faça um elogio, uma sugestão, uma reclamação, uma denúncia ou uma crítica sobre os serviços da Segurança Pública de Mato Grosso.
            Depois de respondida, você pode avaliar o atendimento.
          </p>
          <ApiErrorMessage error={error} />
          <form
            onSubmit={(e) => void submit(e)}
            noValidate
            aria-label="Manifestação"
            className="vigia-form-grid"
            style={{ maxWidth: '48rem' }}
          >
            <fieldset className="vigia-fieldset">
              <legend>Identificação</legend>
              {(['identified', 'confidential', 'anonymous'] as const).map((i) => (
                <div className="vigia-choice" key={i}>
                  <input
                    id={`identity-${i}`}
                    type="radio"
                    name="identity"
                    checked={chosen === i}
                    disabled={i !== 'anonymous' && !signedIn}
                    onChange={() => setIdentity(i)}
                  />
                  <label htmlFor={`identity-${i}`}>{manifestationIdentityLabels[i]}</label>
                </div>
              ))}
              <p className="text-down-01">{identityHints[chosen]}</p>
              {!signedIn && (
                <p>
                  Para se identificar ou pedir sigilo, <a href={signInUrl('/ouvidoria')}>entre com gov.br</a>.
                </p>
              )}
            </fieldset>
            <SelectField
              id="manifestation-kind"
              label="Tipo de manifestação"
              value={kind}
              options={manifestationKinds.map((k) => ({ value: k, label: manifestationKindLabels[k] }))}
              onChange={(v) => setKind(v as ManifestationKind)}
            />
            <TextField
              id="manifestation-subject"
              label="Assunto"
              value={subject}
              onChange={setSubject}
              error={error?.fieldMessage('subject')}
              required
            />
            <TextAreaField
              id="manifestation-description"
              label="Descreva a sua manifestação"
              hint={`Mínimo de 10 e máximo de ${MAX_CHARS} caracteres (${description.length}/${MAX_CHARS}).`}
              value={description}
              onChange={setDescription}
              error={error?.fieldMessage('description')}
              maxLength={MAX_CHARS}
              required
            />
            <div>
              <button className="br-button primary" type="submit" disabled={busy}>
                {busy ? 'Enviando…' : 'Enviar manifestação'}
              </button>
              <Link className="br-button secondary ml-2" to="/ouvidoria/acompanhar">
                Acompanhar uma manifestação
              </Link>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
