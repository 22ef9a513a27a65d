import { type FormEvent, useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { TextField } from '../../shared/components/TextField';
import { useApiData } from '../../shared/hooks/use-api-data';
import { todayInCuiaba } from '../obligations/shared/dates';
import { addPost, listPosts } from './politec-api';

/** Identification posts: places left on a day (appointments against the daily capacity) and a new post. */
export function PostsPanel() {
  const [date, setDate] = useState(todayInCuiaba());
  const load = useCallback((signal: AbortSignal) => listPosts(date, signal), [date]);
  const { data, error, loading, reload } = useApiData(load);
  return (
    <section aria-labelledby="posts-title" className="mb-5">
      <h2 id="posts-title">Postos de identificação</h2>
      <div className="row">
        <div className="col-md-4">
          <TextField id="posts-date" label="Vagas no dia" type="date" value={date} onChange={(v) => v && setDate(v)} />
        </div>
      </div>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando postos…" />}
      {data?.length === 0 && <Message kind="info">Nenhum posto cadastrado.</Message>}
      {data && data.length > 0 && (
        <div className="br-table vigia-table-wrap">
          <table>
            <caption>Postos e vagas restantes no dia</caption>
            <thead>
              <tr>
                <th scope="col">Posto</th>
                <th scope="col">Município</th>
                <th scope="col">Endereço</th>
                <th scope="col">Vagas restantes</th>
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.municipality}</td>
                  <td>{p.address}</td>
                  <td>{p.placesLeft}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewPostForm onAdded={reload} />
    </section>
  );
}

function NewPostForm({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [address, setAddress] = useState('');
  const [capacity, setCapacity] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setAdded(null);
    addPost({ name, municipality, address, dailyCapacity: Number(capacity) })
      .then(() => {
        setAdded(`Posto ${name} cadastrado.`);
        setName('');
        setMunicipality('');
        setAddress('');
        setCapacity('');
        onAdded();
      })
      .catch((err: unknown) => setError(toApiError(err)));
  };
  return (
    <form className="br-card mt-3" onSubmit={submit} noValidate>
      <div className="card-content">
        <h3 className="h5">Novo posto</h3>
        {added && <Message kind="success">{added}</Message>}
        <ApiErrorMessage error={error} />
        <TextField id="post-name" label="Nome do posto" value={name} onChange={setName} error={error?.fieldMessage('name')} required />
        <TextField
          id="post-municipality"
          label="Município"
          value={municipality}
          onChange={setMunicipality}
          error={error?.fieldMessage('municipality')}
          required
        />
        <TextField
          id="post-address"
          label="Endereço"
          value={address}
          onChange={setAddress}
          error={error?.fieldMessage('address')}
          required
        />
        <TextField
          id="post-capacity"
          label="Atendimentos por dia"
          type="number"
          min={1}
          value={capacity}
          onChange={setCapacity}
          error={error?.fieldMessage('dailyCapacity')}
          required
        />
        <button type="submit" className="br-button primary mt-2">
          Cadastrar posto
        </button>
      </div>
    </form>
  );
}
