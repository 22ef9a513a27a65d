import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../shared/pages/NotFound';
import { PortalLayout } from './PortalLayout';
import { LandingPage } from './landing/LandingPage';
import { LoginPage } from './login/LoginPage';

/** Public portal routes. Only pages that work are listed; later public pages come with their features. */
export function PortalApp() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<LandingPage />} />
        <Route path="entrar" element={<LoginPage />} />
        <Route
          path="*"
          element={
            <div className="container-lg">
              <NotFound />
            </div>
          }
        />
      </Route>
    </Routes>
  );
}
