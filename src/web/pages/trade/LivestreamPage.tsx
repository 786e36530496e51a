// Livestream sales sessions in the workspace (/lam-viec/livestream): the entity records its own, an office one of an
// entity in its scope; the list exports to .xlsx.
import { Anchor, Button, Card, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { SessionOut } from '../../../modules/trade/fairs.contract.js';

type List<T> = { items: T[]; total: number };
const PLATFORMS = ['tiktok', 'facebook', 'shopee', 'lazada', 'youtube', 'zalo', 'other'] as const;

function SessionForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const scope = { province: user.role === 'province' ? user.provinceCode : undefined, commune: user.role === 'commune' ? user.communeCode : undefined };
  const entities = useFetch<List<{ id: string; name: string }>>(user.role === 'entity' ? null : withQuery('/api/v1/entities', { ...scope, status: 'approved', pageSize: 200 }));
  const [entityId, setEntityId] = useState(user.entityId ?? '');
  const products = useFetch<List<{ id: string; name: string; status: string }>>(entityId ? withQuery('/api/v1/products', { entity: entityId, pageSize: 200 }) : null);
  const [d, setD] = useState({ platform: 'tiktok', title: '', host: '', heldOn: new Date().toISOString().slice(0, 10), url: '', productIds: [] as string[], viewers: 0, orders: 0, salesVnd: 0 });
  const set = (k: keyof typeof d) => (v: unknown) => setD((x) => ({ ...x, [k]: v ?? '' }));
  const { error, field, busy, submit } = useFormErrors();
  const save = () => void submit(() => api.post('/api/v1/livestreams', {
    ...d, title: d.title || null, url: d.url || null, ...(user.role === 'entity' ? {} : { entityId }),
  })).then((ok) => ok && onDone());
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <FormAlert error={error} />
        {user.role !== 'entity' && <Select label={t('livestream.entity')} data={(entities.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} value={entityId || null} onChange={(v) => setEntityId(v ?? '')} searchable error={field('entityId')} required />}
        <Group grow>
          <Select label={t('livestream.platform')} data={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))} value={d.platform} onChange={set('platform')} allowDeselect={false} />
          <TextInput type="date" label={t('livestream.heldOn')} value={d.heldOn} onChange={(e) => set('heldOn')(e.currentTarget.value)} error={field('heldOn')} required />
        </Group>
        <TextInput label={t('livestream.title_')} value={d.title} onChange={(e) => set('title')(e.currentTarget.value)} />
        <TextInput label={t('livestream.host')} value={d.host} onChange={(e) => set('host')(e.currentTarget.value)} error={field('host')} required />
        <TextInput label={t('livestream.url')} type="url" value={d.url} onChange={(e) => set('url')(e.currentTarget.value)} error={field('url')} />
        <MultiSelect label={t('livestream.products')} data={(products.data?.items ?? []).filter((p) => p.status !== 'draft').map((p) => ({ value: p.id, label: p.name }))} value={d.productIds} onChange={set('productIds')} error={field('productIds')} required />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <NumberInput label={t('livestream.viewers')} value={d.viewers} min={0} onChange={(v) => set('viewers')(Number(v) || 0)} error={field('viewers')} />
          <NumberInput label={t('livestream.orders')} value={d.orders} min={0} onChange={(v) => set('orders')(Number(v) || 0)} error={field('orders')} />
          <NumberInput label={t('livestream.salesVnd')} value={d.salesVnd} min={0} thousandSeparator="." decimalSeparator="," onChange={(v) => set('salesVnd')(Number(v) || 0)} error={field('salesVnd')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('fairs.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('fairs.save')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function LivestreamPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const list = useFetch<List<SessionOut>>(withQuery('/api/v1/livestreams', { pageSize: 100 }));
  const [adding, setAdding] = useState(false);
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  const remove = (s: SessionOut) => void api.delete(`/api/v1/livestreams/${s.id}?version=${s.version}`).then(list.reload, list.reload);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h3">{t('livestream.title')}</Title>
        <Anchor size="sm" href="/api/v1/livestreams/export?format=xlsx" download>{t('livestream.export')}</Anchor>
      </Group>
      <Text size="sm">{t('livestream.intro')}</Text>
      {adding ? <SessionForm user={user} onDone={() => { setAdding(false); list.reload(); }} /> : <Button onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>{t('livestream.add')}</Button>}
      {!list.data ? <Loading /> : list.data.items.length === 0 ? <EmptyState title={t('livestream.empty')} /> : list.data.items.map((s) => (
        <Card key={s.id} withBorder radius="md" data-session={s.id}>
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text fw={700}>{s.title ?? t(`platform.${s.platform}`)}</Text>
                <Text size="sm" c="dimmed">{t(`platform.${s.platform}`)} · {formatDate(s.heldOn)} · {s.host}{user.role !== 'entity' ? ` · ${s.entity.name}` : ''}</Text>
              </div>
              {s.actions.includes('delete') && <Button size="xs" variant="subtle" color="red" onClick={() => remove(s)}>{t('livestream.delete')}</Button>}
            </Group>
            <Text size="sm">{t('livestream.line', { viewers: formatNumber(s.viewers), orders: formatNumber(s.orders), sales: formatNumber(s.salesVnd) })}</Text>
            <Text size="sm" c="dimmed">{s.products.map((p) => p.name).join(', ')}</Text>
            {s.url && <a href={s.url} target="_blank" rel="noopener nofollow">{s.url}</a>}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
