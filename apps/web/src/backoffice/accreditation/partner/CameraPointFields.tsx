import { type CameraMounting, cameraMountingLabels, cameraMountingValues } from '@vigia/contracts';
import { MunicipalityCodeField } from '../../../shared/components/MunicipalityCodeField';
import { SelectField } from '../../../shared/components/SelectField';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { TextField } from '../../../shared/components/TextField';
import { UploadControl } from '../shared/UploadControl';
import type { PointDraft } from './point-draft';

interface Props {
  index: number;
  point: PointDraft;
  picking: boolean;
  /** Receives only the changed fields: two uploads finishing together must not overwrite each other. */
  onChange: (key: number, patch: Partial<PointDraft>) => void;
  onPick: () => void;
  onRemove?: (() => void) | undefined;
  errorFor: (path: string) => string | undefined;
}

/** One row of the executive project (Anexo 3): where, what it films, how it is mounted, two photos. */
export function CameraPointFields({ index, point, picking, onChange, onPick, onRemove, errorFor }: Props) {
  const n = index + 1;
  const set = (patch: Partial<PointDraft>) => onChange(point.key, patch);
  const e = (field: string) => errorFor(`points.${index}.${field}`);
  const id = (field: string) => `point-${point.key}-${field}`;
  return (
    <fieldset className="vigia-fieldset" aria-label={`Ponto ${n}`}>
      <legend>Ponto {n}</legend>
      <div className="vigia-form-grid">
        <TextField
          id={id('address')}
          label={`Endereço do ponto ${n}`}
          value={point.address}
          onChange={(address) => set({ address })}
          error={e('address')}
          required
        />
        <MunicipalityCodeField
          id={id('municipality')}
          label={`Município do ponto ${n}`}
          value={point.municipalityIbge}
          onChange={(municipalityIbge) => set({ municipalityIbge })}
          error={e('municipalityIbge')}
          required
        />
        <TextField
          id={id('lat')}
          label={`Latitude do ponto ${n}`}
          inputMode="decimal"
          value={point.latitude}
          onChange={(latitude) => set({ latitude })}
          error={e('latitude')}
          required
        />
        <TextField
          id={id('lon')}
          label={`Longitude do ponto ${n}`}
          inputMode="decimal"
          value={point.longitude}
          onChange={(longitude) => set({ longitude })}
          error={e('longitude')}
          required
        />
        <SelectField
          id={id('mounting')}
          label={`Tipo de fixação do ponto ${n}`}
          value={point.mounting}
          options={cameraMountingValues.map((m) => ({ value: m, label: cameraMountingLabels[m] }))}
          onChange={(v) => set({ mounting: v as CameraMounting })}
          error={e('mounting')}
          required
        />
        {point.mounting === 'other' && (
          <TextField
            id={id('mounting-detail')}
            label={`Detalhe da fixação do ponto ${n}`}
            value={point.mountingDetail}
            onChange={(mountingDetail) => set({ mountingDetail })}
            error={e('mountingDetail')}
          />
        )}
      </div>
      <button className={`br-button ${picking ? 'primary' : 'secondary'} small mt-2`} type="button" onClick={onPick} aria-pressed={picking}>
        <i className="fas fa-map-marker-alt mr-1" aria-hidden="true" />
        {picking ? `Clique no mapa para posicionar o ponto ${n}` : `Marcar o ponto ${n} no mapa`}
      </button>
      <div className="mt-3">
        <TextAreaField
          id={id('films')}
          label={`O que a câmera do ponto ${n} filma`}
          hint="O logradouro público focado (art. 2º, VIII)."
          value={point.films}
          onChange={(films) => set({ films })}
          error={e('films')}
          maxLength={500}
          required
        />
      </div>
      <div className="vigia-form-grid mt-3">
        <div>
          <UploadControl
            id={id('mounting-photo')}
            label={`Foto do local de fixação do ponto ${n}`}
            onUploaded={(f) => set({ mountingPhotoFileId: f.id })}
          />
          <PhotoStatus fileId={point.mountingPhotoFileId} error={e('mountingPhotoFileId')} />
        </div>
        <div>
          <UploadControl
            id={id('view-photo')}
            label={`Foto do foco do ponto ${n} (o que será filmado)`}
            onUploaded={(f) => set({ viewPhotoFileId: f.id })}
          />
          <PhotoStatus fileId={point.viewPhotoFileId} error={e('viewPhotoFileId')} />
        </div>
      </div>
      {onRemove && (
        <button className="br-button secondary small mt-3" type="button" onClick={onRemove}>
          <i className="fas fa-trash mr-1" aria-hidden="true" />
          Remover ponto {n}
        </button>
      )}
    </fieldset>
  );
}

function PhotoStatus({ fileId, error }: { fileId: string | null; error: string | undefined }) {
  return (
    <p className={`text-down-01 mb-0${error ? ' text-danger' : ''}`}>{error ?? (fileId ? 'Foto anexada.' : 'Nenhuma foto anexada.')}</p>
  );
}
