// Where each role lands after logging in: its to-do list first (ordered by legal deadline), then what helps it act.
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../api.js';
import { Stars } from '../../components/Stars.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatTotal } from '../../format.js';
import type { EntityAnyOut, Page, ProductOut, User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { STATUS_COLOR } from '../registry/EntitiesList.js';
import { TodoList } from './TodoList.js';

function Stat({ label, value, exact = true, to }: { label: string; value: number | undefined; exact?: boolean; to: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="lg" padding="lg" component={Link} to={to} className="product-card">
      <Text size="sm" c="dark.4" fw={600}>{label}</Text>
      <Text fz={32} fw={800} c="ocop.9">{value === undefined ? '…' : formatTotal(t, value, exact)}</Text>
    </Card>
  );
}

/** An entity member: a summary of their producer and its products, and what they have to do next (returned dossiers,
 * missing documents, re-rating windows). The full profile form is one link away. */
export function EntityHome({ user }: { user: User }) {
  const { t } = useTranslation();
  const entity = useFetch<EntityAnyOut>(user.entityId ? `/api/v1/entities/${user.entityId}` : null);
  const products = useFetch<Page<ProductOut>>(user.entityId ? withQuery('/api/v1/products', { entity: user.entityId, pageSize: 100 }) : null);
  usePageTitle(entity.data?.name ?? t('ws.myEntity'));
  if (!user.entityId) return <><Title order={1} size="h2">{t('ws.myEntity')}</Title><Alert color="orange">{t('ws.noEntity')}</Alert></>;
  if (entity.error) return <ErrorState error={entity.error} onRetry={entity.reload} />;
  const e = entity.data;
  if (!e) return <Loading />;
  const items = products.data?.items ?? [];
  const count = (s: string) => (products.data ? items.filter((p) => p.status === s).length : undefined);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">{e.name}</Title>
          <Group gap="xs" mt={4}>
            <Badge color={STATUS_COLOR[e.status]} variant="light">{t(`entityStatus.${e.status}`)}</Badge>
            <Text size="sm" c="dark.4">{t(`entityType.${e.type}`)} · {e.communeName}, {e.provinceName}</Text>
          </Group>
        </div>
        <Button component={Link} to={`/lam-viec/chu-the/${e.id}`} variant="default">{t('summary.editProfile')}</Button>
      </Group>
      {e.status === 'pending' && <Alert color="orange" title={t('entityStatus.pending')}>{t('ws.pending')}</Alert>}
      {e.status === 'refused' && <Alert color="red" title={t('entityStatus.refused')}>{t('ws.refused', { reason: 'statusReason' in e ? e.statusReason ?? '—' : '—' })}</Alert>}
      <TodoList />
      <SimpleGrid cols={{ base: 3 }}>
        <Stat label={t('summary.certified')} value={count('certified')} to="/lam-viec/san-pham?status=certified" />
        <Stat label={t('summary.registered')} value={count('registered')} to="/lam-viec/san-pham?status=registered" />
        <Stat label={t('summary.draft')} value={count('draft')} to="/lam-viec/san-pham?status=draft" />
      </SimpleGrid>
      <Card withBorder radius="lg" padding="lg">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">{t('summary.products')}</Title>
          <Anchor component={Link} to="/lam-viec/san-pham" size="sm">{t('summary.allProducts')}</Anchor>
        </Group>
        {products.error ? <ErrorState error={products.error} onRetry={products.reload} /> : !products.data ? <Loading /> : items.length === 0 ? <Text c="dark.4">{t('summary.noProducts')}</Text> : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.slice(0, 12).map((p) => (
              <Group key={p.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/lam-viec/san-pham/${p.id}`} style={{ minWidth: 0 }}>{p.name}</Anchor>
                {p.stars ? <Stars count={p.stars} size={14} /> : <Text size="xs" c="dark.4">{t(`productStatus.${p.status}`)}</Text>}
              </Group>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

/** Commune, province and central officers: their to-do list, then counts and shortcuts. */
export function OfficerHome({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('app.workspace'));
  const scope = { province: user.role === 'province' ? user.provinceCode : undefined, commune: user.role === 'commune' ? user.communeCode : undefined };
  const entities = useFetch<Page<EntityAnyOut>>(withQuery('/api/v1/entities', { ...scope, pageSize: 1 }));
  const products = useFetch<Page<ProductOut>>(withQuery('/api/v1/products', { ...scope, pageSize: 1 }));
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">{t('app.workspace')}</Title>
        <Text c="dark.4">{t('ws.officerIntro')}</Text>
      </div>
      <TodoList />
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <Stat label={t('ws.entities')} value={entities.data?.total} exact={entities.data?.totalExact !== false} to="/lam-viec/chu-the" />
        <Stat label={t('ws.products')} value={products.data?.total} exact={products.data?.totalExact !== false} to="/lam-viec/san-pham" />
        <Card withBorder radius="lg" padding="lg">
          <Text size="sm" c="dark.4" fw={600}>{t('todo.home.shortcuts')}</Text>
          <Stack gap={4} mt={6}>
            <Anchor component={Link} to="/lam-viec/nhap-excel" size="sm">{t('ws.import')}</Anchor>
            <Anchor href="/giay-chung-nhan" size="sm">{t('todo.home.certificates')}</Anchor>
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

/** Council members, advisory teams and inspectors: their to-do list and the screens they work in. */
export function ExpertHome({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('app.workspace'));
  const intro = user.role === 'council' ? t('todo.home.council') : user.role === 'advisory' ? t('todo.home.advisory') : t('todo.home.inspector');
  return (
    <Stack>
      <Title order={1} size="h2">{t('app.workspace')}</Title>
      <TodoList intro={intro} />
      <Group>
        {user.role !== 'inspector' && <Button component={Link} to="/hoi-dong" variant="light">{t('ws.councils')}</Button>}
        {user.role !== 'inspector' && <Button component={Link} to="/ho-so" variant="light">{t('ws.dossiers')}</Button>}
        {user.role === 'inspector' && <Button component={Link} to="/lam-viec/giay-chung-nhan" variant="light">{t('cert.officeTitle')}</Button>}
        <Button component="a" href="/giay-chung-nhan" variant="light">{t('todo.home.certificates')}</Button>
      </Group>
    </Stack>
  );
}
