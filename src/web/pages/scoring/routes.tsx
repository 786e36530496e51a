// The scoring screens' routes, spliced into App's <Routes> as `{scoringRoutes()}`. The verification path is printed
// in the QR code of every certificate: /xac-minh/:number must never change.
import { lazy } from 'react';
import { Route } from 'react-router';

const VerifyPage = lazy(() => import('./VerifyPage.js'));
const CertificatesPage = lazy(() => import('./CertificatesPage.js'));
const ScoreSheetPage = lazy(() => import('./ScoreSheetPage.js'));

export function scoringRoutes() {
  return (
    <>
      <Route path="/xac-minh/:number" element={<VerifyPage />} />
      <Route path="/giay-chung-nhan" element={<CertificatesPage />} />
      <Route path="/cham-diem" element={<ScoreSheetPage />} />
      <Route path="/cham-diem/:sheet" element={<ScoreSheetPage />} />
    </>
  );
}
