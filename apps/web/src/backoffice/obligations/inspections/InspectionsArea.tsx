import {
  type Inspection,
  type InspectionChecklistKey,
  inspectionChecklistKeys,
  inspectionChecklistLabels,
  inspectionKindLabels,
  inspectionStatusLabels,
} from '@vigia/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { FileField } from '../../../shared/components/FileField';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { SelectField } from '../../../shared/components/SelectField';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { TextField } from '../../../shared/components/TextField';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { NotFound } from '../../../shared/pages/NotFound';
import {
  closeFollowUp,
  getInspection,
  inspectionFileUrl,
  listInspections,
  recordInspection,
  scheduleInspection,
  uploadObligationFile,
} from '../obligations-api';
import { paths } from '../paths';
import { Card } from '../shared/Card';
import { DocumentsTable } from '../shared/DocumentsTable';
import { Tag } from '../shared/Tag';
import { TermSelect } from '../shared/TermSelect';
import { useWrite } from '../shared/use-write';

const base = paths.committeeInspections;
const verdictLabels = { ok: 'Conforme', fault: 'Falha', not_applicable: 'Não se aplica' } as const;
type Verdict = keyof typeof verdictLabels;
const statusTone = { scheduled: 'info', recorded: 'warning', follow_up_closed: 'success' } as const;

/** SESP inspections (Art. 28 §1): schedule, record the checklist (Art. 20, guide §08), photos, findings, follow-up. */
export function InspectionsArea() {
  return (
    <Routes>
      <Route index element={<InspectionsPage />} />
      <Route path=":inspectionId" element={<InspectionPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function InspectionsPage() {
  useDocumentTitle('Vistorias');
  const { data: inspections, error, loading } = useApiData(listInspections);
  const navigate = useNavigate();
  const [termId, setTermId] = useState('');
  const [kind, setKind] = useState<'scheduled' | 'unannounced'>('scheduled');
  const [when, setWhen] = useState('');
  const [place, setPlace] = useState('');
  const write = useWrite<Inspection>((i) => navigate(`${base}/${i.id}`));
  function submit(e: FormEvent) {
    e.preventDefault();
    // datetime-local is Cuiabá time (UTC−4, no daylight saving).
    const scheduledFor = when ? `${when}:00-04:00` : '';
    void write.run(() => scheduleInspection({ termId, kind, scheduledFor, place: place.trim() }));
  }
  return (
    <>
      <Breadcrumb items={[{ label: 'Vistorias' }]} />
      <h1>Vistorias</h1>
      <p>
        Fiscalização das câmeras e equipamentos dos parceiros, com ou sem aviso prévio (Decreto nº 1.522/2022, art. 28, § 1º). Vistorias sem
        aviso só aparecem para o parceiro depois de registradas.
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando vistorias…" />}
      {inspections && inspections.length === 0 && <p>Nenhuma vistoria.</p>}
      {inspections && inspections.length > 0 && (
        <div className="br-table vigia-table-wrap">
          <table aria-label="Vistorias">
            <thead>
              <tr>
                <th scope="col">Parceiro / termo</th>
                <th scope="col">Tipo</th>
                <th scope="col">Data</th>
                <th scope="col">Local</th>
                <th scope="col">Situação</th>
                <th scope="col">Falhas</th>
                <th scope="col">Ações</th>
              </tr>
            </thead>
            <tbody>
              {inspections.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    {i.partnerName} — {i.termNumber}
                  </th>
                  <td>{inspectionKindLabels[i.kind]}</td>
                  <td>{formatDateTime(i.scheduledFor)}</td>
                  <td>{i.place}</td>
                  <td>
                    <Tag tone={statusTone[i.status]}>{inspectionStatusLabels[i.status]}</Tag>
                  </td>
                  <td>{i.recordedAt ? i.faults : '—'}</td>
                  <td>
                    <Link className="br-button small secondary" to={`${base}/${i.id}`} aria-label={`Abrir vistoria em ${i.place}`}>
                      Abrir
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Card id="schedule-inspection-title" title="Agendar vistoria">
        <ApiErrorMessage error={write.error} />
        <form onSubmit={submit} noValidate aria-label="Agendar vistoria" className="vigia-form-grid">
          <TermSelect id="inspection-term" value={termId} onChange={setTermId} error={write.error?.fieldMessage('termId')} />
          <SelectField
            id="inspection-kind"
            label="Tipo"
            value={kind}
            onChange={(v) => setKind(v as 'scheduled')}
            options={[
              { value: 'scheduled', label: 'Agendada (parceiro avisado)' },
              { value: 'unannounced', label: 'Sem aviso prévio' },
            ]}
          />
          <TextField
            id="inspection-when"
            type="datetime-local"
            label="Data e hora (horário de Cuiabá)"
            value={when}
            onChange={setWhen}
            error={write.error?.fieldMessage('scheduledFor')}
          />
          <TextField id="inspection-place" label="Local" value={place} onChange={setPlace} error={write.error?.fieldMessage('place')} />
          <div>
            <button className="br-button primary" type="submit" disabled={write.busy || !termId || !when}>
              Agendar vistoria
            </button>
          </div>
        </form>
      </Card>
    </>
  );
}

function InspectionPage() {
  const { inspectionId = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getInspection(inspectionId, signal), [inspectionId]);
  const { data: inspection, error, loading, setData } = useApiData(load);
  useDocumentTitle('Vistoria');
  const [checklist, setChecklist] = useState<Record<InspectionChecklistKey, Verdict | ''>>(
    Object.fromEntries(inspectionChecklistKeys.map((k) => [k, ''])) as Record<InspectionChecklistKey, ''>,
  );
  const [findings, setFindings] = useState('');
  const [followUpDueOn, setFollowUpDueOn] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [recordError, setRecordError] = useState<ApiError | null>(null);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const follow = useWrite<Inspection>((i) => {
    setData(() => i);
    setNotice('Pendências registradas como sanadas.');
  });
  const hasFault = Object.values(checklist).includes('fault');

  async function record(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setRecordError(null);
    try {
      const photoFileIds: string[] = [];
      for (const p of photos) photoFileIds.push((await uploadObligationFile(p)).id);
      const filled = Object.fromEntries(Object.entries(checklist).filter(([, v]) => v !== ''));
      const i = await recordInspection(inspectionId, {
        checklist: filled,
        findings: findings.trim(),
        photoFileIds,
        followUpDueOn: followUpDueOn || null,
      });
      setData(() => i);
      setNotice('Vistoria registrada: relatório de vistoria emitido.');
    } catch (err) {
      setRecordError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Vistorias', to: base }, { label: 'Vistoria' }]} />
      <h1>Vistoria</h1>
      <ApiErrorMessage error={error} />
      {loading && <Loading />}
      {notice && <Message kind="success">{notice}</Message>}
      {inspection && (
        <>
          <dl className="vigia-facts" aria-label="Dados da vistoria">
            <dt>Parceiro / termo</dt>
            <dd>
              {inspection.partnerName} — {inspection.termNumber}
            </dd>
            <dt>Tipo</dt>
            <dd>{inspectionKindLabels[inspection.kind]}</dd>
            <dt>Data</dt>
            <dd>{formatDateTime(inspection.scheduledFor)}</dd>
            <dt>Local</dt>
            <dd>{inspection.place}</dd>
            <dt>Situação</dt>
            <dd>
              <Tag tone={statusTone[inspection.status]}>{inspectionStatusLabels[inspection.status]}</Tag>
            </dd>
            {inspection.recordedAt && (
              <>
                <dt>Falhas encontradas</dt>
                <dd>{inspection.faults}</dd>
                <dt>Constatações</dt>
                <dd>{inspection.findings}</dd>
                <dt>Prazo para sanar</dt>
                <dd>{inspection.followUpDueOn ? formatDate(inspection.followUpDueOn) : '—'}</dd>
              </>
            )}
            {inspection.followUpNote && (
              <>
                <dt>Pendências sanadas</dt>
                <dd>{inspection.followUpNote}</dd>
              </>
            )}
          </dl>
          {inspection.checklist && (
            <div className="br-table vigia-table-wrap mt-3">
              <table aria-label="Lista de verificação">
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Resultado</th>
                  </tr>
                </thead>
                <tbody>
                  {inspectionChecklistKeys
                    .filter((k) => inspection.checklist?.[k])
                    .map((k) => (
                      <tr key={k}>
                        <th scope="row">{inspectionChecklistLabels[k]}</th>
                        <td>{verdictLabels[inspection.checklist![k] as Verdict] ?? inspection.checklist![k]}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )}
          {inspection.photoFileIds.length > 0 && (
            <ul className="mt-2" aria-label="Fotos da vistoria">
              {inspection.photoFileIds.map((id, n) => (
                <li key={id}>
                  <a href={inspectionFileUrl(inspection.id, id)} download>
                    Foto {n + 1}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {inspection.status === 'scheduled' && (
            <Card id="record-title" title="Registrar vistoria">
              <ApiErrorMessage error={recordError} />
              <form onSubmit={(e) => void record(e)} noValidate aria-label="Registrar vistoria">
                {inspectionChecklistKeys.map((k) => (
                  <fieldset key={k} className="mb-2">
                    <legend className="vigia-label">{inspectionChecklistLabels[k]}</legend>
                    <div className="d-flex flex-wrap">
                      {(Object.keys(verdictLabels) as Verdict[]).map((v) => (
                        <div className="vigia-choice mr-3" key={v}>
                          <input
                            id={`check-${k}-${v}`}
                            type="radio"
                            name={`check-${k}`}
                            checked={checklist[k] === v}
                            onChange={() => setChecklist((c) => ({ ...c, [k]: v }))}
                          />
                          <label htmlFor={`check-${k}-${v}`}>{verdictLabels[v]}</label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                ))}
                <TextAreaField
                  id="inspection-findings"
                  label="Constatações"
                  value={findings}
                  onChange={setFindings}
                  error={recordError?.fieldMessage('findings')}
                />
                <FileField
                  id="inspection-photo"
                  label="Adicionar foto"
                  accept=".jpg,.jpeg,.png,image/jpeg,image/png"
                  hint="JPEG ou PNG."
                  onSelect={(f) => f && setPhotos((p) => [...p, f])}
                />
                {photos.length > 0 && <p className="mt-1">{photos.length} foto(s) a enviar.</p>}
                <TextField
                  id="inspection-follow-up"
                  type="date"
                  label="Prazo para sanar as falhas"
                  hint={hasFault ? 'Obrigatório quando há falha.' : 'Só quando há falha.'}
                  value={followUpDueOn}
                  onChange={setFollowUpDueOn}
                  error={recordError?.fieldMessage('followUpDueOn')}
                />
                <button className="br-button primary mt-2" type="submit" disabled={busy}>
                  {busy ? 'Registrando…' : 'Registrar vistoria'}
                </button>
              </form>
            </Card>
          )}
          {inspection.status === 'recorded' && inspection.faults > 0 && (
            <Card id="follow-up-title" title="Encerrar pendências">
              <ApiErrorMessage error={follow.error} />
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void follow.run(() => closeFollowUp(inspectionId, note.trim()));
                }}
                noValidate
                aria-label="Encerrar pendências"
              >
                <TextAreaField
                  id="follow-up-note"
                  label="Como as falhas foram sanadas"
                  value={note}
                  onChange={setNote}
                  error={follow.error?.fieldMessage('note')}
                />
                <button className="br-button secondary mt-2" type="submit" disabled={follow.busy}>
                  Encerrar pendências
                </button>
              </form>
            </Card>
          )}
          <DocumentsTable documents={inspection.documents} urlOf={(d) => inspectionFileUrl(inspection.id, d.id)} />
        </>
      )}
    </>
  );
}
