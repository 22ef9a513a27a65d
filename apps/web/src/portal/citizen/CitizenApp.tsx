import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared/pages/NotFound';
import { AccidentCorrectionPage, AccidentDeclarationPage } from './AccidentPages';
import { AccidentVerificationPage } from './AccidentVerificationPage';
import { CertificateVerificationPage } from './CertificateVerificationPage';
import { CitizenHomePage } from './CitizenHomePage';
import { IdentityCardStatusPage } from './IdentityCardStatusPage';

/** /cidadao/* — the citizen area (Portal da Segurança), loaded as its own chunk. */
export default function CitizenApp() {
  return (
    <Routes>
      <Route index element={<CitizenHomePage />} />
      <Route path="identidade/consulta" element={<IdentityCardStatusPage />} />
      <Route path="certidao/verificar" element={<CertificateVerificationPage />} />
      <Route path="acidente" element={<AccidentDeclarationPage />} />
      <Route path="acidente/verificar" element={<AccidentVerificationPage />} />
      <Route path="acidente/:id/corrigir" element={<AccidentCorrectionPage />} />
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
