import { referencePlaceKindLabels } from '@vigia/contracts';
import type { MissionDetail } from './protection-api';
import { RouteStopsTable } from './RouteStopsTable';

const distance = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1).replace('.', ',')} km` : `${m} m`);

/** Hospitals, police and fire units of the reference list along each leg and near each venue (within the plan's distance). */
export function RouteSupport({ support, meters }: { support: NonNullable<MissionDetail['support']>; meters: number }) {
  return (
    <RouteStopsTable
      id="support-title"
      title={`Apoio ao longo do itinerário (até ${distance(meters)})`}
      caption="Hospitais, unidades policiais e de bombeiros da lista de referência"
      column="Unidades"
      stops={support}
      cell={(s) =>
        s.places.length === 0
          ? 'Nenhuma unidade da lista de referência no raio definido'
          : s.places.map((p) => (
              <div key={p.id}>
                {referencePlaceKindLabels[p.kind]}: {p.name} ({p.address}, {distance(p.distanceMeters)}
                {p.phone ? `, ${p.phone}` : ''}){p.illustrative && ' — ilustrativo, não é unidade real'}
              </div>
            ))
      }
    />
  );
}
