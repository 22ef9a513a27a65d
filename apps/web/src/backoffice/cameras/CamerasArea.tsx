import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../shared/pages/NotFound';
import { CameraDetailPage } from './CameraDetailPage';
import { CameraFormPage } from './CameraFormPage';
import { CameraImportPage } from './CameraImportPage';
import { CameraListPage } from './CameraListPage';

/** Camera registry (SPEC §3.3): list, register, edit, delete, import and the installer self-test. */
export function CamerasArea() {
  return (
    <Routes>
      <Route index element={<CameraListPage />} />
      <Route path="nova" element={<CameraFormPage />} />
      <Route path="importar" element={<CameraImportPage />} />
      <Route path=":cameraId" element={<CameraDetailPage />} />
      <Route path=":cameraId/editar" element={<CameraFormPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
