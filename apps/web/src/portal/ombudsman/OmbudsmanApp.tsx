import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared/pages/NotFound';
import { OmbudsmanFilePage } from './OmbudsmanFilePage';
import { OmbudsmanFollowPage } from './OmbudsmanFollowPage';

/** /ouvidoria (its own chunk): file a manifestation; /ouvidoria/acompanhar: follow it by protocol + code. */
export default function OmbudsmanApp() {
  return (
    <Routes>
      <Route index element={<OmbudsmanFilePage />} />
      <Route path="acompanhar" element={<OmbudsmanFollowPage />} />
      <Route
        path="*"
        element={
          <div className="container-lg">
            <NotFound />
          </div>
        }
      />
    </Routes>
  );
}
