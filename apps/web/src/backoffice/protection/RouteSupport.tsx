import { referencePlaceKindLabels } from '@vigia/contracts';
import type { MissionDetail } from './protection-api';

const distance = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1).replace('.', ',')} km` : `${m} m`);

/** Hospitals, police and fire units of the reference list along each leg and near each venue (within the plan's distance). */
export function RouteSupport({ support, meters }: { support: NonNullable<MissionDetail['support']>; meters: number }) {
  return (
    <section aria-labelledby="support-title">
      <h2 id="support-title">Apoio ao longo do itinerário (até {distance(meters)})</h2>
      <div className="br-table vigia-table-wrap">
        <table>
          <caption>Hospitais, unidades policiais e de bombeiros da lista de referência</caption>
          <thead>
            <tr>
              <th scope="col">Trecho / local</th>
              <th scope="col">Unidades</th>
            </tr>
          </thead>
          <tbody>
            {support.map((s) => (
              <tr key={`${s.kind}-${s.name}`}>
                <th scope="row">
                  {s.kind === 'leg' ? (s.alternate ? 'Rota alternativa' : 'Trecho') : 'Local'}: {s.name}
                </th>
                <td>
                  {s.places.length === 0
                    ? 'Nenhuma unidade da lista de referência no raio definido'
                    : s.places.map((p) => (
                        <div key={p.id}>
                          {referencePlaceKindLabels[p.kind]}: {p.name} ({p.address}, {distance(p.distanceMeters)}
                          {p.phone ? `, ${p.phone}` : ''}){p.illustrative && ' — ilustrativo, não é unidade real'}
                        </div>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
