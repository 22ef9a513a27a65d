import { type ManifestationFollowUp, manifestationKindLabels } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { fetchMyManifestations, replySignedIn } from './ombudsman-api';

const date = (d: string) => d.split('-').reverse().join('/');

/** "Meus serviços": the citizen's identified and confidential manifestations, with the answer and messages. */
export function MyManifestations() {
  const { data, error } = useApiData(fetchMyManifestations);
  return (
    <>
      <h3>Ouvidoria</h3>
      <ApiErrorMessage error={error} />
      {data?.manifestations.length ? (
        <ul className="list-unstyled">
          {data.manifestations.map((m) => (
            <Manifestation key={m.id} initial={m} />
          ))}
        </ul>
      ) : (
        <p>
          Nenhuma manifestação. <a href="/ouvidoria">Fale com a Ouvidoria</a>.
        </p>
      )}
    </>
  );
}

function Manifestation({ initial }: { initial: ManifestationFollowUp }) {
  const [m, setM] = useState(initial);
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function send() {
    setError(null);
    try {
      setM(await replySignedIn(m.id, text.trim()));
      setText('');
    } catch (e) {
      setError(toApiError(e));
    }
  }
  return (
    <li className="br-card p-2 mb-2" data-testid="my-manifestation">
      Protocolo <strong>{m.protocol}</strong> — {manifestationKindLabels[m.kind]}: {m.subject}. Situação: <strong>{m.statusLabel}</strong>
      {m.status !== 'answered' && <> — resposta até {date(m.dueOn)}</>}
      {m.answer && <p className="mt-1">Resposta: {m.answer}</p>}
      {m.messages.map((msg) => (
        <p key={msg.at + msg.from} className="mb-0">
          <strong>{msg.from === 'citizen' ? 'Você' : 'Ouvidoria'}</strong> ({formatDateTime(msg.at)}): {msg.text}
        </p>
      ))}
      <ApiErrorMessage error={error} />
      <TextAreaField id={`reply-${m.id}`} label="Escrever à Ouvidoria" value={text} onChange={setText} maxLength={4000} />
      <button type="button" className="br-button secondary small mt-1" disabled={text.trim().length < 2} onClick={() => void send()}>
        Enviar mensagem
      </button>
    </li>
  );
}
