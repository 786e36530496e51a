// The scoring screens' routes, spliced into App's <Routes> as `{scoringRoutes()}`. The verification path is printed
// in the QR code of every certificate: /xac-minh/:number must never change.
import { lazy } from 'react';
import { Route } from 'react-router';

const VerifyPage = lazy(() => import('./VerifyPage.js'));
const CertificatesPage = lazy(() => import('./CertificatesPage.js'));
const ScoreSheetPage = lazy(() => import('./ScoreSheetPage.js'));
const DossiersPage = lazy(() => import('./DossiersPage.js'));
const DossierPage = lazy(() => import('./DossierPage.js'));
const CouncilsPage = lazy(() => import('./CouncilsPage.js').then((m) => ({ default: m.CouncilsPage })));
const SessionPage = lazy(() => import('./SessionPage.js'));
const SessionItemPage = lazy(() => import('./SessionItemPage.js'));

export function scoringRoutes() {
  return (
    <>
      <Route path="/xac-minh/:number" element={<VerifyPage />} />
      <Route path="/giay-chung-nhan" element={<CertificatesPage />} />
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
