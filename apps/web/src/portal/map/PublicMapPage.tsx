import { applicantKindGroup, applicantKindLabels, type MunicipalitySummary, type PublicMap } from '@vigia/contracts';
import { useMemo, useState } from 'react';
import { apiRequest } from '../../shared/api/api-client';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { bboxOf, pathOf, projectionFor, ringsOf } from './projection';

const loadMap = (signal: AbortSignal) => apiRequest<PublicMap>('/api/public/map', { signal });
const loadOutline = (signal: AbortSignal) => apiRequest<unknown>('/api/public/reference/state-outline', { signal });
const loadMunicipalities = (signal: AbortSignal) =>
  apiRequest<{ municipalities: MunicipalitySummary[] }>('/api/public/reference/municipalities', { signal }).then((r) => r.municipalities);

const PUBLIC_COLOR = '#1351b4';
const PRIVATE_COLOR = '#168821';
const OPEN_COLOR = '#c4001a';

/**
 * Public map of the program (SPEC §3.8): participating sites at an approximate place (≈1 km) with
 * the kind of partner, and the cameras open to the public. Drawn as SVG over the state outline and
 * municipality seats, so it needs no tile server; a table gives the same information in text.
 */
export function PublicMapPage() {
  useDocumentTitle('Mapa do programa');
  const map = useApiData(loadMap);
  const outline = useApiData(loadOutline);
  const municipalities = useApiData(loadMunicipalities);
  const [focus, setFocus] = useState('');

  const geo = useMemo(() => {
    const rings = outline.data ? ringsOf(outline.data) : [];
    if (rings.length === 0) return null;
    const projection = projectionFor(bboxOf(rings));
    return { projection, path: pathOf(rings, projection) };
  }, [outline.data]);

  const byMunicipality = useMemo(() => {
    const rows = new Map<string, { name: string; public: number; private: number; cameras: number; open: number; plates: number }>();
    for (const s of map.data?.sites ?? []) {
      const r = rows.get(s.municipalityIbge) ?? { name: s.municipalityName, public: 0, private: 0, cameras: 0, open: 0, plates: 0 };
      if (applicantKindGroup[s.partnerKind] === 'public') r.public += 1;
      else r.private += 1;
      r.cameras += s.cameraCount;
      r.plates += s.platesInstalled;
      rows.set(s.municipalityIbge, r);
    }
    for (const c of map.data?.openCameras ?? []) {
      const r = rows.get(c.municipalityIbge);
      if (r) r.open += 1;
    }
    return [...rows.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name, 'pt-BR'));
  }, [map.data]);

  const viewBox = useMemo(() => {
    if (!geo) return '0 0 1000 1000';
    const m = municipalities.data?.find((x) => x.ibgeCode === focus);
    if (!m) return `-20 -20 ${geo.projection.width + 40} ${geo.projection.height + 40}`;
    const cx = geo.projection.x(m.longitude);
    const cy = geo.projection.y(m.latitude);
    const size = 90;
    return `${cx - size / 2} ${cy - size / 2} ${size} ${size}`;
  }, [geo, focus, municipalities.data]);
  const zoomed = focus !== '';
  const r = (base: number) => (zoomed ? base / 8 : base);

  return (
    <div className="container-lg my-4">
      <h1>Mapa do programa</h1>
      <p>
        Locais participantes do Vigia Mais MT e câmeras abertas ao público (Decreto nº 1.522/2022, art. 26, § 2º). Para proteger os
        participantes, a localização é aproximada (cerca de 1 km) e o mapa mostra apenas o tipo de participante — nunca nomes, endereços ou
        dados de acesso.
      </p>
      <ApiErrorMessage error={map.error ?? outline.error} />
      {(map.loading || outline.loading) && <Loading label="Carregando o mapa…" />}
      <div className="br-input mb-3" style={{ maxWidth: 420 }}>
        <label htmlFor="public-map-focus">Aproximar no município</label>
        <select id="public-map-focus" className="vigia-select" value={focus} onChange={(e) => setFocus(e.target.value)}>
          <option value="">Todo o estado</option>
          {(municipalities.data ?? []).map((m) => (
            <option key={m.ibgeCode} value={m.ibgeCode}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      {geo && (
        <svg
          className="vigia-public-map"
          viewBox={viewBox}
          role="img"
          aria-labelledby="public-map-title public-map-desc"
          data-testid="public-map"
        >
          <title id="public-map-title">Mapa de Mato Grosso com os locais participantes</title>
          <desc id="public-map-desc">
            {map.data
              ? `${map.data.sites.length} locais participantes e ${map.data.openCameras.length} câmeras abertas ao público. A tabela abaixo traz os mesmos dados.`
              : ''}
          </desc>
          <path d={geo.path} fill="#ffffff" stroke="#1351b4" strokeWidth={zoomed ? 0.3 : 2} />
          {(municipalities.data ?? []).map((m) => (
            <g key={m.ibgeCode}>
              <circle cx={geo.projection.x(m.longitude)} cy={geo.projection.y(m.latitude)} r={r(2)} fill="#888">
                <title>{m.name}</title>
              </circle>
              {zoomed && (
                <text x={geo.projection.x(m.longitude) + 0.6} y={geo.projection.y(m.latitude) - 0.6} fontSize={2.2} fill="#333">
                  {m.name}
                </text>
              )}
            </g>
          ))}
          {(map.data?.sites ?? []).map((s, i) => (
            <circle
              key={`s${i}`}
              className="vigia-public-site"
              cx={geo.projection.x(s.longitude)}
              cy={geo.projection.y(s.latitude)}
              r={r(Math.min(14, 5 + Math.sqrt(s.cameraCount) * 2))}
              fill={applicantKindGroup[s.partnerKind] === 'public' ? PUBLIC_COLOR : PRIVATE_COLOR}
              fillOpacity={0.55}
              stroke="#fff"
              strokeWidth={r(1)}
            >
              <title>{`${applicantKindLabels[s.partnerKind]} — ${s.municipalityName}: ${s.cameraCount} câmera(s), placa do programa instalada em ${s.platesInstalled}`}</title>
            </circle>
          ))}
          {(map.data?.openCameras ?? []).map((c) => (
            <rect
              key={c.id}
              className="vigia-public-open-camera"
              x={geo.projection.x(c.longitude) - r(4)}
              y={geo.projection.y(c.latitude) - r(4)}
              width={r(8)}
              height={r(8)}
              fill={OPEN_COLOR}
            >
              <title>{c.label}</title>
            </rect>
          ))}
        </svg>
      )}
      <ul className="list-inline text-down-01 mt-2" aria-label="Legenda">
        <li className="list-inline-item mr-4">
          <span className="vigia-legend-dot" style={{ background: PUBLIC_COLOR }} aria-hidden="true" />
          Participante público (órgão, município, consórcio)
        </li>
        <li className="list-inline-item mr-4">
          <span className="vigia-legend-dot" style={{ background: PRIVATE_COLOR }} aria-hidden="true" />
          Participante privado (empresa, cooperativa, associação, pessoa física)
        </li>
        <li className="list-inline-item">
          <span className="vigia-legend-dot" style={{ background: OPEN_COLOR, borderRadius: 0 }} aria-hidden="true" />
          Câmera aberta ao público
        </li>
      </ul>

      <h2 className="h4 mt-4">Participação por município</h2>
      {map.data && byMunicipality.length === 0 && <p>Ainda não há locais participantes publicados.</p>}
      {byMunicipality.length > 0 && (
        <div className="br-table">
          <table aria-label="Participação por município">
            <thead>
              <tr>
                <th scope="col">Município</th>
                <th scope="col">Locais públicos</th>
                <th scope="col">Locais privados</th>
                <th scope="col">Câmeras</th>
                <th scope="col">Abertas ao público</th>
                <th scope="col">Com placa do programa instalada</th>
              </tr>
            </thead>
            <tbody>
              {byMunicipality.map(([ibge, row]) => (
                <tr key={ibge}>
                  <td>{row.name}</td>
                  <td>{row.public}</td>
                  <td>{row.private}</td>
                  <td>{row.cameras}</td>
                  <td>{row.open}</td>
                  <td>{row.plates}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {map.data && map.data.openCameras.length > 0 && (
        <>
          <h2 className="h4 mt-4">Câmeras abertas ao público</h2>
          <ul>
            {map.data.openCameras.map((c) => (
              <li key={c.id}>{c.label}</li>
            ))}
          </ul>
          <p className="text-down-01">A visualização das imagens sem login estará disponível em breve.</p>
        </>
      )}
    </div>
  );
}
