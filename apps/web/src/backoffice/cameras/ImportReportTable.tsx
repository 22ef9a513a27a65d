import type { CameraImportReport } from '@vigia/contracts';

const outcomeText = (report: CameraImportReport, outcome: CameraImportReport['rows'][number]['outcome']) =>
  outcome === 'created'
    ? 'Cadastrada'
    : outcome === 'refused'
      ? 'Recusada'
      : report.outcome === 'refused'
        ? 'Válida (não importada)'
        : 'Válida';

/** Row-by-row result of an import: which rows were created, which refused and why (pt-BR). */
export function ImportReportTable({ report }: { report: CameraImportReport }) {
  if (report.rows.length === 0) return <p>A planilha não tem linhas de câmeras preenchidas.</p>;
  return (
    <div className="br-table">
      <table aria-label="Resultado por linha">
        <thead>
          <tr>
            <th scope="col">Linha</th>
            {report.clients && <th scope="col">Cliente</th>}
            <th scope="col">Câmera</th>
            <th scope="col">Resultado</th>
            <th scope="col">Motivos</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.row} data-row={r.row} data-outcome={r.outcome}>
              <td>{r.row}</td>
              {report.clients && <td>{r.client ?? '—'}</td>}
              <td>{r.name ?? '—'}</td>
              <td>
                <span className={`br-tag text ${r.outcome === 'refused' ? 'danger' : r.outcome === 'created' ? 'success' : 'info'}`}>
                  {outcomeText(report, r.outcome)}
                </span>
              </td>
              <td>
                {r.problems.length === 0 ? (
                  '—'
                ) : (
                  <ul className="mb-0 pl-3">
                    {r.problems.map((p) => (
                      <li key={`${p.column}:${p.message}`}>
                        {p.column && <strong>{p.column}: </strong>}
                        {p.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
