import { type FormEvent, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { fetchPosts, type PostPlaces, requestIdentityCard } from './citizen-api';

/** Pre-request of an identity card: personal data, documents, post and day with free places. */
export function IdentityCardRequestForm({ onDone }: { onDone: () => void }) {
  const [birthDate, setBirthDate] = useState('');
  const [motherName, setMotherName] = useState('');
  const [document, setDocument] = useState('');
  const [date, setDate] = useState('');
  const [postId, setPostId] = useState('');
  const [exemptionProof, setExemptionProof] = useState('');
  const [posts, setPosts] = useState<PostPlaces[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    const controller = new AbortController();
    fetchPosts(date, controller.signal).then(
      (r) => setPosts(r.posts),
      () => setPosts([]),
    );
    return () => controller.abort();
  }, [date]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await requestIdentityCard({
        birthDate,
        motherName,
        documents: [document],
        postId,
        appointmentDate: date,
        ...(exemptionProof.trim() ? { exemptionProof: exemptionProof.trim() } : {}),
      });
      onDone();
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <details className="mb-3">
      <summary>Solicitar carteira de identidade</summary>
      <form onSubmit={submit} aria-label="Pré-solicitação da carteira de identidade" className="mt-2">
        <TextField id="rg-birth" label="Data de nascimento" type="date" value={birthDate} onChange={setBirthDate} required />
        <TextField id="rg-mother" label="Nome da mãe" value={motherName} onChange={setMotherName} required />
        <TextField
          id="rg-document"
          label="Documento apresentado"
          value={document}
          onChange={setDocument}
          hint="Ex.: certidão de nascimento, matrícula"
          required
        />
        <TextField id="rg-date" label="Dia do atendimento" type="date" value={date} onChange={setDate} required />
        <SelectField
          id="rg-post"
          label="Posto de identificação"
          value={postId}
          onChange={setPostId}
          placeholder="Escolha o posto"
          options={posts.map((p) => ({ value: p.id, label: `${p.name} — ${p.municipality} (${p.placesLeft} vagas)` }))}
          required
        />
        <TextField
          id="rg-exemption"
          label="Comprovante para isenção da taxa (opcional, 2ª via)"
          value={exemptionProof}
          onChange={setExemptionProof}
          hint="Ex.: NIS do CadÚnico"
        />
        <ApiErrorMessage error={error} />
        <button className="br-button primary mt-2" type="submit" disabled={!postId || !birthDate || !date}>
          Enviar pré-solicitação
        </button>
      </form>
    </details>
  );
}
