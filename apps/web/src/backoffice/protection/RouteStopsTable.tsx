import type { ReactNode } from 'react';

interface Stop {
  kind: string;
  name: string;
  alternate?: boolean;
}

/** One row per leg (in the order travelled) and per venue of the itinerary, with what lies near it. */
export function RouteStopsTable<S extends Stop>(props: {
  id: string;
  title: ReactNode;
  caption: string;
  column: string;
  stops: S[];
  cell: (stop: S) => ReactNode;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <div className="br-table vigia-table-wrap">
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">Trecho / local</th>
              <th scope="col">{props.column}</th>
            </tr>
          </thead>
          <tbody>
            {props.stops.map((s) => (
              <tr key={`${s.kind}-${s.name}`}>
                <th scope="row">
                  {s.kind === 'leg' ? (s.alternate ? 'Rota alternativa' : 'Trecho') : 'Local'}: {s.name}
                </th>
                <td>{props.cell(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
