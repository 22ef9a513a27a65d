import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../../shared/pages/NotFound';
import { ReadOnlyCasePage } from '../shared/ReadOnlyCasePage';
import { HomologationPage } from './HomologationPage';

/** Routes under /admin/homologacoes (admin: homologateApplication, signCooperationTerm). */
export function HomologationArea() {
  return (
    <Routes>
      <Route index element={<HomologationPage />} />
      <Route path=":id" element={<ReadOnlyCasePage backPath="/admin/homologacoes" backLabel="Homologações e termos" />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
