import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../../shared/pages/NotFound';
import { DraftEditorPage } from './DraftEditorPage';
import { MyApplicationsPage } from './MyApplicationsPage';
import { NewApplicationPage } from './NewApplicationPage';
import { PartnerCasePage } from './PartnerCasePage';

/** Routes under /habilitacoes (partner_user). */
export function PartnerApplicationsArea() {
  return (
    <Routes>
      <Route index element={<MyApplicationsPage />} />
      <Route path="nova" element={<NewApplicationPage />} />
      <Route path=":id" element={<PartnerCasePage />} />
      <Route path=":id/editar" element={<DraftEditorPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
