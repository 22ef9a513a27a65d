import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../../shared/pages/NotFound';
import { ReviewCasePage } from './ReviewCasePage';
import { ReviewQueuePage } from './ReviewQueuePage';

const base = '/comissao/habilitacoes';
const label = 'Fila de habilitações';

/** Routes under /comissao/habilitacoes (committee_member). */
export function CommitteeArea() {
  return (
    <Routes>
      <Route
        index
        element={
          <ReviewQueuePage
            title={label}
            intro="Pedidos de habilitação para análise da comissão técnica da SESP/MT (Decreto nº 1.522/2022, art. 16)."
            basePath={base}
          />
        }
      />
      <Route path=":id" element={<ReviewCasePage queuePath={base} queueLabel={label} committee />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
