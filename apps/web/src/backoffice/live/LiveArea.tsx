import { Route, Routes } from 'react-router-dom';
import { LiveIndexPage, LiveViewPage } from './LiveViewPage';

/** /app/operacoes/ao-vivo and /app/operacoes/ao-vivo/:cameraId */
export function LiveArea() {
  return (
    <Routes>
      <Route index element={<LiveIndexPage />} />
      <Route path=":cameraId" element={<LiveViewPage />} />
    </Routes>
  );
}
