import type { ApplicationDetail } from '@vigia/contracts';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { startAnalysis } from '../../api/accreditation-api';
import { ActionCard } from './ActionCard';
import { useAction } from './use-action';

/** submitted/remedied → in_analysis; asks the RISP opinions (Art. 12). */
export function StartAnalysisPanel({ app, onChange }: { app: ApplicationDetail; onChange: (d: ApplicationDetail) => void }) {
  const { busy, error, run } = useAction(onChange);
  return (
    <ActionCard id="start-title" title="Iniciar análise">
      <p>Ao iniciar a análise, os pareceres das coordenações regionais (RISP) dos municípios dos pontos são solicitados (art. 12).</p>
      <ApiErrorMessage error={error} />
      <button className="br-button primary" type="button" disabled={busy} onClick={() => void run(() => startAnalysis(app.id))}>
        {busy ? 'Iniciando…' : 'Iniciar análise'}
      </button>
    </ActionCard>
  );
}
