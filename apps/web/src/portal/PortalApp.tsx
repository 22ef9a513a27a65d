import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../shared/pages/NotFound';
import { PortalLayout } from './PortalLayout';
import { LandingPage } from './landing/LandingPage';
import { LoginPage } from './login/LoginPage';
import { SignUpPage } from './signup/SignUpPage';
import { VerificationPage } from './verification/VerificationPage';
import { VerifyFormPage } from './verification/VerifyFormPage';

/** Public portal routes. Only pages that work are listed; later public pages come with their features. */
export function PortalApp() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<LandingPage />} />
        <Route path="entrar" element={<LoginPage />} />
        <Route path="cadastro" element={<SignUpPage />} />
        <Route path="verificar" element={<VerifyFormPage />} />
        <Route path="verificar/:code" element={<VerificationPage />} />
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
