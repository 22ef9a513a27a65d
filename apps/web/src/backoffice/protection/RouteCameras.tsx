import type { MissionDetail } from './protection-api';
import { RouteStopsTable } from './RouteStopsTable';

const HEALTH: Record<string, string> = {
  online: 'Em operação',
  offline: 'Fora do ar',
  pending: 'Aguardando vídeo',
  disabled: 'Desativada',
};

/** The program cameras along each leg (in the order they are passed) and near each venue, with their health. */
export function RouteCameras({ route }: { route: NonNullable<MissionDetail['route']> }) {
  return (
    <RouteStopsTable
      id="route-title"
      title="Câmeras ao longo do itinerário"
      caption="Trechos e locais"
      column="Câmeras"
      stops={route}
      cell={(s) =>
        s.cameras.length === 0
          ? 'Nenhuma câmera no raio definido'
          : s.cameras.map((c) => `${c.name} (${c.distanceMeters} m, ${HEALTH[c.status] ?? c.status})`).join('; ')
      }
    />
  );
}
