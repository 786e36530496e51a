// Officers: the producers in their scope (drafts included), filters in the URL, quick approval, export.
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, withQuery } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { ChoiceFilter, CommuneFilter, communeCodeOrEmpty, ProvinceFilter, SearchFilter, StatusFilter } from '../../components/ListFilters.js';
import { PagedTable } from '../../components/PagedTable.js';
import { formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { ENTITY_STATUSES, ENTITY_TYPES, type EntityAnyOut, type Page } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { useListParams } from './useListParams.js';

export const STATUS_COLOR: Record<string, string> = { pending: 'orange', approved: 'ocop', refused: 'red', draft: 'gray', registered: 'blue', certified: 'ocop', expired: 'orange', revoked: 'red' };
const KEYS = ['q', 'province', 'commune', 'status', 'type'] as const;
const PAGE_SIZE = 25;

export default function EntitiesList() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  usePageTitle(t('ws.entities'));
  const { values, paging, pager, set } = useListParams(KEYS);
  const filters = { q: values.q, province: values.province, commune: communeCodeOrEmpty(values.commune), status: values.status, type: values.type };
  const list = useFetch<Page<EntityAnyOut>>(withQuery('/api/v1/entities', { ...filters, ...paging, pageSize: PAGE_SIZE }));

  async function approve(e: EntityAnyOut) {
    if (!('version' in e)) return;
    try {
      await api.post(`/api/v1/entities/${e.id}/approve`, { version: e.version });
      notifications.show({ color: 'ocop', message: `${t('form.approved')}: ${e.name}` });
      list.reload();
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
          <SearchFilter value={values.q} onChange={(q) => set({ q })} />
          <ProvinceFilter value={values.province} onChange={(province) => set({ province })} />
          <CommuneFilter value={values.commune} onChange={(commune) => set({ commune })} />
          <StatusFilter statuses={ENTITY_STATUSES} labelKey="entityStatus" value={values.status} onChange={(status) => set({ status })} />
          <ChoiceFilter label={t('form.type')} placeholder={t('catalogue.allTypes')} value={values.type} onChange={(type) => set({ type })}
            data={ENTITY_TYPES.map((s) => ({ value: s, label: t(`entityType.${s}`) }))} />
        </SimpleGrid>
      </Card>
      <PagedTable result={list} {...pager} pageSize={PAGE_SIZE} minWidth={720}
        rowKey={(e) => e.id}
        columns={[
          { header: t('list.name'), card: 'title', cell: (e) => <><Anchor component={Link} to={`/lam-viec/chu-the/${e.id}`} fw={600}>{e.name}</Anchor>{'registrationNumber' in e && <Text size="xs" c="dark.3">{e.registrationNumber}</Text>}</> },
          { header: t('form.type'), card: 'detail', cell: (e) => t(`entityType.${e.type}`) },
          { header: t('list.location'), card: 'detail', cell: (e) => <><Text size="sm">{e.communeName}</Text><Text size="xs" c="dark.3">{e.provinceName}</Text></> },
          { header: t('list.status'), card: 'status', cell: (e) => <Badge color={STATUS_COLOR[e.status]} variant="light" style={{ color: '#1f2a33' }}>{t(`entityStatus.${e.status}`)}</Badge> },
          { header: t('ws.products'), cell: (e) => ('productCount' in e ? formatNumber(e.productCount) : '—') },
          { header: t('list.actions'), card: 'actions', cell: (e) => (
            <Group gap={6} wrap="nowrap">
              {e.actions.includes('edit') && <Button component={Link} to={`/lam-viec/chu-the/${e.id}`} size="compact-xs" variant="light">{t('action.edit')}</Button>}
              {e.actions.includes('approve') && <Button size="compact-xs" onClick={() => void approve(e)}>{t('action.approve')}</Button>}
              {e.actions.includes('refuse') && <Button component={Link} to={`/lam-viec/chu-the/${e.id}#refuse`} size="compact-xs" variant="outline" color="red">{t('action.refuse')}</Button>}
            </Group>
          ) },
        ]} />
    </Stack>
  );
}
