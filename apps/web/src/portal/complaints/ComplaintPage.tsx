import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { MunicipalityCodeField } from '../../shared/components/MunicipalityCodeField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { fileComplaint } from './complaints-api';

const MAX_CHARS = 4000;

/** /denuncia — anyone may report an irregularity, anonymously or identified (Decree 1.522/2022, Art. 28 §2). */
export function ComplaintPage() {
  useDocumentTitle('Fazer uma denúncia');
  const [anonymous, setAnonymous] = useState(true);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [about, setAbout] = useState<'site' | 'partner'>('site');
  const [subject, setSubject] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [description, setDescription] = useState('');
  const [website, setWebsite] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [protocol, setProtocol] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await fileComplaint({
        anonymous,
        ...(anonymous ? {} : { name: name.trim(), email: email.trim() }),
        about,
        subject: subject.trim(),
        ...(municipality ? { municipalityIbge: municipality } : {}),
        description: description.trim(),
        website,
      });
      setProtocol(r.protocol);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Denúncia' }]} />
      <h1>Fazer uma denúncia</h1>
      {protocol ? (
        <>
          <Message kind="success" title="Denúncia registrada.">
            Guarde o número do protocolo para acompanhar o andamento:
          </Message>
          <p className="h3" data-testid="complaint-protocol">
            {protocol}
          </p>
          <p>
            <Link className="br-button primary" to={`/denuncia/acompanhar?protocolo=${encodeURIComponent(protocol)}`}>
              Acompanhar esta denúncia
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>
            Qualquer pessoa pode denunciar irregularidades no uso das câmeras e equipamentos do programa — por exemplo, câmera voltada para
            dentro de uma residência, equipamento cedido pelo Estado usado para outro fim ou fora do ar (Decreto nº 1.522/2022, art. 28, §
            2º). A denúncia pode ser anônima.
          </p>
          <ApiErrorMessage error={error} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-label="Denúncia" className="vigia-form-grid" style={{ maxWidth: '48rem' }}>
            <fieldset className="vigia-fieldset">
              <legend>Identificação</legend>
              <div className="vigia-choice">
                <input
                  id="complaint-anonymous"
                  type="radio"
                  name="identification"
                  checked={anonymous}
                  onChange={() => setAnonymous(true)}
                />
                <label htmlFor="complaint-anonymous">Denúncia anônima</label>
              </div>
              <div className="vigia-choice">
                <input
                  id="complaint-identified"
                  type="radio"
                  name="identification"
                  checked={!anonymous}
                  onChange={() => setAnonymous(false)}
                />
                <label htmlFor="complaint-identified">Quero me identificar</label>
              </div>
              {!anonymous && (
                <>
                  <TextField
                    id="complaint-name"
                    label="Seu nome"
                    value={name}
                    onChange={setName}
                    error={error?.fieldMessage('name')}
                    autoComplete="name"
                    required
                  />
                  <TextField
                    id="complaint-email"
                    type="email"
                    label="E-mail para contato (opcional)"
                    value={email}
                    onChange={setEmail}
                    error={error?.fieldMessage('email')}
                    autoComplete="email"
                  />
                </>
              )}
            </fieldset>
            <fieldset className="vigia-fieldset">
              <legend>A denúncia é sobre</legend>
              <div className="vigia-choice">
                <input id="complaint-about-site" type="radio" name="about" checked={about === 'site'} onChange={() => setAbout('site')} />
                <label htmlFor="complaint-about-site">Um local com câmera do programa</label>
              </div>
              <div className="vigia-choice">
                <input
                  id="complaint-about-partner"
                  type="radio"
                  name="about"
                  checked={about === 'partner'}
                  onChange={() => setAbout('partner')}
                />
                <label htmlFor="complaint-about-partner">Um parceiro do programa</label>
              </div>
              <TextField
                id="complaint-subject"
                label={about === 'site' ? 'Endereço ou referência do local' : 'Nome do parceiro'}
                value={subject}
                onChange={setSubject}
                error={error?.fieldMessage('subject')}
                required
              />
              <MunicipalityCodeField
                id="complaint-municipality"
                label="Município (opcional)"
                value={municipality}
                onChange={setMunicipality}
                error={error?.fieldMessage('municipalityIbge')}
              />
            </fieldset>
            <TextAreaField
              id="complaint-description"
              label="Descrição da irregularidade"
              hint={`Mínimo de 20 e máximo de ${MAX_CHARS} caracteres (${description.length}/${MAX_CHARS}). Não inclua dados pessoais de terceiros.`}
              value={description}
              onChange={setDescription}
              error={error?.fieldMessage('description')}
              maxLength={MAX_CHARS}
              required
            />
            <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
              <label htmlFor="complaint-website">Não preencha este campo</label>
              <input id="complaint-website" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
            </div>
            <div>
              <button className="br-button primary" type="submit" disabled={busy}>
                {busy ? 'Enviando…' : 'Enviar denúncia'}
              </button>
              <Link className="br-button secondary ml-2" to="/denuncia/acompanhar">
                Acompanhar uma denúncia
              </Link>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
