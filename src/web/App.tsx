// The routes. Vietnamese paths: /dang-nhap, /lam-viec (workspace)… The public pages (/, /san-pham/:id, /chu-the/:id,
// /giay-chung-nhan, /xac-minh/:number) are documents the server renders: links to them are plain full-page links.
import { Anchor, Container, Title } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/Layout.js';
import { Loading } from './components/States.js';
import { PATHS } from './paths.js';
import { scoringRoutes } from './pages/scoring/routes.js';

const LoginPage = lazy(() => import('./pages/accounts/LoginPage.js'));
const ForgotPasswordPage = lazy(() => import('./pages/accounts/ForgotPasswordPage.js'));
const ResetPasswordPage = lazy(() => import('./pages/accounts/ResetPasswordPage.js'));
const SignUpPage = lazy(() => import('./pages/accounts/SignUpPage.js'));
const AcceptInvitationPage = lazy(() => import('./pages/accounts/AcceptInvitationPage.js'));
const MailboxPage = lazy(() => import('./pages/notifications/MailboxPage.js'));
const Workspace = lazy(() => import('./pages/workspace/Workspace.js'));
const PublicDashboard = lazy(() => import('./pages/stats/PublicDashboard.js'));
const CheckInPage = lazy(() => import('./pages/programme/CheckInPage.js'));

function NotFound() {
  const { t } = useTranslation();
  return (
    <Container size="lg" py="xl">
      <Title order={1} size="h2" mb="md">{t('app.notFound')}</Title>
      <Anchor href="/">{t('app.backHome')}</Anchor>
    </Container>
  );
}

/** A new page starts at the top. */
function ScrollToTop() {
  const { pathname } = useLocation();
  useEffect(() => { window.scrollTo(0, 0); }, [pathname]);
  return null;
}

export function App() {
  return (
    <Layout>
      <ScrollToTop />
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path={PATHS.login} element={<LoginPage />} />
          <Route path={PATHS.forgotPassword} element={<ForgotPasswordPage />} />
          <Route path={PATHS.resetPassword} element={<ResetPasswordPage />} />
          <Route path={PATHS.signUp} element={<SignUpPage />} />
          <Route path={PATHS.acceptInvitation} element={<AcceptInvitationPage />} />
          <Route path={PATHS.mailbox} element={<MailboxPage />} />
          <Route path={PATHS.mailboxMessage} element={<MailboxPage />} />
          <Route path={PATHS.workspace} element={<Workspace />} />
          <Route path={PATHS.dashboard} element={<PublicDashboard />} />
          <Route path={PATHS.checkIn} element={<CheckInPage />} />
          {scoringRoutes()}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
