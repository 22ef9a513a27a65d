import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from '../shared/components/Loading';
import { NotFound } from '../shared/pages/NotFound';
import { ConfirmEmailPage } from './account/ConfirmEmailPage';
import { ForgotPasswordPage } from './account/ForgotPasswordPage';
import { ResetPasswordPage } from './account/ResetPasswordPage';
import { CameraConsentPage } from './camera-consent/CameraConsentPage';
import { ComplaintLookupPage } from './complaints/ComplaintLookupPage';
import { ComplaintPage } from './complaints/ComplaintPage';
import { ExportVerificationPage } from './export-verification/ExportVerificationPage';
import { LandingPage } from './landing/LandingPage';
import { LoginPage } from './login/LoginPage';
import { PublicMapPage } from './map/PublicMapPage';
import { PortalLayout } from './PortalLayout';
import { ServicePerformancePage } from './service-ratings/ServicePerformancePage';
import { SignUpPage } from './signup/SignUpPage';
import { TransparencyPage } from './transparency/TransparencyPage';
import { VerificationPage } from './verification/VerificationPage';
import { VerifyFormPage } from './verification/VerifyFormPage';

/** The citizen area (Portal da Segurança): its own chunk, loaded on /cidadao. */
const CitizenApp = lazy(() => import('./citizen/CitizenApp'));
/** The answer of a criminal-record consent link (what an employer opens): in the citizen area's code. */
const ConsentAnswerPage = lazy(() => import('./citizen/ConsentAnswerPage'));
/** The directory of security units: its own chunk (it pulls Leaflet), loaded on /unidades. */
const SecurityUnitsPage = lazy(() => import('./security-units/SecurityUnitsPage'));
/** The ombudsman (Ouvidoria): its own chunk (it pulls the proof-of-work worker), loaded on /ouvidoria. */
const OmbudsmanApp = lazy(() => import('./ombudsman/OmbudsmanApp'));
/** The anonymous lookups (arrest warrant, vehicle status): their own chunk, loaded on /consultas. */
const LookupsApp = lazy(() => import('./lookups/LookupsApp'));

/** Public portal routes. Only pages that work are listed; later public pages come with their features. */
export function PortalApp() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<LandingPage />} />
        <Route path="entrar" element={<LoginPage />} />
        <Route path="cadastro" element={<SignUpPage />} />
        <Route path="confirmar-email" element={<ConfirmEmailPage />} />
        <Route path="esqueci-a-senha" element={<ForgotPasswordPage />} />
        <Route path="redefinir-senha" element={<ResetPasswordPage />} />
        <Route path="mapa" element={<PublicMapPage />} />
        <Route path="transparencia" element={<TransparencyPage />} />
        <Route path="denuncia" element={<ComplaintPage />} />
        <Route path="denuncia/acompanhar" element={<ComplaintLookupPage />} />
        <Route path="verificar" element={<VerifyFormPage />} />
        <Route path="verificar/:code" element={<VerificationPage />} />
        <Route path="verificar-exportacao" element={<ExportVerificationPage />} />
        <Route path="autorizacao-cameras" element={<CameraConsentPage />} />
        <Route
          path="cidadao/*"
          element={
            <Suspense fallback={<Loading />}>
              <CitizenApp />
            </Suspense>
          }
        />
        <Route
          path="consulta-antecedentes/:token"
          element={
            <Suspense fallback={<Loading />}>
              <ConsentAnswerPage />
            </Suspense>
          }
        />
        <Route
          path="consultas/*"
          element={
            <Suspense fallback={<Loading />}>
              <LookupsApp />
            </Suspense>
          }
        />
        <Route
          path="ouvidoria/*"
          element={
            <Suspense fallback={<Loading />}>
              <OmbudsmanApp />
            </Suspense>
          }
        />
        <Route path="desempenho-dos-servicos" element={<ServicePerformancePage />} />
        <Route
          path="unidades"
          element={
            <Suspense fallback={<Loading />}>
              <SecurityUnitsPage />
            </Suspense>
          }
        />
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
