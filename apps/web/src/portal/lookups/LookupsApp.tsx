import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared/pages/NotFound';
import { VehicleStatusPage } from './VehicleStatusPage';
import { WarrantLookupPage } from './WarrantLookupPage';

/** /consultas/* — the anonymous lookups (arrest warrant, vehicle status), loaded as their own chunk. */
export default function LookupsApp() {
  return (
    <Routes>
      <Route path="mandado-de-prisao" element={<WarrantLookupPage />} />
      <Route path="veiculo" element={<VehicleStatusPage />} />
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
