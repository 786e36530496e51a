// Sales channels in the workspace (/lam-viec/kenh-ban-hang): the entity records its own channels (phone first: one
// card per channel, the form inline), the commune or province checks the evidence and verifies or rejects them.
import { Alert, Badge, Button, Card, FileInput, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { useUpload } from '../../components/useUpload.js';
import { formatDate, formatNumber } from '../../format.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { ChannelOut } from '../../../modules/trade/channels.contract.js';

// The channel types come from the server (data/trade/channels.json), so the screen never holds a list of its own.
type ChannelTypes = { items: { code: string; modern: boolean }[] };

type List = { items: ChannelOut[]; total: number };
type Draft = { type: string; partnerName: string; shopUrl: string; productId: string; priceVnd: number | ''; startsOn: string; endsOn: string; note: string };
const emptyDraft = (): Draft => ({ type: 'supermarket', partnerName: '', shopUrl: '', productId: '', priceVnd: '', startsOn: new Date().toISOString().slice(0, 10), endsOn: '', note: '' });
const draftOf = (c: ChannelOut): Draft => ({ type: c.type, partnerName: c.partnerName, shopUrl: c.shopUrl ?? '', productId: c.product?.id ?? '', priceVnd: c.priceVnd ?? '', startsOn: c.startsOn, endsOn: c.endsOn ?? '', note: c.note ?? '' });
const bodyOf = (d: Draft) => ({
  type: d.type, partnerName: d.partnerName, shopUrl: d.shopUrl || null, productId: d.productId || null,
  priceVnd: d.priceVnd === '' ? null : d.priceVnd, startsOn: d.startsOn, endsOn: d.endsOn || null, note: d.note || null,
});

function StatusBadge({ c }: { c: ChannelOut }) {
  const { t } = useTranslation();
  const color = c.status === 'verified' ? 'green' : c.status === 'rejected' ? 'red' : 'yellow';
  return (
    <Group gap={4}>
      <Badge color={color} variant="light">{t(`channelStatus.${c.status}`)}</Badge>
      {c.modern && <Badge variant="outline">{t('channels.modern')}</Badge>}
      {!c.current && <Badge color="gray" variant="outline">{t('channels.ended')}</Badge>}
    </Group>
  );
}

function ChannelForm({ channel, products, onDone }: { channel?: ChannelOut; products: { value: string; label: string }[]; onDone: () => void }) {
  const { t } = useTranslation();
  const types = useFetch<ChannelTypes>('/api/v1/channel-types');
  const [d, setD] = useState<Draft>(channel ? draftOf(channel) : emptyDraft());
  const { error, field, busy, submit } = useFormErrors();
  const set = (k: keyof Draft) => (v: string | number | null) => setD((x) => ({ ...x, [k]: v ?? '' }));
  const save = () => void submit(async () => {
    if (channel) await api.patch(`/api/v1/channels/${channel.id}`, { ...bodyOf(d), version: channel.version });
    else await api.post('/api/v1/channels', bodyOf(d));
  }).then((ok) => { if (ok) onDone(); });
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <FormAlert error={error} />
        {channel?.status === 'verified' && <Text size="sm" c="dimmed">{t('channels.reverify')}</Text>}
        <Select label={t('channels.type')} data={(types.data?.items ?? [{ code: d.type, modern: false }]).map((v) => ({ value: v.code, label: t(`channelType.${v.code}`) }))} value={d.type} onChange={set('type')} error={field('type')} allowDeselect={false} required />
        <TextInput label={t('channels.partnerName')} value={d.partnerName} onChange={(e) => set('partnerName')(e.currentTarget.value)} error={field('partnerName')} required />
        <TextInput label={t('channels.shopUrl')} type="url" inputMode="url" value={d.shopUrl} onChange={(e) => set('shopUrl')(e.currentTarget.value)} error={field('shopUrl')} />
        <Select label={t('channels.product')} data={[{ value: '', label: t('channels.allProducts') }, ...products]} value={d.productId} onChange={set('productId')} error={field('productId')} />
        {d.productId && <NumberInput label={t('channels.priceVnd')} value={d.priceVnd} onChange={(v) => set('priceVnd')(typeof v === 'number' ? v : '')} min={1} thousandSeparator="." decimalSeparator="," error={field('priceVnd')} />}
        <Group grow>
          <TextInput label={t('channels.startsOn')} type="date" value={d.startsOn} onChange={(e) => set('startsOn')(e.currentTarget.value)} error={field('startsOn')} required />
          <TextInput label={t('channels.endsOn')} type="date" value={d.endsOn} onChange={(e) => set('endsOn')(e.currentTarget.value)} error={field('endsOn')} />
        </Group>
        <Textarea label={t('channels.note')} value={d.note} onChange={(e) => set('note')(e.currentTarget.value)} autosize minRows={2} error={field('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('channels.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('channels.save')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Evidence({ c, onDone }: { c: ChannelOut; onDone: () => void }) {
  const { t } = useTranslation();
  const { busy, send } = useUpload();
  const [error, setError] = useState<unknown>(null);
  const pick = (file: File | null) => {
    if (!file) return;
    const form = new FormData();
    form.append('version', String(c.version));
    form.append('file', file);
    setError(null);
    send(`/api/v1/channels/${c.id}/evidence`, form).then(onDone, setError);
  };
  return (
    <Stack gap={4}>
      {c.evidence ? <a href={c.evidence.url} target="_blank" rel="noopener">{t('channels.openEvidence')}</a> : <Text size="sm" c="dimmed">{t('channels.noEvidence')}</Text>}
      {c.actions?.includes('upload') && <FileInput label={t('channels.uploadEvidence')} accept="application/pdf,image/jpeg,image/png,image/webp" onChange={pick} disabled={busy} clearable={false} />}
      <FormAlert error={error} />
    </Stack>
  );
}

function ChannelCard({ c, children }: { c: ChannelOut; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" data-channel={c.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text fw={700}>{c.partnerName}</Text>
            <Text size="sm" c="dimmed">{t(`channelType.${c.type}`)} · {c.product?.name ?? t('channels.allProducts')}</Text>
          </div>
          <StatusBadge c={c} />
        </Group>
        {c.shopUrl && <a href={c.shopUrl} target="_blank" rel="noopener nofollow">{c.shopUrl}</a>}
        <Text size="sm">{formatDate(c.startsOn)} – {c.endsOn ? formatDate(c.endsOn) : '…'}{c.priceVnd !== null ? ` · ${t('channels.price', { price: formatNumber(c.priceVnd) })}` : ''}</Text>
        {c.status === 'rejected' && c.statusReason && <Alert color="red" p="xs">{t('channels.reason', { text: c.statusReason })}</Alert>}
        {children}
      </Stack>
    </Card>
  );
}

/** The entity's own channels. */
export function EntityChannels({ user }: { user: User }) {
  const { t } = useTranslation();
  const list = useFetch<List>(withQuery('/api/v1/channels', { entity: user.entityId, pageSize: 200 }));
  const products = useFetch<{ items: { id: string; name: string }[] }>(withQuery('/api/v1/products', { entity: user.entityId, pageSize: 200 }));
  const [editing, setEditing] = useState<string | null>(null);
  const options = (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const done = () => { setEditing(null); list.reload(); };
  const remove = (c: ChannelOut) => void api.delete(`/api/v1/channels/${c.id}?version=${c.version}`).then(list.reload, list.reload);
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Stack>
      <Title order={1} size="h3">{t('channels.title')}</Title>
      <Text size="sm">{t('channels.intro')}</Text>
      {editing === 'new' ? <ChannelForm products={options} onDone={done} /> : <Button onClick={() => setEditing('new')} style={{ alignSelf: 'flex-start' }}>{t('channels.add')}</Button>}
      {list.loading && !list.data ? <Loading /> : list.data?.items.length === 0 ? <EmptyState title={t('channels.empty')} /> : (
        list.data?.items.map((c) => (editing === c.id ? <ChannelForm key={c.id} channel={c} products={options} onDone={done} /> : (
          <ChannelCard key={c.id} c={c}>
            <Evidence c={c} onDone={list.reload} />
            <Group gap="xs">
              {c.actions?.includes('edit') && <Button size="xs" variant="light" onClick={() => setEditing(c.id)}>{t('channels.edit')}</Button>}
              {c.actions?.includes('delete') && <Button size="xs" variant="subtle" color="red" onClick={() => remove(c)}>{t('channels.delete')}</Button>}
            </Group>
          </ChannelCard>
        )))
      )}
    </Stack>
  );
}

function Decide({ c, onDone }: { c: ChannelOut; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const { error, field, busy, submit } = useFormErrors();
  const verify = () => void submit(() => api.post(`/api/v1/channels/${c.id}/verify`, { version: c.version })).then((ok) => ok && onDone());
  const reject = () => void submit(() => api.post(`/api/v1/channels/${c.id}/reject`, { version: c.version, reason })).then((ok) => ok && onDone());
  return (
    <Stack gap="xs">
      <FormAlert error={error} />
      {rejecting && <Textarea label={t('channels.rejectReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={field('reason')} autosize minRows={2} />}
      <Group gap="xs">
        {c.actions?.includes('verify') && !rejecting && <Button size="xs" color="green" loading={busy} onClick={verify}>{t('channels.verify')}</Button>}
        {c.actions?.includes('reject') && <Button size="xs" color="red" variant={rejecting ? 'filled' : 'light'} loading={busy} onClick={() => (rejecting ? reject() : setRejecting(true))}>{t('channels.reject')}</Button>}
      </Group>
    </Stack>
  );
}

/** The commune's or province's queue: unverified channels in scope, oldest first. */
export function ChannelQueue() {
  const { t } = useTranslation();
  const list = useFetch<List>(withQuery('/api/v1/channels', { status: 'unverified', sort: 'createdAt', pageSize: 50 }));
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Stack>
      <Title order={1} size="h3">{t('channels.queueTitle')}</Title>
      <Text size="sm">{t('channels.queueIntro')}</Text>
      {list.loading && !list.data ? <Loading /> : list.data?.items.length === 0 ? <EmptyState title={t('channels.queueEmpty')} /> : (
        list.data?.items.map((c) => (
          <ChannelCard key={c.id} c={c}>
            <Text size="sm" fw={600}>{c.entity.name}</Text>
            <Evidence c={c} onDone={list.reload} />
            <Decide c={c} onDone={list.reload} />
          </ChannelCard>
        ))
      )}
    </Stack>
  );
}

export default function ChannelsPage({ user }: { user: User }) {
  return user.role === 'entity' ? <EntityChannels user={user} /> : <ChannelQueue />;
}
