// The scoring screens' routes, spliced into App's <Routes> as `{scoringRoutes()}`. The public register and the
// verification page (/giay-chung-nhan, /xac-minh/:number) are documents the server renders; the office's certificate
// screens are in the workspace (/lam-viec/giay-chung-nhan).
import { lazy } from 'react';
import { Route } from 'react-router';

const ScoreSheetPage = lazy(() => import('./ScoreSheetPage.js'));
const DossiersPage = lazy(() => import('./DossiersPage.js'));
const DossierPage = lazy(() => import('./DossierPage.js'));
const CouncilsPage = lazy(() => import('./CouncilsPage.js').then((m) => ({ default: m.CouncilsPage })));
const SessionPage = lazy(() => import('./SessionPage.js'));
const SessionItemPage = lazy(() => import('./SessionItemPage.js'));

export function scoringRoutes() {
  return (
    <>
      <Route path="/cham-diem" element={<ScoreSheetPage />} />
      <Route path="/cham-diem/:sheet" element={<ScoreSheetPage />} />
      <Route path="/ho-so" element={<DossiersPage />} />
      <Route path="/ho-so/:id" element={<DossierPage />} />
      <Route path="/hoi-dong" element={<CouncilsPage />} />
      <Route path="/phien-hop/:id" element={<SessionPage />} />
      <Route path="/phien-hop/:id/:itemId" element={<SessionItemPage />} />
    </>
  );
}
