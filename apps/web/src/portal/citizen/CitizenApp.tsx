import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared/pages/NotFound';
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
