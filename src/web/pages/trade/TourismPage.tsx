// Community and eco-tourism destinations in the workspace (/lam-viec/du-lich): those the entity or the office manages,
// and a form to record one (coordinates, season, services, planning zone, the OCOP product of set 26 if rated). The
// public map is the server's page /du-lich.
import { Anchor, Badge, Button, Card, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api.js';
import { CommunePicker } from '../../components/CommunePicker.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { DestinationOut } from '../../../modules/trade/tourism.contract.js';

const KINDS = ['community', 'eco', 'site'] as const;
const SERVICES = ['homestay', 'food', 'guide', 'craft', 'trekking', 'boat', 'camping', 'farm', 'culture', 'shop'] as const;
const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1));

function DestinationForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState({ name: '', kind: 'community', description: '', communeCode: user.communeCode ?? '', latitude: '' as number | '', longitude: '' as number | '', seasonMonths: [] as string[], seasonNote: '', services: [] as string[], planningZone: '', website: '', published: true });
  const set = (k: keyof typeof d) => (v: unknown) => setD((x) => ({ ...x, [k]: v ?? '' }));
  const { error, field, busy, submit } = useFormErrors();
  const save = () => void submit(() => api.post('/api/v1/tourism-destinations', {
    ...d, description: d.description || null, seasonNote: d.seasonNote || null, planningZone: d.planningZone || null, website: d.website || null,
    seasonMonths: d.seasonMonths.map(Number), latitude: d.latitude === '' ? undefined : d.latitude, longitude: d.longitude === '' ? undefined : d.longitude,
  })).then((ok) => ok && onDone());
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <FormAlert error={error} />
        <TextInput label={t('tourism.name')} value={d.name} onChange={(e) => set('name')(e.currentTarget.value)} error={field('name')} required />
        <Select label={t('tourism.kind')} data={KINDS.map((k) => ({ value: k, label: t(`destinationKind.${k}`) }))} value={d.kind} onChange={set('kind')} allowDeselect={false} />
        <CommunePicker value={d.communeCode} onChange={set('communeCode')} label={t('tourism.commune')} error={field('communeCode')} required province={user.role === 'province' ? user.provinceCode ?? undefined : undefined} />
        <Group grow>
          <NumberInput label={t('tourism.latitude')} value={d.latitude} decimalScale={5} min={8} max={24} onChange={(v) => set('latitude')(typeof v === 'number' ? v : '')} error={field('latitude')} required />
          <NumberInput label={t('tourism.longitude')} value={d.longitude} decimalScale={5} min={102} max={118} onChange={(v) => set('longitude')(typeof v === 'number' ? v : '')} error={field('longitude')} required />
        </Group>
        <MultiSelect label={t('tourism.seasonMonths')} data={MONTHS} value={d.seasonMonths} onChange={set('seasonMonths')} error={field('seasonMonths')} />
        <TextInput label={t('tourism.seasonNote')} value={d.seasonNote} onChange={(e) => set('seasonNote')(e.currentTarget.value)} />
        <MultiSelect label={t('tourism.services')} data={SERVICES.map((s) => ({ value: s, label: t(`tourismService.${s}`) }))} value={d.services} onChange={set('services')} error={field('services')} />
        <TextInput label={t('tourism.planningZone')} value={d.planningZone} onChange={(e) => set('planningZone')(e.currentTarget.value)} />
        <TextInput label={t('tourism.website')} type="url" value={d.website} onChange={(e) => set('website')(e.currentTarget.value)} error={field('website')} />
        <Textarea label={t('tourism.description')} value={d.description} onChange={(e) => set('description')(e.currentTarget.value)} autosize minRows={2} />
        <Checkbox label={t('tourism.published')} checked={d.published} onChange={(e) => set('published')(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('fairs.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('fairs.save')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function TourismPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const list = useFetch<{ items: DestinationOut[] }>(withQuery('/api/v1/tourism-destinations', { mine: 'true' }));
  const [adding, setAdding] = useState(false);
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h3">{t('tourism.title')}</Title>
        <Group gap="sm">
          <Anchor size="sm" href="/du-lich">{t('tourism.openMap')}</Anchor>
          <Anchor size="sm" href="/api/v1/tourism-destinations/export?mine=true&format=xlsx" download>{t('tourism.export')}</Anchor>
        </Group>
      </Group>
      <Text size="sm">{t('tourism.intro')}</Text>
      {adding ? <DestinationForm user={user} onDone={() => { setAdding(false); list.reload(); }} /> : <Button onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>{t('tourism.add')}</Button>}
      {!list.data ? <Loading /> : list.data.items.length === 0 ? <EmptyState title={t('tourism.empty')} /> : list.data.items.map((d) => (
        <Card key={d.id} withBorder radius="md" data-destination={d.id}>
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Anchor href={d.url} fw={700}>{d.name}</Anchor>
                <Text size="sm" c="dimmed">{t(`destinationKind.${d.kind}`)} · {d.commune.name}, {d.province.name}</Text>
              </div>
              {!d.published && <Badge color="gray">{t('tourism.hidden')}</Badge>}
            </Group>
            {d.services.length > 0 && <Text size="sm">{d.services.map((s) => t(`tourismService.${s}`)).join(' · ')}</Text>}
            {d.planningZone && <Text size="sm" c="dimmed">{t('tourism.planningZone')}: {d.planningZone}</Text>}
            {d.product && <Text size="sm">{t('tourism.product')}: <Anchor href={d.product.url}>{d.product.name}</Anchor></Text>}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
