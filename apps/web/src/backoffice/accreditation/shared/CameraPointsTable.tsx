import { type ApplicationDetail, type CameraPoint, cameraMountingLabels } from '@vigia/contracts';
import { applicationFileUrl } from '../../api/accreditation-api';

const coord = (n: number) => n.toLocaleString('pt-BR', { maximumFractionDigits: 6 });

/** The executive project rows (Anexo 3), read-only, with links to both photos. */
export function CameraPointsTable({ app }: { app: ApplicationDetail }) {
  return <PointsTable points={app.cameraPoints} photoUrl={(fileId) => applicationFileUrl(app.id, fileId)} />;
}

/** Camera points with their photo links (the URL depends on who reads: case page or RISP opinion). */
export function PointsTable({
  points,
  photoUrl,
  caption,
}: {
  points: CameraPoint[];
  photoUrl: (fileId: string) => string;
  caption?: string;
}) {
  if (points.length === 0) return <p>Nenhum ponto de videomonitoramento informado.</p>;
  return (
    <div className="br-table vigia-table-wrap">
      <table>
        <caption>
          {caption ?? 'Projeto executivo — pontos de videomonitoramento'} ({points.length})
        </caption>
        <thead>
          <tr>
            <th scope="col">Nº</th>
            <th scope="col">Endereço</th>
            <th scope="col">Município</th>
            <th scope="col">Latitude, longitude</th>
            <th scope="col">Fixação</th>
            <th scope="col">O que filma</th>
            <th scope="col">Fotos</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.ordinal}</th>
              <td>{p.address}</td>
              <td>
                {p.municipalityName}
                {p.locationWarning && <span className="d-block text-warning-vivid text-down-01">Atenção: {p.locationWarning}</span>}
              </td>
              <td>
                {coord(p.latitude)}, {coord(p.longitude)}
              </td>
              <td>
                {cameraMountingLabels[p.mounting]}
                {p.mountingDetail && ` (${p.mountingDetail})`}
              </td>
              <td>{p.films}</td>
              <td>
                {p.mountingPhotoFileId && (
                  <a className="d-block" href={photoUrl(p.mountingPhotoFileId)} target="_blank" rel="noreferrer">
                    Foto da fixação<span className="sr-only"> do ponto {p.ordinal}</span>
                  </a>
                )}
                {p.viewPhotoFileId && (
                  <a className="d-block" href={photoUrl(p.viewPhotoFileId)} target="_blank" rel="noreferrer">
                    Foto do foco<span className="sr-only"> do ponto {p.ordinal}</span>
                  </a>
                )}
                {!p.mountingPhotoFileId && !p.viewPhotoFileId && '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
