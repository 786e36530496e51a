// Products in the user's scope: an entity member sees their own; officers filter their commune, province or the
// whole country. Buttons follow the `actions` the API returns.
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { ChoiceFilter, CommuneFilter, communeCodeOrEmpty, ProvinceFilter, SearchFilter, StatusFilter } from '../../components/ListFilters.js';
import { PagedTable } from '../../components/PagedTable.js';
import { Stars } from '../../components/Stars.js';
import { formatDate } from '../../format.js';
import { useClassification } from '../../reference.js';
import { PRODUCT_STATUSES, type EntityAnyOut, type Page, type ProductOut, type User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { isOfficer } from '../../roles.js';
import { STATUS_COLOR } from './EntitiesList.js';
import { useListParams } from './useListParams.js';

const KEYS = ['q', 'province', 'commune', 'status', 'group'] as const;
const PAGE_SIZE = 25;

export default function ProductsList({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const officer = isOfficer(user);
  usePageTitle(t(officer ? 'ws.products' : 'ws.myProducts'));
  const { values, paging, pager, set } = useListParams(KEYS);
  const classification = useClassification();
  const filters = {
    q: values.q, province: values.province, commune: communeCodeOrEmpty(values.commune), status: values.status, group: values.group,
    entity: officer ? undefined : user.entityId ?? undefined,
  };
  const list = useFetch<Page<ProductOut>>(withQuery('/api/v1/products', { ...filters, sort: '-updatedAt', ...paging, pageSize: PAGE_SIZE }));
  const { data: own } = useFetch<EntityAnyOut>(!officer && user.entityId ? `/api/v1/entities/${user.entityId}` : null);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">{t(officer ? 'ws.products' : 'ws.myProducts')}</Title>
        <Group gap="xs">
          {own?.actions.includes('createProduct') && <Button component={Link} to={`/lam-viec/san-pham/moi?entity=${own.id}`}>{t('action.createProduct')}</Button>}
          {officer && <ExportButtons path="/api/v1/products/export" filters={filters} />}
        </Group>
      </Group>
      <Card withBorder radius="lg" padding="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: officer ? 5 : 3 }} spacing="sm">
          <SearchFilter value={values.q} onChange={(q) => set({ q })} />
          {officer && <ProvinceFilter value={values.province} onChange={(province) => set({ province })} />}
          {officer && <CommuneFilter value={values.commune} onChange={(commune) => set({ commune })} />}
          <StatusFilter statuses={PRODUCT_STATUSES} labelKey="productStatus" value={values.status} onChange={(status) => set({ status })} />
          <ChoiceFilter label={t('catalogue.group')} placeholder={t('catalogue.allGroups')} searchable value={values.group} onChange={(group) => set({ group })}
            data={(classification?.sectors ?? []).map((s) => ({ group: `${s.code}. ${en ? s.nameEn : s.name}`, items: s.groups.map((g) => ({ value: g.code, label: en ? g.nameEn : g.name })) }))} />
        </SimpleGrid>
      </Card>
      <PagedTable result={list} {...pager} pageSize={PAGE_SIZE} minWidth={760}
        rowKey={(p) => p.id}
        columns={[
          { header: t('list.name'), card: 'title', cell: (p) => (
            <>
              {p.actions.includes('edit')
                ? <Anchor component={Link} to={`/lam-viec/san-pham/${p.id}`} fw={600}>{p.name}</Anchor>
                : <Anchor href={`/san-pham/${p.id}`} fw={600}>{p.name}</Anchor>}
              <Text size="xs" c="dark.3" ff="monospace">{p.code} · {formatDate(p.updatedAt)}</Text>
            </>
          ) },
          { header: t('product.entity'), card: 'detail', cell: (p) => <Text size="sm">{p.entity.name}</Text> },
          { header: t('list.location'), cell: (p) => <><Text size="sm">{p.communeName}</Text><Text size="xs" c="dark.3">{p.provinceName}</Text></> },
          { header: t('list.status'), card: 'status', cell: (p) => <Badge color={STATUS_COLOR[p.status]} variant="light" style={{ color: '#1f2a33' }}>{t(`productStatus.${p.status}`)}</Badge> },
          { header: t('product.stars'), card: 'stars', cell: (p) => <Stars count={p.stars} size={14} /> },
          { header: t('list.actions'), card: 'actions', cell: (p) => p.actions.includes('edit') && <Button component={Link} to={`/lam-viec/san-pham/${p.id}`} size="compact-xs" variant="light" aria-label={`${t('action.edit')}: ${p.name}`}>{t('action.edit')}</Button> },
        ]} />
    </Stack>
  );
}
