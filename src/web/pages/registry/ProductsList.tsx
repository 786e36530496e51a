// Products in the user's scope: an entity member sees their own; officers filter their commune, province or the
// whole country. Buttons follow the `actions` the API returns.
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { Pager } from '../../components/Pager.js';
import { Stars } from '../../components/Stars.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import { useClassification, useProvinces } from '../../reference.js';
import { PRODUCT_STATUSES, type EntityOut, type Page, type ProductOut, type User } from '../../types.js';
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
  const { values, page, set } = useListParams(KEYS);
  const [q, setQ] = useState(values.q);
  const [debounced] = useDebouncedValue(q, 300);
  useEffect(() => { if (debounced !== values.q) set({ q: debounced }); }, [debounced]);
  const provinces = useProvinces();
  const classification = useClassification();
  const filters = {
    q: values.q, province: values.province, commune: /^\d{5}$/.test(values.commune) ? values.commune : '', status: values.status, group: values.group,
    entity: officer ? undefined : user.entityId ?? undefined,
  };
  const { data, error, loading, reload } = useFetch<Page<ProductOut>>(withQuery('/api/v1/products', { ...filters, sort: '-updatedAt', page, pageSize: PAGE_SIZE }));
  const { data: own } = useFetch<EntityOut>(!officer && user.entityId ? `/api/v1/entities/${user.entityId}` : null);

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
          <TextInput label={t('list.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} type="search" />
          {officer && <Select label={t('catalogue.province')} placeholder={t('catalogue.allProvinces')} clearable searchable value={values.province || null}
            data={(provinces ?? []).map((p) => ({ value: p.code, label: en ? p.nameEn : p.name }))} onChange={(v) => set({ province: v ?? '' })} />}
          {officer && <TextInput label={t('list.commune')} value={values.commune} inputMode="numeric" maxLength={5} onChange={(e) => set({ commune: e.currentTarget.value.replace(/\D/g, '') })} />}
          <Select label={t('list.status')} placeholder={t('list.allStatuses')} clearable value={values.status || null}
            data={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`productStatus.${s}`) }))} onChange={(v) => set({ status: v ?? '' })} />
          <Select label={t('catalogue.group')} placeholder={t('catalogue.allGroups')} clearable searchable value={values.group || null}
            data={(classification?.sectors ?? []).map((s) => ({ group: `${s.code}. ${en ? s.nameEn : s.name}`, items: s.groups.map((g) => ({ value: g.code, label: en ? g.nameEn : g.name })) }))}
            onChange={(v) => set({ group: v ?? '' })} />
        </SimpleGrid>
      </Card>
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading /> : (
        <Card withBorder radius="lg" padding={0} style={{ opacity: loading ? 0.6 : 1 }}>
          <Text size="sm" c="dark.4" p="sm">{t('list.total', { n: formatNumber(data.total) })}</Text>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr><Table.Th>{t('list.name')}</Table.Th><Table.Th>{t('product.entity')}</Table.Th><Table.Th>{t('list.location')}</Table.Th><Table.Th>{t('list.status')}</Table.Th><Table.Th>{t('product.stars')}</Table.Th><Table.Th>{t('list.actions')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.length === 0 && <Table.Tr><Table.Td colSpan={6}><Text c="dimmed" ta="center" py="md">{t('list.empty')}</Text></Table.Td></Table.Tr>}
                {data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={p.actions.includes('edit') ? `/lam-viec/san-pham/${p.id}` : `/san-pham/${p.id}`} fw={600}>{p.name}</Anchor>
                      <Text size="xs" c="dark.3" ff="monospace">{p.code} · {formatDate(p.updatedAt)}</Text>
                    </Table.Td>
                    <Table.Td><Text size="sm">{p.entity.name}</Text></Table.Td>
                    <Table.Td><Text size="sm">{p.communeName}</Text><Text size="xs" c="dark.3">{p.provinceName}</Text></Table.Td>
                    <Table.Td><Badge color={STATUS_COLOR[p.status]} variant="light">{t(`productStatus.${p.status}`)}</Badge></Table.Td>
                    <Table.Td><Stars count={p.stars} size={14} /></Table.Td>
                    <Table.Td>
                      {p.actions.includes('edit') && <Button component={Link} to={`/lam-viec/san-pham/${p.id}`} size="compact-xs" variant="light" aria-label={`${t('action.edit')}: ${p.name}`}>{t('action.edit')}</Button>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={data.total} pageSize={PAGE_SIZE} page={page} onChange={(p) => set({ page: String(p) })} />
          <div style={{ height: 12 }} />
        </Card>
      )}
    </Stack>
  );
}
