import { Route, Routes } from 'react-router-dom';
import { PlaybackIndexPage, PlaybackPage } from './PlaybackPage';

/** /app/operacoes/gravacoes and /app/operacoes/gravacoes/:cameraId (?com=<id>,<id> for synchronised cameras). */
export function PlaybackArea() {
  return (
    <Routes>
      <Route index element={<PlaybackIndexPage />} />
      <Route path=":cameraId" element={<PlaybackPage />} />
    </Routes>
  );
}
