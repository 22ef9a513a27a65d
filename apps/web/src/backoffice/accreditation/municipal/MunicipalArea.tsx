import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../../shared/pages/NotFound';
import { ReviewCasePage } from '../committee/ReviewCasePage';
import { ReviewQueuePage } from '../committee/ReviewQueuePage';

const base = '/municipio/habilitacoes';
const label = 'Habilitações do município';

/** Routes under /municipio/habilitacoes (municipal_manager, indirect management, Art. 8 §1). */
export function MunicipalArea() {
  return (
    <Routes>
      <Route
        index
        element={
          <ReviewQueuePage
            title={label}
            intro="Pedidos dos parceiros privados do território sob gestão indireta do município ou consórcio (art. 8º, § 1º)."
            basePath={base}
          />
        }
      />
      <Route path=":id" element={<ReviewCasePage queuePath={base} queueLabel={label} committee={false} />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
