import type { UptimeScorecard } from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { SelectField } from '../../../shared/components/SelectField';
import { TextField } from '../../../shared/components/TextField';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { getScorecard, listTerms } from '../obligations-api';

const pct = (v: number | null) => (v === null ? 'não medido' : `${v.toLocaleString('pt-BR', { maximumFractionDigits: 2 })}%`);

/** Monthly uptime (Art. 21, 25 §3). A camera without health data is "não medido", never 100%. */
export function Scorecard({ choosePartner }: { choosePartner: boolean }) {
  const [partnerId, setPartnerId] = useState('');
  const [month, setMonth] = useState(new Date(Date.now() - 4 * 3_600_000).toISOString().slice(0, 7));
  const { data: terms } = useApiData(listTerms);
  const partners = [...new Map((terms ?? []).map((t) => [t.partnerId, t.partnerName])).entries()];
  const load = useCallback(
    (signal: AbortSignal): Promise<UptimeScorecard | null> =>
      choosePartner && !partnerId ? Promise.resolve(null) : getScorecard(signal, partnerId || undefined, month),
    [choosePartner, partnerId, month],
  );
  const { data: card, error, loading } = useApiData(load);
  return (
    <section aria-labelledby="scorecard-title">
      <h2 id="scorecard-title" className="h4">
        Disponibilidade mensal das câmeras
      </h2>
      <p>
        Funcionamento permanente e ininterrupto, 24 horas (art. 25, § 3º). Sem dados de monitoramento, a disponibilidade aparece como “não
        medido”.
      </p>
      <div className="vigia-form-grid">
        {choosePartner && (
          <SelectField
            id="scorecard-partner"
            label="Parceiro"
            value={partnerId}
            onChange={setPartnerId}
            placeholder="Selecione o parceiro"
            options={partners.map(([value, label]) => ({ value, label }))}
          />
        )}
        <TextField id="scorecard-month" type="month" label="Mês" value={month} onChange={(v) => v && setMonth(v)} />
      </div>
      <ApiErrorMessage error={error} />
      {loading && <Loading />}
      {card && (
        <>
          <p className="h5" data-testid="scorecard-total">
            {card.month}: {card.measured ? pct(card.percent) : card.label}
          </p>
          {card.cameras.length === 0 ? (
            <p>Nenhuma câmera cadastrada.</p>
          ) : (
            <div className="br-table vigia-table-wrap">
              <table aria-label="Disponibilidade por câmera">
                <thead>
                  <tr>
                    <th scope="col">Câmera</th>
                    <th scope="col">Disponibilidade</th>
                    <th scope="col">Quedas</th>
                    <th scope="col">Minutos fora do ar</th>
                  </tr>
                </thead>
                <tbody>
                  {card.cameras.map((c) => (
                    <tr key={c.cameraId}>
                      <th scope="row">{c.name}</th>
                      <td>{c.measured ? pct(c.percent) : 'não medido'}</td>
                      <td>{c.measured ? c.outages : '—'}</td>
                      <td>{c.measured ? Math.round(c.outageMinutes) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
