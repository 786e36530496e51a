// Officers: the producers in their scope (drafts included), filters in the URL, quick approval, export.
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, withQuery } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { Pager } from '../../components/Pager.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { ApiError } from '../../api.js';
import { useProvinces } from '../../reference.js';
import { ENTITY_STATUSES, ENTITY_TYPES, type EntityOut, type Page } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { useListParams } from './useListParams.js';

export const STATUS_COLOR: Record<string, string> = { pending: 'orange', approved: 'ocop', refused: 'red', draft: 'gray', registered: 'blue', certified: 'ocop', expired: 'orange', revoked: 'red' };
const KEYS = ['q', 'province', 'commune', 'status', 'type'] as const;
const PAGE_SIZE = 25;

export default function EntitiesList() {
  const { t, i18n } = useTranslation();
  const { pick } = useLocalized();
  usePageTitle(t('ws.entities'));
  const { values, page, set } = useListParams(KEYS);
  const [q, setQ] = useState(values.q);
  const [debounced] = useDebouncedValue(q, 300);
  useEffect(() => { if (debounced !== values.q) set({ q: debounced }); }, [debounced]);
  const provinces = useProvinces();
  const filters = { q: values.q, province: values.province, commune: /^\d{5}$/.test(values.commune) ? values.commune : '', status: values.status, type: values.type };
  const { data, error, loading, reload } = useFetch<Page<EntityOut>>(withQuery('/api/v1/entities', { ...filters, page, pageSize: PAGE_SIZE }));

  async function approve(e: EntityOut) {
    try {
      await api.post(`/api/v1/entities/${e.id}/approve`, { version: e.version });
      notifications.show({ color: 'ocop', message: `${t('form.approved')}: ${e.name}` });
      reload();
    } catch (err) {
      notifications.show({ color: 'red', message: err instanceof ApiError ? pick(err.problem.message) : String(err) });
    }
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">{t('ws.entities')}</Title>
        <ExportButtons path="/api/v1/entities/export" filters={filters} />
      </Group>
      <Card withBorder radius="lg" padding="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <TextInput label={t('list.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} type="search" />
          <Select label={t('catalogue.province')} placeholder={t('catalogue.allProvinces')} clearable searchable value={values.province || null}
            data={(provinces ?? []).map((p) => ({ value: p.code, label: i18n.language === 'en' ? p.nameEn : p.name }))} onChange={(v) => set({ province: v ?? '' })} />
          <TextInput label={t('list.commune')} value={values.commune} inputMode="numeric" maxLength={5} onChange={(e) => set({ commune: e.currentTarget.value.replace(/\D/g, '') })} />
          <Select label={t('list.status')} placeholder={t('list.allStatuses')} clearable value={values.status || null}
            data={ENTITY_STATUSES.map((s) => ({ value: s, label: t(`entityStatus.${s}`) }))} onChange={(v) => set({ status: v ?? '' })} />
          <Select label={t('form.type')} placeholder={t('catalogue.allTypes')} clearable value={values.type || null}
            data={ENTITY_TYPES.map((s) => ({ value: s, label: t(`entityType.${s}`) }))} onChange={(v) => set({ type: v ?? '' })} />
        </SimpleGrid>
      </Card>
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading /> : (
        <Card withBorder radius="lg" padding={0} style={{ opacity: loading ? 0.6 : 1 }}>
          <Text size="sm" c="dark.4" p="sm">{t('list.total', { n: formatNumber(data.total) })}</Text>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr><Table.Th>{t('list.name')}</Table.Th><Table.Th>{t('form.type')}</Table.Th><Table.Th>{t('list.location')}</Table.Th><Table.Th>{t('list.status')}</Table.Th><Table.Th>{t('ws.products')}</Table.Th><Table.Th>{t('list.actions')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.length === 0 && <Table.Tr><Table.Td colSpan={6}><Text c="dimmed" ta="center" py="md">{t('list.empty')}</Text></Table.Td></Table.Tr>}
                {data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td><Anchor component={Link} to={`/lam-viec/chu-the/${e.id}`} fw={600}>{e.name}</Anchor><Text size="xs" c="dark.3">{e.registrationNumber}</Text></Table.Td>
                    <Table.Td>{t(`entityType.${e.type}`)}</Table.Td>
                    <Table.Td><Text size="sm">{e.communeName}</Text><Text size="xs" c="dark.3">{e.provinceName}</Text></Table.Td>
                    <Table.Td><Badge color={STATUS_COLOR[e.status]} variant="light">{t(`entityStatus.${e.status}`)}</Badge></Table.Td>
                    <Table.Td>{formatNumber(e.productCount)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {e.actions.includes('edit') && <Button component={Link} to={`/lam-viec/chu-the/${e.id}`} size="compact-xs" variant="light">{t('action.edit')}</Button>}
                        {e.actions.includes('approve') && <Button size="compact-xs" onClick={() => void approve(e)}>{t('action.approve')}</Button>}
                        {e.actions.includes('refuse') && <Button component={Link} to={`/lam-viec/chu-the/${e.id}#refuse`} size="compact-xs" variant="outline" color="red">{t('action.refuse')}</Button>}
                      </Group>
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
