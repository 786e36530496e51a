// Raw-material areas in the workspace (/lam-viec/vung-nguyen-lieu): the entity records its areas (a point from
// latitude and longitude, or a pasted GeoJSON outline), the commune or province verifies or rejects them.
import { Alert, Anchor, Badge, Button, Card, Group, MultiSelect, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatNumber } from '../../format.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { AreaOut } from '../../../modules/registry/areas.contract.js';

const KINDS = ['crop', 'livestock', 'aquaculture', 'forest', 'mixed'];
const STANDARDS = ['none', 'vietgap', 'globalgap', 'organic', 'pgs', 'other'];

function AreaForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const products = useFetch<{ items: { id: string; name: string }[] }>(withQuery('/api/v1/products', { entity: user.entityId, pageSize: 200 }));
  const [d, setD] = useState({ name: '', kind: 'crop', produce: '', farmingStandard: 'vietgap', lat: '' as number | '', lon: '' as number | '', geojson: '', areaHa: '' as number | '', productIds: [] as string[], certNumber: '', certIssuer: '', certExpires: '' });
  const { error, field, busy, submit } = useFormErrors();
  const set = (k: keyof typeof d) => (v: unknown) => setD((x) => ({ ...x, [k]: v ?? '' }));
  const save = () => void submit(() => {
    let location: unknown = { type: 'Point', coordinates: [d.lon, d.lat] };
    if (d.geojson.trim()) { try { location = JSON.parse(d.geojson); } catch { location = d.geojson; } }
    return api.post('/api/v1/raw-material-areas', {
      name: d.name, kind: d.kind, produce: d.produce.split(',').map((s) => s.trim()).filter(Boolean), farmingStandard: d.farmingStandard, location,
      areaHa: d.areaHa === '' ? null : d.areaHa, productIds: d.productIds,
      certificates: d.certNumber ? [{ number: d.certNumber, issuer: d.certIssuer || '—', standard: d.farmingStandard, expiresOn: d.certExpires || null }] : [],
    });
  }).then((ok) => ok && onDone());
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <FormAlert error={error} />
        <TextInput label={t('cap.areas.name')} value={d.name} onChange={(e) => set('name')(e.currentTarget.value)} error={field('name')} required />
        <Group grow>
          <Select label={t('cap.areas.kind')} data={KINDS.map((k) => ({ value: k, label: t(`cap.areas.kinds.${k}`) }))} value={d.kind} onChange={set('kind')} allowDeselect={false} />
          <Select label={t('cap.areas.standard')} data={STANDARDS.map((k) => ({ value: k, label: t(`cap.areas.standards.${k}`) }))} value={d.farmingStandard} onChange={set('farmingStandard')} allowDeselect={false} />
        </Group>
        <TextInput label={t('cap.areas.produce')} value={d.produce} onChange={(e) => set('produce')(e.currentTarget.value)} error={field('produce')} required />
        <Group grow>
          <NumberInput label={t('cap.areas.lat')} value={d.lat} onChange={set('lat')} decimalScale={6} />
          <NumberInput label={t('cap.areas.lon')} value={d.lon} onChange={set('lon')} decimalScale={6} />
        </Group>
        <Textarea label={t('cap.areas.geojson')} value={d.geojson} onChange={(e) => set('geojson')(e.currentTarget.value)} autosize minRows={2} error={field('location') ?? field('location.coordinates') ?? field('location.coordinates.0')} styles={{ input: { fontFamily: 'monospace' } }} />
        <NumberInput label={t('cap.areas.size')} value={d.areaHa} onChange={set('areaHa')} min={0} decimalScale={2} error={field('areaHa')} />
        <MultiSelect label={t('cap.areas.products')} data={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} value={d.productIds} onChange={set('productIds')} error={field('productIds')} />
        <Group grow>
          <TextInput label={t('cap.areas.certNumber')} value={d.certNumber} onChange={(e) => set('certNumber')(e.currentTarget.value)} />
          <TextInput label={t('cap.areas.certIssuer')} value={d.certIssuer} onChange={(e) => set('certIssuer')(e.currentTarget.value)} />
          <TextInput type="date" label={t('cap.areas.certExpires')} value={d.certExpires} onChange={(e) => set('certExpires')(e.currentTarget.value)} />
        </Group>
        <Group justify="flex-end"><Button variant="default" onClick={onDone}>{t('cap.areas.cancel')}</Button><Button type="submit" loading={busy}>{t('cap.areas.save')}</Button></Group>
      </Stack>
    </Card>
  );
}

function Decide({ a, onDone }: { a: AreaOut; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const { error, busy, submit } = useFormErrors();
  return (
    <Stack gap="xs">
      <FormAlert error={error} />
      {rejecting && <Textarea label={t('cap.areas.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />}
      <Group gap="xs">
        {a.actions?.includes('verify') && !rejecting && <Button size="xs" color="green" loading={busy} onClick={() => void submit(() => api.post(`/api/v1/raw-material-areas/${a.id}/verify`, { version: a.version })).then((ok) => ok && onDone())}>{t('cap.areas.verify')}</Button>}
        {a.actions?.includes('reject') && <Button size="xs" color="red" variant={rejecting ? 'filled' : 'light'} loading={busy} onClick={() => (rejecting ? void submit(() => api.post(`/api/v1/raw-material-areas/${a.id}/reject`, { version: a.version, reason })).then((ok) => ok && onDone()) : setRejecting(true))}>{t('cap.areas.reject')}</Button>}
      </Group>
    </Stack>
  );
}

export default function AreasPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const list = useFetch<{ items: AreaOut[] }>(withQuery('/api/v1/raw-material-areas', { pageSize: 100, ...(user.role === 'entity' ? {} : { status: 'unverified' }) }));
  const [adding, setAdding] = useState(false);
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  const remove = (a: AreaOut) => void api.delete(`/api/v1/raw-material-areas/${a.id}?version=${a.version}`).then(list.reload, list.reload);
  return (
    <Stack>
      <Title order={1} size="h3">{t('cap.areas.title')}</Title>
      <Text size="sm">{user.role === 'entity' ? t('cap.areas.intro') : t('cap.areas.queueIntro')}</Text>
      {user.role === 'entity' && (adding ? <AreaForm user={user} onDone={() => { setAdding(false); list.reload(); }} /> : <Button style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)}>{t('cap.areas.add')}</Button>)}
      {list.loading && !list.data ? <Loading /> : list.data?.items.length === 0 ? <EmptyState title={t('cap.areas.empty')} /> : list.data?.items.map((a) => (
        <Card key={a.id} withBorder radius="md" data-area={a.id}>
          <Stack gap={4}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text fw={700}>{a.name}</Text>
              <Badge color={a.status === 'verified' ? 'green' : a.status === 'rejected' ? 'red' : 'yellow'} variant="light">{t(`cap.areas.status.${a.status}`)}</Badge>
            </Group>
            <Text size="sm">{t(`cap.areas.kinds.${a.kind}`)} · {a.produce.join(', ')} · {t(`cap.areas.standards.${a.farmingStandard}`)}{a.areaHa !== null ? ` · ${t('cap.areas.ha', { n: formatNumber(a.areaHa) })}` : ''}</Text>
            {user.role !== 'entity' && <Text size="sm" fw={600}>{a.entity.name}</Text>}
            {a.products.length > 0 && <Text size="sm" c="dimmed">{a.products.map((p) => p.name).join(', ')}</Text>}
            {a.certificates?.map((c) => <Text key={c.number} size="sm">{c.number} — {c.issuer}{c.expiresOn ? ` (${c.expiresOn})` : ''}</Text>)}
            <Anchor size="sm" href={`https://www.openstreetmap.org/?mlat=${a.latitude}&mlon=${a.longitude}#map=14/${a.latitude}/${a.longitude}`} target="_blank" rel="noopener">{t('cap.areas.onMap')}</Anchor>
            {a.status === 'rejected' && a.statusReason && <Alert color="red" p="xs">{a.statusReason}</Alert>}
            <Decide a={a} onDone={list.reload} />
            {a.actions?.includes('delete') && <Button size="xs" variant="subtle" color="red" onClick={() => remove(a)} style={{ alignSelf: 'flex-start' }}>{t('cap.areas.delete')}</Button>}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
