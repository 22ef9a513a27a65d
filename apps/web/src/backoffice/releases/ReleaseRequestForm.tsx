import {
  type ReleaseCameraOption,
  type RequesterKind,
  releaseUrgencies,
  releaseUrgencyLabels,
  requesterKindLabels,
  requesterKinds,
} from '@vigia/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { useSession } from '../session/session-context';
import { fileReleaseRequest, listCameraOptions } from './releases-api';

/** `datetime-local` value (Cuiabá wall clock, UTC−4 all year since 2019) → ISO with offset. */
const cuiabaIso = (local: string) => (local ? `${local}:00-04:00` : '');

/** Novo pedido de cessão: requester, legal grounds, case, cameras from the caller's list, period, urgency. */
export function ReleaseRequestForm() {
  useDocumentTitle('Novo pedido de cessão de imagens');
  const navigate = useNavigate();
  const { activeRole } = useSession();
  const onBehalf = activeRole === 'operator' || activeRole === 'regional_operator';
  const cameras = useApiData(listCameraOptions);
  const [kind, setKind] = useState<RequesterKind>('police_authority');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [grounds, setGrounds] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [urgency, setUrgency] = useState<(typeof releaseUrgencies)[number]>('normal');
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const visible = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (cameras.data ?? [])
      .filter((c: ReleaseCameraOption) => !q || `${c.name} ${c.partnerName}`.toLowerCase().includes(q))
      .slice(0, 200);
  }, [cameras.data, filter]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await fileReleaseRequest({
        requesterKind: kind,
        ...(onBehalf && email ? { requesterEmail: email } : {}),
        requesterName: name,
        requesterRole: role,
        requesterOrganisation: organisation,
        legalGrounds: grounds,
        caseNumber,
        cameraIds: picked,
        from: cuiabaIso(from),
        to: cuiabaIso(to),
        urgency,
      });
      void navigate(`../${created.id}`);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Cessão de imagens', to: '..' }, { label: 'Novo pedido' }]} />
      <h1>Novo pedido de cessão de imagens</h1>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend className="h5">Requerente</legend>
          <SelectField
            id="kind"
            label="Qualidade do requerente"
            value={kind}
            onChange={(v) => setKind(v as RequesterKind)}
            options={requesterKinds.map((k) => ({ value: k, label: requesterKindLabels[k] }))}
            error={error?.fieldMessage('requesterKind')}
          />
          {onBehalf && (
            <TextField
              id="requester-email"
              label="E-mail da conta do solicitante"
              type="email"
              value={email}
              onChange={setEmail}
              hint="As imagens cedidas só são entregues a essa conta (perfil Solicitante externo)."
              error={error?.fieldMessage('requesterEmail')}
            />
          )}
          <TextField
            id="requester-name"
            label="Nome do requerente"
            value={name}
            onChange={setName}
            error={error?.fieldMessage('requesterName')}
          />
          <TextField
            id="requester-role"
            label="Cargo ou função"
            value={role}
            onChange={setRole}
            error={error?.fieldMessage('requesterRole')}
          />
          <TextField
            id="requester-organisation"
            label="Órgão"
            value={organisation}
            onChange={setOrganisation}
            error={error?.fieldMessage('requesterOrganisation')}
          />
        </fieldset>
        <fieldset className="mt-3">
          <legend className="h5">Fundamentação</legend>
          <TextField
            id="case-number"
            label="Número do processo, inquérito ou procedimento"
            value={caseNumber}
            onChange={setCaseNumber}
            error={error?.fieldMessage('caseNumber')}
          />
          <TextAreaField
            id="legal-grounds"
            label="Fundamentação legal e relação com os fatos"
            value={grounds}
            onChange={setGrounds}
            maxLength={8000}
            error={error?.fieldMessage('legalGrounds')}
          />
          <SelectField
            id="urgency"
            label="Urgência"
            value={urgency}
            onChange={(v) => setUrgency(v as typeof urgency)}
            options={releaseUrgencies.map((u) => ({ value: u, label: releaseUrgencyLabels[u] }))}
          />
        </fieldset>
        <fieldset className="mt-3">
          <legend className="h5">Período (horário de Cuiabá)</legend>
          <TextField id="from" label="Início" type="datetime-local" value={from} onChange={setFrom} error={error?.fieldMessage('from')} />
          <TextField id="to" label="Fim" type="datetime-local" value={to} onChange={setTo} error={error?.fieldMessage('to')} />
        </fieldset>
        <fieldset className="mt-3">
          <legend className="h5">Câmeras ({picked.length} escolhida(s))</legend>
          {cameras.loading && <Loading label="Carregando câmeras…" />}
          <ApiErrorMessage error={cameras.error} />
          <TextField id="camera-filter" label="Filtrar câmeras por nome" value={filter} onChange={setFilter} />
          {error?.fieldMessage('cameraIds') && <p className="text-danger">{error.fieldMessage('cameraIds')}</p>}
          <ul className="list-unstyled vigia-scroll-list">
            {visible.map((c) => (
              <li key={c.id} className="br-checkbox">
                <input
                  id={`cam-${c.id}`}
                  type="checkbox"
                  checked={picked.includes(c.id)}
                  onChange={(e) => setPicked((p) => (e.target.checked ? [...p, c.id] : p.filter((x) => x !== c.id)))}
                />
                <label htmlFor={`cam-${c.id}`}>
                  {c.name} — {c.partnerName} ({c.municipalityIbge})
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <ApiErrorMessage error={error} />
        <div className="mt-3">
          <button className="br-button primary" type="submit" disabled={busy}>
            Protocolar pedido
          </button>
        </div>
      </form>
    </>
  );
}
