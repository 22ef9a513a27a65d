import type { AccidentDeclaration, AccidentDeclarationBody } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { AccidentPlaceMap } from './AccidentPlaceMap';
import { uploadAccidentPhoto } from './citizen-api';

interface PartyDraft {
  name: string;
  cpf: string;
  plate: string;
  vehicle: string;
}

const emptyParty: PartyDraft = { name: '', cpf: '', plate: '', vehicle: '' };

/** "2026-03-09T18:30" in the browser's time, from an ISO instant. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The declaration of a non-injury accident (new, or corrected after the traffic police asked):
 * date and time, place on the map, own vehicle, other parties, narrative, photos and the
 * declaration that nobody was hurt. The server checks every rule and answers in pt-BR.
 */
export function AccidentForm({
  initial,
  submit,
  onDone,
}: {
  initial?: AccidentDeclaration;
  submit: (body: AccidentDeclarationBody) => Promise<AccidentDeclaration>;
  onDone: (d: AccidentDeclaration) => void;
}) {
  const own = initial?.parties.find((p) => p.declarant);
  const [occurredAt, setOccurredAt] = useState(initial ? localInput(initial.occurredAt) : '');
  const [point, setPoint] = useState(initial ? { latitude: initial.latitude, longitude: initial.longitude } : null);
  const [placeDescription, setPlace] = useState(initial?.placeDescription ?? '');
  const [plate, setPlate] = useState(own?.plate ?? '');
  const [vehicle, setVehicle] = useState(own?.vehicle ?? '');
  const [parties, setParties] = useState<PartyDraft[]>(
    initial?.parties
      .filter((p) => !p.declarant)
      .map((p) => ({ name: p.name, cpf: p.cpf ?? '', plate: p.plate ?? '', vehicle: p.vehicle ?? '' })) ?? [{ ...emptyParty }],
  );
  const [narrative, setNarrative] = useState(initial?.narrative ?? '');
  const [photos, setPhotos] = useState(initial?.photos ?? []);
  const [noInjuries, setNoInjuries] = useState(false);
  const [injuriesAnswered, setInjuriesAnswered] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const setParty = (i: number, patch: Partial<PartyDraft>) => setParties((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  async function addPhoto(file: File | null) {
    if (!file) return;
    setError(null);
    try {
      const stored = await uploadAccidentPhoto(file);
      setPhotos((ps) => [...ps, stored]);
    } catch (e) {
      setError(toApiError(e));
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const done = await submit({
        occurredAt: occurredAt ? new Date(occurredAt).toISOString() : '',
        latitude: point?.latitude ?? Number.NaN,
        longitude: point?.longitude ?? Number.NaN,
        placeDescription,
        plate,
        vehicle: vehicle.trim() || null,
        otherParties: parties.map((p) => ({
          name: p.name,
          cpf: p.cpf.trim() || null,
          plate: p.plate.trim() || null,
          vehicle: p.vehicle.trim() || null,
        })),
        narrative,
        photoFileIds: photos.map((p) => p.id),
        noInjuries,
      });
      onDone(done);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Declaração de acidente de trânsito sem vítimas">
      <fieldset className="mb-3">
        <legend>Houve feridos ou vítimas?</legend>
        <div className="br-radio">
          <input
            id="injuries-no"
            type="radio"
            name="injuries"
            checked={injuriesAnswered && noInjuries}
            onChange={() => {
              setInjuriesAnswered(true);
              setNoInjuries(true);
            }}
          />
          <label htmlFor="injuries-no">Não: declaro que ninguém se feriu</label>
        </div>
        <div className="br-radio">
          <input
            id="injuries-yes"
            type="radio"
            name="injuries"
            checked={injuriesAnswered && !noInjuries}
            onChange={() => {
              setInjuriesAnswered(true);
              setNoInjuries(false);
            }}
          />
          <label htmlFor="injuries-yes">Sim, houve feridos</label>
        </div>
        {injuriesAnswered && !noInjuries && (
          <p className="text-weight-bold" role="alert">
            Acidentes com feridos não podem ser declarados pela internet: ligue 190 (Polícia Militar) ou 193 (Bombeiros) e registre a
            ocorrência na delegacia de polícia.
          </p>
        )}
      </fieldset>
      <TextField id="accident-when" label="Data e hora do acidente" type="datetime-local" value={occurredAt} onChange={setOccurredAt} />
      <h3 className="mt-3">Local</h3>
      <AccidentPlaceMap point={point} onPick={(latitude, longitude) => setPoint({ latitude, longitude })} />
      <div className="d-flex flex-wrap" style={{ gap: '1rem' }}>
        <TextField
          id="accident-lat"
          label="Latitude"
          inputMode="decimal"
          value={point ? String(point.latitude) : ''}
          onChange={(v) => setPoint((p) => ({ latitude: Number(v), longitude: p?.longitude ?? Number.NaN }))}
        />
        <TextField
          id="accident-lon"
          label="Longitude"
          inputMode="decimal"
          value={point ? String(point.longitude) : ''}
          onChange={(v) => setPoint((p) => ({ latitude: p?.latitude ?? Number.NaN, longitude: Number(v) }))}
        />
      </div>
      <TextField
        id="accident-place"
        label="Endereço ou referência"
        value={placeDescription}
        onChange={setPlace}
        hint="Rua, número, ponto de referência."
      />
      <h3 className="mt-3">Seu veículo</h3>
      <div className="d-flex flex-wrap" style={{ gap: '1rem' }}>
        <TextField id="accident-plate" label="Placa" value={plate} onChange={setPlate} hint="ABC-1234 ou ABC1D23 (Mercosul)" />
        <TextField id="accident-vehicle" label="Marca, modelo e cor" value={vehicle} onChange={setVehicle} />
      </div>
      <h3 className="mt-3">Outras partes envolvidas</h3>
      {parties.map((p, i) => (
        <fieldset key={i} className="br-card p-2 mb-2">
          <legend>Parte {i + 2}</legend>
          <div className="d-flex flex-wrap" style={{ gap: '1rem' }}>
            <TextField id={`party-${i}-name`} label="Nome" value={p.name} onChange={(v) => setParty(i, { name: v })} />
            <TextField
              id={`party-${i}-cpf`}
              label="CPF (se souber)"
              value={p.cpf}
              onChange={(v) => setParty(i, { cpf: v })}
              hint="Com o CPF, a pessoa pode confirmar a participação pelo gov.br."
            />
            <TextField id={`party-${i}-plate`} label="Placa" value={p.plate} onChange={(v) => setParty(i, { plate: v })} />
            <TextField id={`party-${i}-vehicle`} label="Veículo" value={p.vehicle} onChange={(v) => setParty(i, { vehicle: v })} />
          </div>
          <button type="button" className="br-button secondary small" onClick={() => setParties((ps) => ps.filter((_, j) => j !== i))}>
            Remover parte
          </button>
        </fieldset>
      ))}
      <button type="button" className="br-button secondary small mb-3" onClick={() => setParties((ps) => [...ps, { ...emptyParty }])}>
        Adicionar parte
      </button>
      <TextAreaField id="accident-narrative" label="Relato do acidente" value={narrative} onChange={setNarrative} maxLength={5000} />
      <h3 className="mt-3">Fotos (JPEG ou PNG, até 10 MB cada, no máximo 6)</h3>
      <ul>
        {photos.map((p) => (
          <li key={p.id}>
            {p.originalName}{' '}
            <button type="button" className="br-button secondary small" onClick={() => setPhotos((ps) => ps.filter((x) => x.id !== p.id))}>
              Remover
            </button>
          </li>
        ))}
      </ul>
      {photos.length < 6 && (
        <div className="br-upload mb-3">
          <label htmlFor="accident-photo">Adicionar foto</label>
          <input
            id="accident-photo"
            type="file"
            accept="image/jpeg,image/png"
            onChange={(e) => void addPhoto(e.target.files?.[0] ?? null)}
          />
        </div>
      )}
      <ApiErrorMessage error={error} />
      <button className="br-button primary mt-2" type="submit" disabled={busy || !injuriesAnswered}>
        {initial ? 'Reenviar declaração corrigida' : 'Enviar declaração'}
      </button>
    </form>
  );
}
