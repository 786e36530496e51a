// Where each role lands after logging in.
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../api.js';
import { ProductCard } from '../../components/ProductCard.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import type { EntityAnyOut, Page, ProductOut, User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import EntityDetail from '../registry/EntityDetail.js';

/** An entity member: their producer's profile, with the approval status first. */
export function EntityHome({ user }: { user: User }) {
  const { t } = useTranslation();
  if (!user.entityId) return <><Title order={1} size="h2">{t('ws.myEntity')}</Title><Alert color="orange">{t('ws.noEntity')}</Alert></>;
  return <EntityDetail id={user.entityId} />;
}

function Stat({ label, value, to }: { label: string; value: number | undefined; to: string }) {
  return (
    <Card withBorder radius="lg" padding="lg" component={Link} to={to} className="product-card">
      <Text size="sm" c="dark.4" fw={600}>{label}</Text>
      <Text fz={32} fw={800} c="ocop.9">{value === undefined ? '…' : formatNumber(value)}</Text>
    </Card>
  );
}

/** Commune, province and central officers: counts, the registrations waiting for a decision, and shortcuts. */
export function OfficerHome({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('app.workspace'));
  const scope = { province: user.role === 'province' ? user.provinceCode : undefined, commune: user.role === 'commune' ? user.communeCode : undefined };
  const entities = useFetch<Page<EntityAnyOut>>(withQuery('/api/v1/entities', { ...scope, pageSize: 1 }));
  const products = useFetch<Page<ProductOut>>(withQuery('/api/v1/products', { ...scope, pageSize: 1 }));
  const pending = useFetch<Page<EntityAnyOut>>(withQuery('/api/v1/entities', { ...scope, status: 'pending', pageSize: 8, sort: '-createdAt' }));
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">{t('app.workspace')}</Title>
        <Text c="dark.4">{t('ws.officerIntro')}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat label={t('ws.entities')} value={entities.data?.total} to="/lam-viec/chu-the" />
        <Stat label={t('ws.products')} value={products.data?.total} to="/lam-viec/san-pham" />
        <Stat label={t('entityStatus.pending')} value={pending.data?.total} to="/lam-viec/chu-the?status=pending" />
      </SimpleGrid>
      <Card withBorder radius="lg" padding="lg">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">{t('ws.pendingCount', { count: pending.data?.total ?? 0 })}</Title>
          <Button component={Link} to="/lam-viec/nhap-excel" variant="light" size="xs">{t('ws.import')}</Button>
        </Group>
        {pending.error ? <ErrorState error={pending.error} /> : !pending.data ? <Loading /> : pending.data.items.length === 0 ? <Text c="dimmed">{t('list.empty')}</Text> : (
          <Stack gap="xs">
            {pending.data.items.map((e) => (
              <Group key={e.id} justify="space-between" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/lam-viec/chu-the/${e.id}`} fw={600}>{e.name}</Anchor>
                  <Text size="xs" c="dark.3">{t(`entityType.${e.type}`)} · {e.communeName}, {e.provinceName} · {formatDate(e.createdAt)}</Text>
                </div>
                <Badge color="orange" variant="light">{t('entityStatus.pending')}</Badge>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

/** Council, advisory and inspector roles: their scope and the public catalogue until their screens arrive. */
export function LaterHome() {
  const { t } = useTranslation();
  usePageTitle(t('app.workspace'));
  const { data } = useFetch<Page<ProductOut>>(withQuery('/api/v1/products', { sort: '-stars', pageSize: 8 }));
  return (
    <Stack>
      <Title order={1} size="h2">{t('ws.laterTitle')}</Title>
      <Alert color="ocop" variant="light">{t('ws.later')}</Alert>
      <Group><Button component={Link} to="/">{t('ws.openCatalogue')}</Button></Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>{(data?.items ?? []).map((p) => <ProductCard key={p.id} product={p} />)}</SimpleGrid>
    </Stack>
  );
}
