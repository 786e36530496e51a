// The logged-in area (loaded on demand). Each role lands on its own home; officers get lists, edits and Excel.
import '@mantine/notifications/styles.css';
import { Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading } from '../../components/States.js';
import { isOfficer } from '../../roles.js';
import { useSession } from '../../session.js';
import type { User } from '../../types.js';
import ImportPage from '../imports/ImportPage.js';
import EntitiesList from '../registry/EntitiesList.js';
import EntityDetail from '../registry/EntityDetail.js';
import ProductDetail from '../registry/ProductDetail.js';
import ProductsList from '../registry/ProductsList.js';
import HolidaysPage from '../scoring/HolidaysPage.js';
import CertificateOfficePage from '../scoring/CertificateOfficePage.js';
import CertificatesOfficePage from '../scoring/CertificatesOfficePage.js';
import NotificationsPage from '../notifications/NotificationsPage.js';
import ImportStepsPage from '../trace/ImportStepsPage.js';
import LotPage from '../trace/LotPage.js';
import TracePage from '../trace/TracePage.js';
import ChannelsPage from '../trade/ChannelsPage.js';
import CreditPage from '../programme/CreditPage.js';
import DashboardPage from '../stats/DashboardPage.js';
import FairsPage from '../trade/FairsPage.js';
import GoodModelsPage from '../programme/GoodModelsPage.js';
import IdeasPage from '../programme/IdeasPage.js';
import LivestreamPage from '../trade/LivestreamPage.js';
import NewsPage from '../programme/NewsPage.js';
import PlansPage from '../programme/PlansPage.js';
import ReportPage from '../reports/ReportPage.js';
import ReportsPage from '../reports/ReportsPage.js';
import TourismPage from '../trade/TourismPage.js';
import { EntityHome, ExpertHome, OfficerHome } from './Homes.js';
import { useScopeNames } from './useScopeNames.js';

// The integrity page draws ECharts: its own chunk, loaded when opened.
const IntegrityPage = lazy(() => import('../integrity/IntegrityPage.js'));
const AuditTrailPage = lazy(() => import('../integrity/AuditTrailPage.js'));
const CertificateStoryPage = lazy(() => import('../integrity/CertificateStoryPage.js'));
const readsIntegrity = (u: User) => u.role === 'central' || u.role === 'province' || u.role === 'inspector';
const readsAudit = (u: User) => u.role === 'central' || u.role === 'inspector';

// Supervision's screens (issue 14), loaded when opened.
const InspectorWorkspace = lazy(() => import('../supervision/InspectorWorkspace.js'));
const PlanPage = lazy(() => import('../supervision/PlanPage.js'));
const InspectionPage = lazy(() => import('../supervision/InspectionPage.js'));

// Issue 15's screens, loaded when first opened.
const TrainingsPage = lazy(() => import('../programme/TrainingsPage.js'));
const StandardsPage = lazy(() => import('../programme/StandardsPage.js'));
const AreasPage = lazy(() => import('../registry/AreasPage.js'));

/** The person's scope by name (Xã Mèo Vạc, Tỉnh Tuyên Quang), never by code. */
function ScopeText({ user }: { user: User }) {
  const { t } = useTranslation();
  const names = useScopeNames(user);
  if (user.role === 'central' || (!user.communeCode && !user.provinceCode)) return t('ws.nationwide');
  if (names.loading) return '…';
  if (names.commune) return names.province ? t('scopeNames.commune', { commune: names.commune, province: names.province }) : names.commune;
  return names.province ?? '—';
}

/** The workspace's sections. Each one is a page of its own (its own address), so they are links in a navigation
 * landmark, styled as pills, with aria-current on the page shown: tabs would promise panels that are not there. */
function WorkspaceNav({ user }: { user: User }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // Keys starting with '/' are the scoring screens, which live outside /lam-viec.
  const tabs = isOfficer(user)
    ? [['home', t('ws.home')], ['chu-the', t('ws.entities')], ['san-pham', t('ws.products')], ['nhap-excel', t('ws.import')], ['truy-xuat', t('trace.nav')], ['/ho-so', t('ws.dossiers')], ['/hoi-dong', t('ws.councils')],
      ...(user.role === 'province' || user.role === 'central' ? [['giay-chung-nhan', t('cert.officeTitle')]] : []),
      ...(user.role === 'province' || user.role === 'commune' ? [['kenh-ban-hang', t('channels.title')]] : []),
      ['ke-hoach', t('plans.nav')], ['y-tuong', t('ideas.nav')],
      ...(user.role === 'province' || user.role === 'central' ? [['tin-tuc', t('content.newsTitle')], ['mo-hinh-hay', t('content.modelsTitle')]] : []),
      ['tin-dung', t('content.creditTitle')],
      ['dao-tao', t('cap.nav.trainings')], ['tieu-chuan', t('cap.nav.standards')],
      ...(user.role === 'province' || user.role === 'commune' ? [['vung-nguyen-lieu', t('cap.nav.areas')]] : []),
      ...(user.role === 'province' || user.role === 'commune' || user.role === 'central' ? [['hoi-cho', t('fairs.nav')], ['livestream', t('livestream.nav')], ['du-lich', t('tourism.nav')]] : []),
      ['phan-anh', t('reports.menu')],
      ...(user.role === 'province' || user.role === 'central' ? [['thanh-tra', t('insp.nav')]] : []),
      ...(user.role === 'central' ? [['ngay-nghi', t('holidays.title')]] : []),
      ...(user.role === 'central' || user.role === 'province' || user.role === 'commune' ? [['thong-ke', t('dash.nav')]] : []),
      ...(readsIntegrity(user) ? [['lien-chinh', t('integrity.nav')]] : []), ...(readsAudit(user) ? [['nhat-ky', t('audit.nav')]] : [])]
    : user.role === 'entity' ? [['home', t('ws.myEntity')], ['san-pham', t('ws.myProducts')], ['truy-xuat', t('trace.nav')], ['kenh-ban-hang', t('channels.title')], ['y-tuong', t('ideas.nav')], ['tin-dung', t('content.creditTitle')], ['dao-tao', t('cap.nav.trainings')], ['tieu-chuan', t('cap.nav.standards')], ['vung-nguyen-lieu', t('cap.nav.areas')], ['hoi-cho', t('fairs.nav')], ['livestream', t('livestream.nav')], ['du-lich', t('tourism.nav')], ['/ho-so', t('ws.dossiers')]]
      : user.role === 'inspector' ? [['thanh-tra', t('insp.nav')], ['phan-anh', t('reports.menu')], ['giay-chung-nhan', t('cert.officeTitle')], ['lien-chinh', t('integrity.nav')], ['nhat-ky', t('audit.nav')], ['/ho-so', t('ws.dossiers')]]
        : [['home', t('ws.home')], ['/ho-so', t('ws.dossiers')], ['/hoi-dong', t('ws.councils')]];
  const current = pathname.replace(/^\/lam-viec\/?/, '').split('/')[0] || 'home';
  const href = (k: string) => (k.startsWith('/') ? k : k === 'home' ? '/lam-viec' : `/lam-viec/${k}`);
  return (
    <Group component="nav" aria-label={t('app.workspace')} mt="md" gap={6} wrap="wrap">
      {tabs.map(([k, label]) => (
        <Button key={k} component={Link} to={href(k)} radius="xl" size="compact-md" px="md" fw={600}
          variant={k === current ? 'filled' : 'subtle'} aria-current={k === current ? 'page' : undefined}>
          {label}
        </Button>
      ))}
    </Group>
  );
}

export default function Workspace() {
  const { t } = useTranslation();
  const { user, ready, logout } = useSession();
  if (!ready) return <Loading />;
  if (!user) return <Navigate to="/dang-nhap" replace />;
  const officer = isOfficer(user);
  const supervisor = user.role === 'inspector' || user.role === 'province' || user.role === 'central';
  return (
    <Container size="lg" py="lg">
      <Notifications position="top-right" />
      <Paper withBorder radius="lg" p="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Text size="sm" c="dark.4">{t(`role.${user.role}`)} · {t('ws.scope', { scope: '' })}<ScopeText user={user} /></Text>
            <Text fw={700} size="lg">{t('ws.hello', { name: user.fullName })}</Text>
          </Stack>
          {/* The catalogue is a server-rendered page, not a route of the app: a full page load. */}
          <Button variant="default" size="xs" onClick={() => { void logout().then(() => window.location.assign('/')); }}>{t('app.logout')}</Button>
        </Group>
        <WorkspaceNav user={user} />
      </Paper>
      <Stack mt="lg">
        <Routes>
          {/* The inspector's home is the inspections workspace (plan, due, corrective actions, complaints, integrity). */}
          <Route index element={officer ? <OfficerHome user={user} /> : user.role === 'entity' ? <EntityHome user={user} /> : user.role === 'inspector' ? <Navigate to="/lam-viec/thanh-tra" replace /> : <ExpertHome user={user} />} />
          <Route path="chu-the" element={officer ? <EntitiesList /> : <Navigate to="/lam-viec" replace />} />
          <Route path="chu-the/:id" element={<EntityDetail />} />
          <Route path="san-pham" element={<ProductsList user={user} />} />
          <Route path="san-pham/moi" element={<ProductDetail />} />
          <Route path="san-pham/:id" element={<ProductDetail />} />
          <Route path="nhap-excel" element={officer ? <ImportPage /> : <Navigate to="/lam-viec" replace />} />
          <Route path="ngay-nghi" element={officer ? <HolidaysPage /> : <Navigate to="/lam-viec" replace />} />
          <Route path="thong-bao" element={<NotificationsPage />} />
          <Route path="truy-xuat" element={officer || user.role === 'entity' ? <TracePage user={user} /> : <Navigate to="/lam-viec" replace />} />
          <Route path="truy-xuat/lo/:id" element={<LotPage />} />
          <Route path="kenh-ban-hang" element={user.role === 'entity' || user.role === 'commune' || user.role === 'province' ? <ChannelsPage user={user} /> : <Navigate to="/lam-viec" replace />} />
          <Route path="hoi-cho" element={officer || user.role === 'entity' ? <FairsPage user={user} /> : <Navigate to="/lam-viec" replace />} />
          <Route path="livestream" element={officer || user.role === 'entity' ? <LivestreamPage user={user} /> : <Navigate to="/lam-viec" replace />} />
          <Route path="du-lich" element={officer || user.role === 'entity' ? <TourismPage user={user} /> : <Navigate to="/lam-viec" replace />} />
          <Route path="truy-xuat/nhap" element={user.role === 'entity' ? <ImportStepsPage /> : <Navigate to="/lam-viec/truy-xuat" replace />} />
          <Route path="ke-hoach" element={officer ? <PlansPage user={user} /> : <Navigate to="/lam-viec" replace />} />
          <Route path="y-tuong" element={officer || user.role === 'entity' ? <IdeasPage user={user} /> : <Navigate to="/lam-viec" replace />} />
          <Route path="tin-tuc" element={user.role === 'central' || user.role === 'province' ? <NewsPage /> : <Navigate to="/lam-viec" replace />} />
          <Route path="mo-hinh-hay" element={user.role === 'central' || user.role === 'province' ? <GoodModelsPage user={user} /> : <Navigate to="/lam-viec" replace />} />
          <Route path="tin-dung" element={officer || user.role === 'entity' ? <CreditPage user={user} /> : <Navigate to="/lam-viec" replace />} />
          <Route path="thong-ke" element={user.role === 'central' || user.role === 'province' || user.role === 'commune' ? <DashboardPage user={user} /> : <Navigate to="/thong-ke" replace />} />
          <Route path="phan-anh" element={officer || user.role === 'inspector' ? <ReportsPage /> : <Navigate to="/lam-viec" replace />} />
          <Route path="phan-anh/:reference" element={officer || user.role === 'inspector' ? <ReportPage /> : <Navigate to="/lam-viec" replace />} />
          <Route path="dao-tao" element={<Suspense fallback={<Loading />}><TrainingsPage user={user} /></Suspense>} />
          <Route path="dao-tao/:id" element={<Suspense fallback={<Loading />}><TrainingsPage user={user} /></Suspense>} />
          <Route path="tieu-chuan" element={officer || user.role === 'entity' ? <Suspense fallback={<Loading />}><StandardsPage user={user} /></Suspense> : <Navigate to="/lam-viec" replace />} />
          <Route path="vung-nguyen-lieu" element={officer || user.role === 'entity' ? <Suspense fallback={<Loading />}><AreasPage user={user} /></Suspense> : <Navigate to="/lam-viec" replace />} />
          <Route path="giay-chung-nhan" element={<CertificatesOfficePage />} />
          <Route path="giay-chung-nhan/:number" element={<CertificateOfficePage />} />
          <Route path="giay-chung-nhan/:number/lich-su" element={readsIntegrity(user) ? <Suspense fallback={<Loading />}><CertificateStoryPage /></Suspense> : <Navigate to="/lam-viec" replace />} />
          <Route path="lien-chinh" element={readsIntegrity(user) ? <Suspense fallback={<Loading />}><IntegrityPage user={user} /></Suspense> : <Navigate to="/lam-viec" replace />} />
          <Route path="nhat-ky" element={readsAudit(user) ? <Suspense fallback={<Loading />}><AuditTrailPage /></Suspense> : <Navigate to="/lam-viec" replace />} />
          <Route path="thanh-tra" element={supervisor ? <Suspense fallback={<Loading />}><InspectorWorkspace user={user} /></Suspense> : <Navigate to="/lam-viec" replace />} />
          <Route path="thanh-tra/ke-hoach/:id" element={<Suspense fallback={<Loading />}><PlanPage /></Suspense>} />
          <Route path="thanh-tra/kiem-tra/:id" element={<Suspense fallback={<Loading />}><InspectionPage /></Suspense>} />
          <Route path="*" element={<Title order={1} size="h3">{t('app.notFound')}</Title>} />
        </Routes>
      </Stack>
    </Container>
  );
}
