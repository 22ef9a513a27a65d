import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared/pages/NotFound';
import { AccidentCorrectionPage, AccidentDeclarationPage } from './AccidentPages';
import { AccidentVerificationPage } from './AccidentVerificationPage';
import { CertificateVerificationPage } from './CertificateVerificationPage';
import { CitizenHomePage } from './CitizenHomePage';
import { IdentityCardStatusPage } from './IdentityCardStatusPage';
import { PoliceReportDetail, PoliceReportsHome, PoliceReportVerificationPage } from './PoliceReportPages';
import { PoliceReportWizard } from './PoliceReportWizard';

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
      <Route path="ocorrencias" element={<PoliceReportsHome />} />
      <Route path="ocorrencias/nova" element={<PoliceReportWizard />} />
      <Route path="ocorrencias/verificar" element={<PoliceReportVerificationPage />} />
      <Route path="ocorrencias/:id" element={<PoliceReportDetail />} />
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
