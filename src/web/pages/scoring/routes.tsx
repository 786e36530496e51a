// The scoring screens' routes, spliced into App's <Routes> as `{scoringRoutes()}`. The public register and the
// verification page (/giay-chung-nhan, /xac-minh/:number) are documents the server renders; the office's certificate
// screens are in the workspace (/lam-viec/giay-chung-nhan).
import { lazy } from 'react';
import { Route } from 'react-router';
import { PATHS } from '../../paths.js';

const ScoreSheetPage = lazy(() => import('./ScoreSheetPage.js'));
const DossiersPage = lazy(() => import('./DossiersPage.js'));
const DossierPage = lazy(() => import('./DossierPage.js'));
const CouncilsPage = lazy(() => import('./CouncilsPage.js').then((m) => ({ default: m.CouncilsPage })));
const SessionPage = lazy(() => import('./SessionPage.js'));
const SessionItemPage = lazy(() => import('./SessionItemPage.js'));

export function scoringRoutes() {
  return (
    <>
      <Route path={PATHS.scoreSheets} element={<ScoreSheetPage />} />
      <Route path={PATHS.scoreSheet} element={<ScoreSheetPage />} />
      <Route path={PATHS.dossiers} element={<DossiersPage />} />
      <Route path={PATHS.dossier} element={<DossierPage />} />
      <Route path={PATHS.councils} element={<CouncilsPage />} />
      <Route path={PATHS.session} element={<SessionPage />} />
      <Route path={PATHS.sessionItem} element={<SessionItemPage />} />
    </>
  );
}
