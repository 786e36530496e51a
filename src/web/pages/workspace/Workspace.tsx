// The logged-in area (loaded on demand). Each role lands on its own home; officers get lists, edits and Excel.
import '@mantine/notifications/styles.css';
import { Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
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

/** Who sees which section of the workspace, in groups that follow the programme's work: the register and
 * traceability, scoring, trade promotion, the programme, supervision, statistics. Keys starting with '/' are the
 * scoring screens, which live outside /lam-viec. */
function workspaceGroups(user: User, t: TFunction): { key: string; label: string; items: [string, string][] }[] {
  const role = user.role;
  const is = (...roles: User['role'][]) => roles.includes(role);
  const office = isOfficer(user);
  const producerOrOffice = office || role === 'entity';
  const groups: [string, [string, string, boolean][]][] = [
    ['registry', [
      ['home', role === 'entity' ? t('ws.myEntity') : t('ws.home'), role !== 'inspector'],
      ['chu-the', t('ws.entities'), office], ['san-pham', role === 'entity' ? t('ws.myProducts') : t('ws.products'), producerOrOffice],
      ['nhap-excel', t('ws.import'), office], ['truy-xuat', t('trace.nav'), producerOrOffice],
      ['vung-nguyen-lieu', t('cap.nav.areas'), is('province', 'commune', 'entity')],
    ]],
    ['scoring', [
      ['/ho-so', t('ws.dossiers'), true], ['/hoi-dong', t('ws.councils'), !is('entity', 'inspector')],
      ['giay-chung-nhan', t('cert.officeTitle'), is('province', 'central', 'inspector')], ['ngay-nghi', t('holidays.title'), is('central')],
    ]],
    ['trade', [
      ['kenh-ban-hang', t('channels.title'), is('province', 'commune', 'entity')],
      ['hoi-cho', t('fairs.nav'), producerOrOffice], ['livestream', t('livestream.nav'), producerOrOffice], ['du-lich', t('tourism.nav'), producerOrOffice],
    ]],
    ['programme', [
      ['ke-hoach', t('plans.nav'), office], ['y-tuong', t('ideas.nav'), producerOrOffice], ['dao-tao', t('cap.nav.trainings'), producerOrOffice],
      ['tieu-chuan', t('cap.nav.standards'), producerOrOffice], ['tin-dung', t('content.creditTitle'), producerOrOffice],
      ['tin-tuc', t('content.newsTitle'), is('province', 'central')], ['mo-hinh-hay', t('content.modelsTitle'), is('province', 'central')],
    ]],
    ['supervision', [
      ['thanh-tra', t('insp.nav'), is('province', 'central', 'inspector')], ['phan-anh', t('reports.menu'), office || role === 'inspector'],
      ['lien-chinh', t('integrity.nav'), readsIntegrity(user)], ['nhat-ky', t('audit.nav'), readsAudit(user)],
    ]],
    ['stats', [['thong-ke', t('dash.nav'), office]]],
  ];
  return groups
    .map(([key, items]) => ({ key, label: t(`ws.groups.${key}`), items: items.filter(([, , shown]) => shown).map(([k, label]) => [k, label] as [string, string]) }))
    .filter((g) => g.items.length > 0);
}

/** The workspace's sections. Each one is a page of its own (its own address), so they are links in a navigation
 * landmark, styled as pills, with aria-current on the page shown: tabs would promise panels that are not there. The
 * groups come first (a group opens its first section), then the sections of the group shown: two short rows on a
 * phone rather than two dozen links. A person with a single group sees its sections only. */
function WorkspaceNav({ user }: { user: User }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const groups = workspaceGroups(user, t);
  const current = pathname.replace(/^\/lam-viec\/?/, '').split('/')[0] || 'home';
  const shown = groups.find((g) => g.items.some(([k]) => k === current)) ?? groups[0];
  const href = (k: string) => (k.startsWith('/') ? k : k === 'home' ? '/lam-viec' : `/lam-viec/${k}`);
  const pill = (key: string, to: string, label: string, active: boolean, variant: 'filled' | 'light') => (
    <Button key={key} component={Link} to={to} radius="xl" size="compact-md" px="md" fw={600}
      variant={active ? variant : 'subtle'} aria-current={active && variant === 'filled' ? 'page' : undefined}>
      {label}
    </Button>
  );
  return (
    <Stack component="nav" aria-label={t('app.workspace')} mt="md" gap={6}>
      {groups.length > 1 && (
        <Group gap={6} wrap="wrap" aria-label={t('ws.groups.label')} role="group">
          {groups.map((g) => pill(`group-${g.key}`, href(g.items[0][0]), g.label, g === shown, 'light'))}
        </Group>
      )}
      <Group gap={6} wrap="wrap" role="group" aria-label={shown?.label}>
        {shown?.items.map(([k, label]) => pill(k, href(k), label, k === current, 'filled'))}
      </Group>
    </Stack>
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
