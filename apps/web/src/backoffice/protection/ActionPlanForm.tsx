import { type ActionPlan, planFieldLabels, planParts } from '@vigia/contracts';
import { useState } from 'react';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { missionStep } from './protection-api';
import { type DrawnLeg, type LatLng, RouteDrawMap } from './RouteDrawMap';
import { CheckField, StepForm } from './StepForm';

type Part = keyof typeof planParts;
const PART_TITLES: Record<Part, string> = {
  definition: 'Parte I — Definição da missão (art. 18, I)',
  situational: 'Parte II — Levantamento situacional (art. 18, II)',
  measures: 'Parte III — Medidas de segurança (art. 18, III)',
};
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
type Venue = { name: string; kind: 'stop' | 'venue'; point: LatLng };

/**
 * Art. 17–18: the action plan in its three parts and the itinerary drawn on a map (legs of points,
 * alternates marked; venues optional). "Salvar rascunho" keeps gaps; "Emitir plano" saves and
 * issues it as an act, which the server refuses while a part is incomplete.
 */
export function ActionPlanForm({
  missionId,
  current,
  onDone,
}: {
  missionId: string;
  current: Partial<ActionPlan> | null;
  onDone: () => void;
}) {
  const [parts, setParts] = useState<Record<Part, Record<string, string>>>(() => ({
    definition: { ...Object.fromEntries(planParts.definition.map((k) => [k, ''])), ...current?.definition },
    situational: { ...Object.fromEntries(planParts.situational.map((k) => [k, ''])), ...current?.situational },
    measures: { ...Object.fromEntries(planParts.measures.map((k) => [k, ''])), ...current?.measures },
  }));
  const [legs, setLegs] = useState<DrawnLeg[]>(() =>
    current?.route?.legs.length
      ? current.route.legs.map((l) => ({ ...l, points: l.points as LatLng[] }))
      : [{ name: '', alternate: false, points: [] }],
  );
  const [leg, setLeg] = useState(0);
  const [venues, setVenues] = useState<Venue[]>(() => (current?.route?.venues ?? []).map((v) => ({ ...v, point: v.point as LatLng })));
  const [lat, setLat] = useState('');
  const [lng, setLng] = useState('');
  const [venueName, setVenueName] = useState('');
  const [venueKind, setVenueKind] = useState<Venue['kind']>('venue');
  const [cameraMeters, setCameraMeters] = useState(String(current?.cameraDistanceMeters ?? 150));
  const [supportMeters, setSupportMeters] = useState(String(current?.supportDistanceMeters ?? 3000));

  const editLeg = (patch: Partial<DrawnLeg>) => setLegs((ls) => ls.map((l, i) => (i === leg ? { ...l, ...patch } : l)));
  const addPoint = (p: LatLng) => setLegs((ls) => ls.map((l, i) => (i === leg ? { ...l, points: [...l.points, p] } : l)));
  const typed = (): LatLng | null => {
    const p: LatLng = [Number(lat.replace(',', '.')), Number(lng.replace(',', '.'))];
    return lat && lng && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? p : null;
  };
  const body = () => ({
    ...parts,
    route: { legs, venues },
    cameraDistanceMeters: Number(cameraMeters),
    supportDistanceMeters: Number(supportMeters),
  });
  const save = () => missionStep(missionId, '/plan', body(), 'PUT');
  const issue = async () => {
    await save();
    return missionStep(missionId, '/plan/issue');
  };
  const points = legs[leg]?.points.length ?? 0;

  return (
    <StepForm
      id="plan"
      title="Plano de ação (arts. 17 e 18)"
      submitLabel="Salvar rascunho"
      doneMessage="Rascunho do plano salvo."
      onDone={onDone}
      send={save}
      secondary={{ label: 'Emitir plano', doneMessage: 'Plano emitido.', send: issue }}
    >
      {(error) => (
        <>
          {(Object.keys(planParts) as Part[]).map((part) => (
            <fieldset key={part} className="mb-3">
              <legend>{PART_TITLES[part]}</legend>
              {planParts[part].map((k) => (
                <TextAreaField
                  key={k}
                  id={`plan-${part}-${k}`}
                  label={capital(planFieldLabels[k] ?? k)}
                  value={parts[part][k] ?? ''}
                  onChange={(v) => setParts((ps) => ({ ...ps, [part]: { ...ps[part], [k]: v } }))}
                  error={error?.fieldMessage(`${part}.${k}`)}
                />
              ))}
            </fieldset>
          ))}
          <fieldset className="mb-3">
            <legend>Itinerário no mapa</legend>
            <RouteDrawMap legs={legs} current={leg} onPick={addPoint} />
            <SelectField
              id="plan-leg"
              label="Trecho em edição"
              value={String(leg)}
              options={legs.map((l, i) => ({
                value: String(i),
                label: `${i + 1}. ${l.name || 'sem nome'}${l.alternate ? ' (alternativo)' : ''}`,
              }))}
              onChange={(v) => setLeg(Number(v))}
            />
            <TextField id="plan-leg-name" label="Nome do trecho" value={legs[leg]?.name ?? ''} onChange={(v) => editLeg({ name: v })} />
            <CheckField
              id="plan-leg-alternate"
              label="Trecho alternativo"
              checked={legs[leg]?.alternate ?? false}
              onChange={(v) => editLeg({ alternate: v })}
            />
            <p className="mt-2" aria-live="polite" data-testid="leg-points">
              {points} ponto(s) no trecho em edição
            </p>
            <div className="row">
              <div className="col-md-4">
                <TextField id="plan-point-lat" label="Latitude do ponto" value={lat} onChange={setLat} inputMode="decimal" />
              </div>
              <div className="col-md-4">
                <TextField id="plan-point-lng" label="Longitude do ponto" value={lng} onChange={setLng} inputMode="decimal" />
              </div>
            </div>
            <div className="mt-2">
              <button
                type="button"
                className="br-button secondary small mr-2"
                onClick={() => {
                  const p = typed();
                  if (p) {
                    addPoint(p);
                    setLat('');
                    setLng('');
                  }
                }}
              >
                Adicionar ponto
              </button>
              <button
                type="button"
                className="br-button secondary small mr-2"
                disabled={points === 0}
                onClick={() => editLeg({ points: legs[leg]!.points.slice(0, -1) })}
              >
                Desfazer último ponto
              </button>
              <button
                type="button"
                className="br-button secondary small mr-2"
                onClick={() => {
                  setLegs((ls) => [...ls, { name: '', alternate: false, points: [] }]);
                  setLeg(legs.length);
                }}
              >
                Novo trecho
              </button>
              {legs.length > 1 && (
                <button
                  type="button"
                  className="br-button secondary small"
                  onClick={() => {
                    setLegs((ls) => ls.filter((_, i) => i !== leg));
                    setLeg(0);
                  }}
                >
                  Remover trecho
                </button>
              )}
            </div>
          </fieldset>
          <fieldset className="mb-3">
            <legend>Locais de parada e de evento (opcional)</legend>
            {venues.length > 0 && (
              <ul>
                {venues.map((v, i) => (
                  <li key={`${v.name}-${v.point.join(',')}`}>
                    {v.name} ({v.kind === 'stop' ? 'parada' : 'local de evento'}) — {v.point.join(', ')}{' '}
                    <button
                      type="button"
                      className="br-button secondary small"
                      onClick={() => setVenues((vs) => vs.filter((_, j) => j !== i))}
                    >
                      Remover local {v.name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <TextField id="plan-venue-name" label="Nome do local" value={venueName} onChange={setVenueName} />
            <SelectField
              id="plan-venue-kind"
              label="Tipo do local"
              value={venueKind}
              options={[
                { value: 'venue', label: 'Local de evento' },
                { value: 'stop', label: 'Parada' },
              ]}
              onChange={(v) => setVenueKind(v as Venue['kind'])}
            />
            <button
              type="button"
              className="br-button secondary small mt-2"
              onClick={() => {
                const p = typed();
                if (p && venueName.trim()) {
                  setVenues((vs) => [...vs, { name: venueName.trim(), kind: venueKind, point: p }]);
                  setVenueName('');
                  setLat('');
                  setLng('');
                }
              }}
            >
              Adicionar local nas coordenadas informadas
            </button>
          </fieldset>
          <TextField
            id="plan-camera-meters"
            label="Distância das câmeras ao trajeto (m)"
            type="number"
            value={cameraMeters}
            onChange={setCameraMeters}
            error={error?.fieldMessage('cameraDistanceMeters')}
          />
          <TextField
            id="plan-support-meters"
            label="Distância dos apoios ao trajeto (m)"
            type="number"
            value={supportMeters}
            onChange={setSupportMeters}
            error={error?.fieldMessage('supportDistanceMeters')}
          />
        </>
      )}
    </StepForm>
  );
}
