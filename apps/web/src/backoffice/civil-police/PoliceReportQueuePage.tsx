import { type PoliceReport, policeReportObjectTypeLabels, policeReportPersonRoleLabels } from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import {
  decidePoliceReport,
  fetchPoliceQueue,
  fetchPoliceReport,
  fetchPoliceStations,
  policeAttachmentUrl,
  recordProtectiveMeasure,
  recordVehicleRecovery,
  writeToCitizen,
} from './police-reports-api';

const hoursLeft = (iso: string) => Math.round((new Date(iso).getTime() - Date.now()) / 3_600_000);

/** The Lei 11.340 art. 12 III clock: hours left (or overdue) to forward the protective-measure request. */
function ProtectiveClock({ r }: { r: PoliceReport }) {
  if (!r.protectiveMeasureDueAt) return null;
  if (r.protectiveMeasureForwardedAt) return <span className="br-tag small">Medida protetiva remetida</span>;
  const h = hoursLeft(r.protectiveMeasureDueAt);
  return (
    <span className={`br-tag small ${h < 0 ? 'danger' : 'warning'}`}>
      Medida protetiva: {h < 0 ? `vencida há ${-h} h` : `${h} h restantes`} (Lei 11.340, art. 12, III)
    </span>
  );
}

/**
 * Civil police: the online police station's queue per station (an officer whose grant names a
 * municipality sees only its stations). Missing persons first (urgent, Lei 13.812/2019), then the
 * 48-hour protective-measure clocks, then the oldest deadline. Opening a report is audited.
 */
export function PoliceReportQueuePage() {
  useDocumentTitle('Delegacia Virtual');
  const [stationId, setStationId] = useState('');
  const stations = useApiData(fetchPoliceStations);
  const [state, setState] = useState<'open' | 'validated'>('open');
  const load = useCallback((signal: AbortSignal) => fetchPoliceQueue(stationId, state, signal), [stationId, state]);
  const { data, error, loading, reload } = useApiData(load);
  const [openId, setOpenId] = useState<string | null>(null);
  const [done, setDone] = useState<PoliceReport | null>(null);
  return (
    <>
      <Breadcrumb items={[{ label: 'Delegacia Virtual' }]} />
      <h1>Delegacia Virtual — boletins de ocorrência</h1>
      <p>
        Valide (o boletim recebe número e PDF com código de autenticação), peça mais informações ao cidadão ou recuse com fundamentação.
      </p>
      <SelectField
        id="police-station"
        label="Delegacia"
        value={stationId}
        placeholder="Todas as delegacias do meu escopo"
        options={(stations.data?.stations ?? []).map((s) => ({ value: s.id, label: `${s.name} — ${s.municipality}` }))}
        onChange={setStationId}
      />
      <SelectField
        id="police-state"
        label="Situação"
        value={state}
        options={[
          { value: 'open', label: 'Em aberto (aguardando a delegacia ou o cidadão)' },
          { value: 'validated', label: 'Registrados (recuperação de veículo)' },
        ]}
        onChange={(v) => setState(v as 'open' | 'validated')}
      />
      <ApiErrorMessage error={error} />
      {done && (
        <Message kind="success" title="Registrado">
          Protocolo {done.protocol}: {done.statusLabel}
          {done.reportNumber && (
            <>
              {' '}
              — nº {done.reportNumber}, código {done.code}
            </>
          )}
          .
        </Message>
      )}
      {loading ? (
        <Loading />
      ) : data?.reports.length ? (
        <table className="br-table mt-3">
          <thead>
            <tr>
              <th>Protocolo</th>
              <th>Natureza</th>
              <th>Delegacia</th>
              <th>Situação</th>
              <th>Prazo</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.reports.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.protocol} {r.urgent && <span className="br-tag small danger">URGENTE</span>}
                </td>
                <td>{r.kindLabel}</td>
                <td>{r.station ? `${r.station.name} — ${r.station.municipality}` : 'Sem delegacia'}</td>
                <td>
                  {r.statusLabel} <ProtectiveClock r={r} />
                </td>
                <td>{r.urgent ? 'Imediato' : r.deadlineAt && formatDateTime(r.deadlineAt)}</td>
                <td>
                  <button type="button" className="br-button secondary small" onClick={() => setOpenId(r.id)}>
                    Analisar
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-3">{state === 'open' ? 'Nenhum boletim aguardando análise.' : 'Nenhum boletim registrado.'}</p>
      )}
      {openId && (
        <ReportReview
          key={openId}
          id={openId}
          onDone={(r) => {
            setDone(r);
            if ((r.status === 'validated' && state === 'open') || r.status === 'refused') setOpenId(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function ReportReview({ id, onDone }: { id: string; onDone: (r: PoliceReport) => void }) {
  const load = useCallback((signal: AbortSignal) => fetchPoliceReport(id, signal), [id]);
  const { data, error, loading } = useApiData(load);
  const [current, setCurrent] = useState<PoliceReport | null>(null);
  const [text, setText] = useState('');
  const [court, setCourt] = useState('');
  const [reference, setReference] = useState('');
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const r = current ?? data;
  async function act(run: () => Promise<PoliceReport>) {
    setBusy(true);
    setActionError(null);
    try {
      const next = await run();
      setCurrent(next);
      setText('');
      onDone(next);
    } catch (e) {
      setActionError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  if (loading) return <Loading />;
  if (!r) return <ApiErrorMessage error={error} />;
  const c = r.content;
  const open = r.status === 'submitted' || r.status === 'info_requested';
  return (
    <section className="br-card p-3 mt-3" aria-label={`Boletim ${r.protocol}`}>
      <h2>
        {r.kindLabel} — protocolo {r.protocol} {r.urgent && <span className="br-tag danger">URGENTE</span>}
      </h2>
      <ProtectiveClock r={r} />
      <dl className="vigia-facts">
        <dt>Comunicante</dt>
        <dd>
          {r.reporter.name} (CPF {r.reporter.cpf})
        </dd>
        <dt>Data e hora do fato</dt>
        <dd>{c.occurredAt && formatDateTime(c.occurredAt)}</dd>
        <dt>Local</dt>
        <dd>
          {c.placeDescription} ({c.latitude}, {c.longitude})
        </dd>
        {c.fact && (
          <>
            <dt>Ocorrência (pré-registro)</dt>
            <dd>
              {c.fact}
              {c.robbery && ' — com violência ou grave ameaça (roubo)'}
            </dd>
          </>
        )}
        {c.profession && (
          <>
            <dt>Profissão</dt>
            <dd>{c.profession}</dd>
          </>
        )}
        {c.domesticViolence && (
          <>
            <dt>Violência doméstica — contato seguro</dt>
            <dd>
              {c.domesticViolence.safeContact}
              {c.domesticViolence.protectiveMeasuresRequested && ' — pede medidas protetivas'}
            </dd>
          </>
        )}
        {r.representationDeadlineAt && (
          <>
            <dt>Prazo de representação (CPP, art. 38)</dt>
            <dd>{formatDateTime(r.representationDeadlineAt)}</dd>
          </>
        )}
      </dl>
      {c.missingPerson && (
        <>
          <h3>Pessoa desaparecida</h3>
          <p>
            {c.missingPerson.name}
            {c.missingPerson.birthDate && `, nascida em ${c.missingPerson.birthDate}`}. {c.missingPerson.physicalDescription}{' '}
            {c.missingPerson.clothing && `Vestia: ${c.missingPerson.clothing}.`} Vínculo: {c.missingPerson.relationship}.
          </p>
        </>
      )}
      {c.people.length > 0 && (
        <ul>
          {c.people.map((p, i) => (
            <li key={`${p.role}-${i}`}>
              {policeReportPersonRoleLabels[p.role]}: {p.name ?? 'não identificado'}
              {p.description && ` — ${p.description}`}
            </li>
          ))}
        </ul>
      )}
      {c.objects.length > 0 && (
        <ul>
          {c.objects.map((o, i) => (
            <li key={`${o.type}-${i}`}>
              {policeReportObjectTypeLabels[o.type]}: {[o.description, o.brand, o.model].filter(Boolean).join(' — ')}
              {o.imei && ` — IMEI ${o.imei}`}
              {o.serial && ` — série ${o.serial}`}
              {o.plate && ` — placa ${o.plate}`}
              {o.chassis && ` — chassi ${o.chassis}`}
            </li>
          ))}
        </ul>
      )}
      <h3>Relato</h3>
      <p style={{ whiteSpace: 'pre-wrap' }}>{c.narrative}</p>
      {r.attachments.length > 0 && (
        <ul>
          {r.attachments.map((a) => (
            <li key={a.id}>
              <a href={policeAttachmentUrl(r.id, a.id)}>{a.originalName}</a>
            </li>
          ))}
        </ul>
      )}
      <h3>Mensagens</h3>
      {r.messages.length ? (
        <ul aria-label="Mensagens">
          {r.messages.map((m) => (
            <li key={m.id}>
              <strong>{m.from === 'police' ? 'Delegacia' : 'Cidadão'}</strong> ({formatDateTime(m.at)}): {m.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nenhuma mensagem.</p>
      )}
      {r.protectiveMeasureDueAt && !r.protectiveMeasureForwardedAt && (
        <fieldset className="mt-2">
          <legend>Remessa do pedido de medidas protetivas ao juízo (48 horas)</legend>
          <TextField id="pm-court" label="Juízo" value={court} onChange={setCourt} />
          <TextField id="pm-reference" label="Referência (nº do expediente)" value={reference} onChange={setReference} />
          <button
            type="button"
            className="br-button secondary mt-2"
            disabled={busy}
            onClick={() => void act(() => recordProtectiveMeasure(r.id, { court, reference }))}
          >
            Registrar remessa
          </button>
        </fieldset>
      )}
      {r.status === 'validated' &&
        r.vehicles
          .filter((v) => !v.recoveredAt)
          .map((v) => (
            <button
              key={v.index}
              type="button"
              className="br-button secondary mt-2"
              disabled={busy}
              onClick={() => void act(() => recordVehicleRecovery(r.id, v.index))}
            >
              Registrar recuperação do veículo {v.plate ?? v.chassis}
            </button>
          ))}
      {open && (
        <>
          <TextAreaField
            id="police-text"
            label="Mensagem ao cidadão / fundamentação"
            hint="Para pedir mais informações, enviar mensagem ou recusar."
            value={text}
            onChange={setText}
            maxLength={4000}
          />
          <ApiErrorMessage error={actionError} />
          <div className="d-flex flex-wrap mt-2" style={{ gap: '0.5rem' }}>
            <button
              type="button"
              className="br-button primary"
              disabled={busy}
              onClick={() => void act(() => decidePoliceReport(r.id, { decision: 'validate' }))}
            >
              Validar e registrar
            </button>
            <button
              type="button"
              className="br-button secondary"
              disabled={busy}
              onClick={() => void act(() => decidePoliceReport(r.id, { decision: 'request_info', message: text }))}
            >
              Pedir mais informações
            </button>
            <button
              type="button"
              className="br-button secondary"
              disabled={busy}
              onClick={() => void act(() => writeToCitizen(r.id, text))}
            >
              Enviar mensagem
            </button>
            <button
              type="button"
              className="br-button secondary"
              disabled={busy}
              onClick={() => void act(() => decidePoliceReport(r.id, { decision: 'refuse', reason: text }))}
            >
              Recusar
            </button>
          </div>
        </>
      )}
      {!open && <ApiErrorMessage error={actionError} />}
    </section>
  );
}
