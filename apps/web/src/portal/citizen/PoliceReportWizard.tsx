import {
  domesticViolenceKinds,
  meetsLevel,
  type PoliceReport,
  type PoliceReportContentInput,
  type PoliceReportKind,
  policeReportContentSchema,
  policeReportKindLabels,
  policeReportKinds,
  policeReportLevel,
  policeReportObjectTypeLabels,
  policeReportObjectTypes,
  policeReportPersonRoleLabels,
  policeReportPersonRoles,
  policeReportProblems,
} from '@vigia/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
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
import { AccidentPlaceMap } from './AccidentPlaceMap';
import {
  fetchCitizenSession,
  fetchMyPoliceReport,
  fetchPoliceStationsForCitizen,
  savePoliceReport,
  signInUrl,
  startPoliceReport,
  submitPoliceReport,
  uploadPoliceReportFile,
} from './citizen-api';
import { QuickExit } from './QuickExit';

type Person = NonNullable<PoliceReportContentInput['people']>[number];
type Obj = NonNullable<PoliceReportContentInput['objects']>[number];
type ObjectField = 'description' | 'brand' | 'model' | 'serial' | 'imei' | 'plate' | 'chassis';
const objectFieldLabels: Record<ObjectField, string> = {
  description: 'Descrição',
  brand: 'Marca',
  model: 'Modelo',
  serial: 'Nº de série',
  imei: 'IMEI (disque *#06#)',
  plate: 'Placa',
  chassis: 'Chassi',
};

/** Cuiabá has no daylight saving time: local wall time is UTC−4. */
const toIso = (local: string) => (local ? `${local}:00-04:00` : null);
const toLocal = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() - 4 * 3_600_000).toISOString().slice(0, 16) : '');

const steps = ['Tipo e protocolo', 'Quando e onde', 'Pessoas e objetos', 'Relato e envio'];

/**
 * /cidadao/ocorrencias/nova?tipo=… (or ?rascunho=id) — the online report in four steps. The first
 * step creates the draft and answers its protocol; each later step saves the draft; the last one
 * submits it (the server checks the kind's required fields; the same list is shown here).
 */
export function PoliceReportWizard() {
  useDocumentTitle('Registrar ocorrência — Delegacia Virtual');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useApiData(useCallback((signal: AbortSignal) => fetchCitizenSession(signal), []));
  const stations = useApiData(useCallback((signal: AbortSignal) => fetchPoliceStationsForCitizen(signal), []));
  const [kind, setKind] = useState<PoliceReportKind>((params.get('tipo') as PoliceReportKind | null) ?? 'loss');
  const [stationId, setStationId] = useState('');
  const [report, setReport] = useState<PoliceReport | null>(null);
  const [content, setContent] = useState<PoliceReportContentInput>(policeReportContentSchema.parse({}));
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const draftId = params.get('rascunho');

  useEffect(() => {
    if (!draftId) return;
    void fetchMyPoliceReport(draftId).then(
      (r) => {
        setReport(r);
        setKind(r.kind);
        setStationId(r.station?.id ?? '');
        setContent(r.content);
        setStep(1);
      },
      (e) => setError(toApiError(e)),
    );
  }, [draftId]);

  const set = (patch: Partial<PoliceReportContentInput>) => setContent((c) => ({ ...c, ...patch }));
  async function run(action: () => Promise<PoliceReport>, next?: number) {
    setBusy(true);
    setError(null);
    try {
      const r = await action();
      setReport(r);
      if (r.status !== 'draft') void navigate(`/cidadao/ocorrencias/${r.id}`);
      else if (next !== undefined) setStep(next);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  const save = (next: number) => run(() => savePoliceReport(report!.id, { stationId: stationId || null, content }), next);

  const citizen = session.data?.citizen ?? null;
  if (session.loading) return <Loading />;
  if (!citizen)
    return (
      <div className="container-lg vigia-main-area">
        <h1>Delegacia Virtual</h1>
        <p>
          <a className="br-button primary" href={signInUrl(`/cidadao/ocorrencias/nova?tipo=${kind}`)}>
            Entrar com gov.br
          </a>
        </p>
      </div>
    );
  const levelOk = meetsLevel(citizen.level, policeReportLevel(kind));
  const parsed = policeReportContentSchema.safeParse(content);
  const problems = parsed.success ? policeReportProblems(kind, stationId || null, parsed.data) : [];
  const dvEligible = domesticViolenceKinds.includes(kind);
  const people = content.people ?? [];
  const objects = content.objects ?? [];

  return (
    <div className="container-lg vigia-main-area">
      {(dvEligible || content.domesticViolence) && <QuickExit />}
      <Breadcrumb
        items={[
          { label: 'Serviços ao cidadão', to: '/cidadao' },
          { label: 'Delegacia Virtual', to: '/cidadao/ocorrencias' },
          { label: 'Registrar' },
        ]}
      />
      <h1>{policeReportKindLabels[kind]}</h1>
      <ol className="vigia-steps" aria-label="Etapas">
        {steps.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} className={i === step ? 'text-weight-bold' : ''}>
            {s}
          </li>
        ))}
      </ol>
      {report && (
        <Message kind="info" title="Protocolo">
          Seu protocolo é <strong data-testid="police-report-protocol">{report.protocol}</strong>. O rascunho é salvo a cada etapa.
        </Message>
      )}
      {kind === 'missing_person' && (
        <Message kind="warning" title="Não há prazo de espera">
          O desaparecimento pode e deve ser comunicado imediatamente, a qualquer hora (Lei 13.812/2019). Em caso de risco, ligue 190.
        </Message>
      )}
      <ApiErrorMessage error={error} />
      {step === 0 && (
        <section aria-label="Tipo e protocolo">
          <SelectField
            id="report-kind"
            label="Tipo de ocorrência"
            value={kind}
            options={policeReportKinds.map((k) => ({ value: k, label: policeReportKindLabels[k] }))}
            onChange={(v) => setKind(v as PoliceReportKind)}
          />
          <SelectField
            id="report-station"
            label={
              kind === 'pre_registration'
                ? 'Delegacia onde o registro será concluído'
                : 'Delegacia (opcional: sem escolha, a mais próxima do local)'
            }
            value={stationId}
            placeholder="Escolha a delegacia"
            options={(stations.data?.stations ?? []).map((s) => ({ value: s.id, label: `${s.name} — ${s.municipality}` }))}
            onChange={setStationId}
          />
          {!levelOk && (
            <p>Este tipo de ocorrência exige conta gov.br nível prata ou ouro. Eleve o nível da sua conta em gov.br e entre novamente.</p>
          )}
          <button
            type="button"
            className="br-button primary mt-3"
            disabled={busy || !levelOk}
            onClick={() => void run(() => startPoliceReport({ kind, stationId: stationId || null, content }), 1)}
          >
            Iniciar e gerar protocolo
          </button>
        </section>
      )}
      {step === 1 && (
        <section aria-label="Quando e onde">
          <TextField
            id="report-occurred"
            type="datetime-local"
            label={kind === 'missing_person' ? 'Data e hora em que foi vista pela última vez' : 'Data e hora do fato'}
            value={toLocal(content.occurredAt ?? null)}
            onChange={(v) => set({ occurredAt: toIso(v) })}
          />
          <AccidentPlaceMap
            point={
              content.latitude != null && content.longitude != null ? { latitude: content.latitude, longitude: content.longitude } : null
            }
            onPick={(latitude, longitude) => set({ latitude, longitude })}
          />
          <div className="d-flex" style={{ gap: '1rem' }}>
            <TextField
              id="report-lat"
              label="Latitude"
              value={content.latitude?.toString() ?? ''}
              onChange={(v) => set({ latitude: v ? Number(v) : null })}
            />
            <TextField
              id="report-lon"
              label="Longitude"
              value={content.longitude?.toString() ?? ''}
              onChange={(v) => set({ longitude: v ? Number(v) : null })}
            />
          </div>
          <TextField
            id="report-place"
            label="Endereço ou ponto de referência"
            value={content.placeDescription ?? ''}
            onChange={(v) => set({ placeDescription: v })}
          />
          <button type="button" className="br-button primary mt-3" disabled={busy} onClick={() => void save(2)}>
            Salvar e continuar
          </button>
        </section>
      )}
      {step === 2 && (
        <section aria-label="Pessoas e objetos">
          {kind === 'missing_person' && (
            <fieldset>
              <legend>Pessoa desaparecida</legend>
              {(['name', 'physicalDescription', 'clothing', 'relationship'] as const).map((f) => (
                <TextField
                  key={f}
                  id={`missing-${f}`}
                  label={
                    { name: 'Nome', physicalDescription: 'Descrição física', clothing: 'Roupas', relationship: 'Seu vínculo com a pessoa' }[
                      f
                    ]
                  }
                  value={(content.missingPerson?.[f] as string | null | undefined) ?? ''}
                  onChange={(v) =>
                    set({
                      missingPerson: {
                        name: '',
                        physicalDescription: '',
                        relationship: '',
                        ...content.missingPerson,
                        [f]: v,
                      },
                    })
                  }
                />
              ))}
            </fieldset>
          )}
          {kind === 'illegal_profession' && (
            <TextField
              id="report-profession"
              label="Profissão exercida ilegalmente"
              value={content.profession ?? ''}
              onChange={(v) => set({ profession: v })}
            />
          )}
          {kind === 'pre_registration' && (
            <>
              <TextField id="report-fact" label="Qual é a ocorrência" value={content.fact ?? ''} onChange={(v) => set({ fact: v })} />
              <div className="br-checkbox">
                <input
                  id="report-robbery"
                  type="checkbox"
                  checked={!!content.robbery}
                  onChange={(e) => set({ robbery: e.target.checked })}
                />
                <label htmlFor="report-robbery">Houve violência ou grave ameaça (roubo)</label>
              </div>
            </>
          )}
          <h2>Pessoas envolvidas</h2>
          {people.map((p, i) => (
            <fieldset key={`p-${i}`} className="mb-2">
              <legend>Pessoa {i + 1}</legend>
              <SelectField
                id={`person-${i}-role`}
                label="Condição"
                value={p.role}
                options={policeReportPersonRoles.map((r) => ({ value: r, label: policeReportPersonRoleLabels[r] }))}
                onChange={(v) => set({ people: people.map((x, j) => (j === i ? { ...x, role: v as Person['role'] } : x)) })}
              />
              <TextField
                id={`person-${i}-name`}
                label="Nome (deixe em branco se não souber)"
                value={p.name ?? ''}
                onChange={(v) => set({ people: people.map((x, j) => (j === i ? { ...x, name: v || null } : x)) })}
              />
              <TextField
                id={`person-${i}-description`}
                label="Descrição"
                value={p.description ?? ''}
                onChange={(v) => set({ people: people.map((x, j) => (j === i ? { ...x, description: v || null } : x)) })}
              />
            </fieldset>
          ))}
          <button
            type="button"
            className="br-button secondary small"
            onClick={() => set({ people: [...people, { role: 'author', name: null }] })}
          >
            Adicionar pessoa
          </button>
          <h2 className="mt-3">Objetos</h2>
          {objects.map((o, i) => (
            <fieldset key={`o-${i}`} className="mb-2">
              <legend>Objeto {i + 1}</legend>
              <SelectField
                id={`object-${i}-type`}
                label="Tipo"
                value={o.type}
                options={policeReportObjectTypes.map((t) => ({ value: t, label: policeReportObjectTypeLabels[t] }))}
                onChange={(v) => set({ objects: objects.map((x, j) => (j === i ? { ...x, type: v as Obj['type'] } : x)) })}
              />
              {(
                [
                  'description',
                  'brand',
                  'model',
                  'serial',
                  ...(o.type === 'phone' ? ['imei'] : []),
                  ...(o.type === 'vehicle' ? ['plate', 'chassis'] : []),
                ] as ObjectField[]
              ).map((f) => (
                <TextField
                  key={f}
                  id={`object-${i}-${f}`}
                  label={objectFieldLabels[f]}
                  value={((o as Record<string, unknown>)[f] as string | null) ?? ''}
                  onChange={(v) =>
                    set({ objects: objects.map((x, j) => (j === i ? { ...x, [f]: f === 'description' ? v : v || null } : x)) })
                  }
                />
              ))}
            </fieldset>
          ))}
          <button
            type="button"
            className="br-button secondary small"
            onClick={() => set({ objects: [...objects, { type: kind === 'phone_theft' ? 'phone' : 'document', description: '' }] })}
          >
            Adicionar objeto
          </button>
          <div>
            <button type="button" className="br-button primary mt-3" disabled={busy} onClick={() => void save(3)}>
              Salvar e continuar
            </button>
          </div>
        </section>
      )}
      {step === 3 && (
        <section aria-label="Relato e envio">
          <TextAreaField
            id="report-narrative"
            label="Relate o que aconteceu"
            value={content.narrative ?? ''}
            onChange={(v) => set({ narrative: v })}
            maxLength={10000}
          />
          <div className="br-upload mt-2">
            <label htmlFor="report-file">Anexos (JPEG, PNG ou PDF, até 10 MB cada)</label>
            <input
              id="report-file"
              type="file"
              accept="image/jpeg,image/png,application/pdf"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (!f) return;
                void uploadPoliceReportFile(f).then(
                  (up) => set({ attachmentFileIds: [...(content.attachmentFileIds ?? []), up.id] }),
                  (err) => setError(toApiError(err)),
                );
              }}
            />
            <p className="text-down-01">{(content.attachmentFileIds ?? []).length} anexo(s).</p>
          </div>
          {dvEligible && (
            <fieldset className="mt-2">
              <legend>Violência doméstica ou familiar</legend>
              <div className="br-checkbox">
                <input
                  id="report-dv"
                  type="checkbox"
                  checked={!!content.domesticViolence}
                  onChange={(e) =>
                    set({ domesticViolence: e.target.checked ? { safeContact: '', protectiveMeasuresRequested: false } : null })
                  }
                />
                <label htmlFor="report-dv">O fato envolve violência doméstica ou familiar</label>
              </div>
              {content.domesticViolence && (
                <>
                  <TextField
                    id="report-safe-contact"
                    label="Contato seguro (telefone ou e-mail que só você acessa)"
                    value={content.domesticViolence.safeContact}
                    onChange={(v) => set({ domesticViolence: { ...content.domesticViolence!, safeContact: v } })}
                  />
                  <div className="br-checkbox">
                    <input
                      id="report-protective"
                      type="checkbox"
                      checked={content.domesticViolence.protectiveMeasuresRequested}
                      onChange={(e) =>
                        set({ domesticViolence: { ...content.domesticViolence!, protectiveMeasuresRequested: e.target.checked } })
                      }
                    />
                    <label htmlFor="report-protective">
                      Peço medidas protetivas de urgência (a polícia remete o pedido ao juiz em até 48 horas)
                    </label>
                  </div>
                </>
              )}
            </fieldset>
          )}
          {problems.length > 0 && (
            <Message kind="warning" title="Ainda falta">
              <ul>
                {problems.map((p) => (
                  <li key={p.path}>{p.message}</li>
                ))}
              </ul>
            </Message>
          )}
          <p className="text-down-01">Comunicar falsamente crime ou contravenção é crime (Código Penal, art. 340).</p>
          <button
            type="button"
            className="br-button primary mt-2"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await savePoliceReport(report!.id, { stationId: stationId || null, content });
                return submitPoliceReport(report!.id);
              })
            }
          >
            Enviar à delegacia
          </button>
        </section>
      )}
      {step > 1 && (
        <button type="button" className="br-button secondary mt-3" onClick={() => setStep(step - 1)}>
          Voltar
        </button>
      )}
    </div>
  );
}
