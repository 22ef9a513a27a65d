import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../shared/pages/NotFound';
import { ConsolePage } from './console/ConsolePage';
import { BackofficeLayout } from './layout/BackofficeLayout';
import { areaById, navigation } from './navigation';
import { HomePage } from './pages/HomePage';
import { pages } from './routing/pages';
import { RequireArea } from './routing/RequireArea';
import { SessionGate } from './session/SessionGate';

/** Back-office routes, generated from the navigation table: one guarded route per built area. */
export function BackofficeApp() {
  return (
    <SessionGate>
      <Routes>
        {/* The operations console takes the whole window (no gov.br header, menu or footer). */}
        <Route
          path={`${areaById('ops-console').path}/*`}
          element={
            <RequireArea item={areaById('ops-console')}>
              <ConsolePage />
            </RequireArea>
          }
        />
        <Route element={<BackofficeLayout />}>
          <Route index element={<HomePage />} />
          {navigation
            .filter((item) => item.status === 'ready')
            .map((item) => {
              const Page = pages[item.id];
              if (!Page) return null;
              return (
                <Route
                  key={item.id}
                  path={`${item.path}/*`}
                  element={
                    <RequireArea item={item}>
                      <Page />
                    </RequireArea>
                  }
                />
              );
            })}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </SessionGate>
  );
}
