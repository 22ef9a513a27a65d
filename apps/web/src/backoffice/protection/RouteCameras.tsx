import type { MissionDetail } from './protection-api';

const HEALTH: Record<string, string> = {
  online: 'Em operação',
  offline: 'Fora do ar',
  pending: 'Aguardando vídeo',
  disabled: 'Desativada',
};

/** The program cameras along each leg (in the order they are passed) and near each venue, with their health. */
export function RouteCameras({ route }: { route: NonNullable<MissionDetail['route']> }) {
  return (
    <section aria-labelledby="route-title">
      <h2 id="route-title">Câmeras ao longo do itinerário</h2>
      <div className="br-table vigia-table-wrap">
        <table>
          <caption>Trechos e locais</caption>
          <thead>
            <tr>
              <th scope="col">Trecho / local</th>
              <th scope="col">Câmeras</th>
            </tr>
          </thead>
          <tbody>
            {route.map((s) => (
              <tr key={`${s.kind}-${s.name}`}>
                <th scope="row">
                  {s.kind === 'leg' ? (s.alternate ? 'Rota alternativa' : 'Trecho') : 'Local'}: {s.name}
                </th>
                <td>
                  {s.cameras.length === 0
                    ? 'Nenhuma câmera no raio definido'
                    : s.cameras.map((c) => `${c.name} (${c.distanceMeters} m, ${HEALTH[c.status] ?? c.status})`).join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
