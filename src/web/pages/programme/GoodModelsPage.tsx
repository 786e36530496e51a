// Good models in the workspace (/lam-viec/mo-hinh-hay): the offices record case studies, link the product concerned
// (its certificates give the score before and after, its public page links back), attach photos and documents,
// publish and withdraw. The search ignores diacritics, as the public library's does.
import { Button, Card, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { GoodModelOut } from '../../../modules/programme/good-models.contract.js';
import { PublishButtons, StatusBadge, UploadField } from './NewsPage.js';

const TOPICS = ['product_innovation', 'value_chain', 'cooperative', 'digital_sales', 'raw_material', 'community_tourism', 'quality_standards', 'export', 'branding'] as const;
const SECTORS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
type Draft = {
  name: string; summary: string; whatTheyDid: string; results: string; lessons: string; topic: string; sectorCode: string; provinceCode: string; productId: string;
  scoreBefore: number | ''; starsBefore: number | ''; scoreAfter: number | ''; starsAfter: number | '';
};
const num = (v: number | '') => (v === '' ? null : v);

function ProductPicker({ value, initial, onChange }: { value: string; initial?: { id: string; name: string } | null; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>(initial ? [{ value: initial.id, label: initial.name }] : []);
  useEffect(() => {
    if (q.trim().length < 2) return;
    let live = true;
    api.get<{ items: { id: string; name: string; code: string }[] }>(withQuery('/api/v1/products', { q, pageSize: 20 }))
      .then((r) => { if (live) setOptions(r.items.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))); }, () => {});
    return () => { live = false; };
  }, [q]);
  return <Select label={t('content.product')} searchable clearable data={options} value={value || null} onChange={(v) => onChange(v ?? '')} onSearchChange={setQ} filter={({ options: o }) => o} />;
}

function ModelForm({ model, user, onDone }: { model?: GoodModelOut; user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(model ? {
    name: model.name, summary: model.summary, whatTheyDid: model.whatTheyDid, results: model.results, lessons: model.lessons ?? '', topic: model.topic, sectorCode: model.sectorCode,
    provinceCode: model.provinceCode, productId: model.product?.id ?? '', scoreBefore: '', starsBefore: '', scoreAfter: '', starsAfter: '',
  } : { name: '', summary: '', whatTheyDid: '', results: '', lessons: '', topic: 'product_innovation', sectorCode: 'I', provinceCode: user.provinceCode ?? '', productId: '', scoreBefore: '', starsBefore: '', scoreAfter: '', starsAfter: '' });
  const { error, field, busy, submit } = useFormErrors();
  const set = <K extends keyof Draft>(k: K) => (v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const body = () => ({
    name: d.name, summary: d.summary, whatTheyDid: d.whatTheyDid, results: d.results, lessons: d.lessons || null, topic: d.topic, sectorCode: d.sectorCode,
    ...(d.productId ? { productId: d.productId } : { productId: null, provinceCode: d.provinceCode || undefined }),
    ...(d.scoreBefore !== '' || !model ? { scoreBefore: num(d.scoreBefore) } : {}), ...(d.starsBefore !== '' || !model ? { starsBefore: num(d.starsBefore) } : {}),
    ...(d.scoreAfter !== '' || !model ? { scoreAfter: num(d.scoreAfter) } : {}), ...(d.starsAfter !== '' || !model ? { starsAfter: num(d.starsAfter) } : {}),
  });
  const save = () => void submit(async () => {
    if (model) await api.patch(`/api/v1/good-models/${model.id}`, { ...body(), version: model.version });
    else await api.post('/api/v1/good-models', body());
  }).then((ok) => { if (ok) onDone(); });
  const text = (k: 'name' | 'summary' | 'whatTheyDid' | 'results' | 'lessons', rows: number, required = true) => (
    <Textarea label={t(`content.${k}`)} value={d[k]} onChange={(e) => set(k)(e.currentTarget.value)} error={field(k)} autosize minRows={rows} required={required} />
  );
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <FormAlert error={error} />
        {text('name', 1)}
        {text('summary', 2)}
        <Group grow>
          <Select label={t('content.topic')} data={TOPICS.map((x) => ({ value: x, label: t(`goodModelTopic.${x}`) }))} value={d.topic} onChange={(v) => set('topic')(v ?? d.topic)} allowDeselect={false} />
          <Select label={t('content.sector')} data={SECTORS.map((x) => ({ value: x, label: t(`contentSite.sectors.${x}`) }))} value={d.sectorCode} onChange={(v) => set('sectorCode')(v ?? d.sectorCode)} allowDeselect={false} />
        </Group>
        <ProductPicker value={d.productId} initial={model?.product} onChange={set('productId')} />
        {!d.productId && user.role === 'central' && <TextInput label={t('content.provinceCode')} value={d.provinceCode} onChange={(e) => set('provinceCode')(e.currentTarget.value)} error={field('provinceCode')} maxLength={2} inputMode="numeric" />}
        {text('whatTheyDid', 4)}
        {text('results', 3)}
        {text('lessons', 2, false)}
        <Group grow>
          <NumberInput label={t('content.starsBefore')} value={d.starsBefore} onChange={(v) => set('starsBefore')(typeof v === 'number' ? v : '')} min={1} max={5} error={field('starsBefore')} />
          <NumberInput label={t('content.scoreBefore')} value={d.scoreBefore} onChange={(v) => set('scoreBefore')(typeof v === 'number' ? v : '')} min={0} max={100} decimalSeparator="," error={field('scoreBefore')} />
        </Group>
        <Group grow>
          <NumberInput label={t('content.starsAfter')} value={d.starsAfter} onChange={(v) => set('starsAfter')(typeof v === 'number' ? v : '')} min={1} max={5} error={field('starsAfter')} />
          <NumberInput label={t('content.scoreAfter')} value={d.scoreAfter} onChange={(v) => set('scoreAfter')(typeof v === 'number' ? v : '')} min={0} max={100} decimalSeparator="," error={field('scoreAfter')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('content.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('content.save')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

const scoreText = (s: GoodModelOut['before'], t: (k: string, o?: Record<string, unknown>) => string) =>
  (s ? [s.stars ? t('stars.label', { count: s.stars }) : null, s.score !== null ? t('contentSite.points', { score: s.score }) : null].filter(Boolean).join(' · ') : '—');

export default function GoodModelsPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useFetch<{ items: GoodModelOut[] }>(withQuery('/api/v1/good-models', { q, pageSize: 50, province: user.role === 'province' ? user.provinceCode : undefined }));
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => { setEditing(null); list.reload(); };
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Stack>
      <Title order={1} size="h3">{t('content.modelsTitle')}</Title>
      <Text size="sm">{t('content.modelsIntro')}</Text>
      <TextInput type="search" label={t('content.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {editing === 'new' ? <ModelForm user={user} onDone={done} /> : <Button onClick={() => setEditing('new')} style={{ alignSelf: 'flex-start' }}>{t('content.add')}</Button>}
      {list.loading && !list.data ? <Loading /> : list.data?.items.length === 0 ? <EmptyState title={t('content.empty')} /> : list.data?.items.map((m) => (editing === m.id ? <ModelForm key={m.id} model={m} user={user} onDone={done} /> : (
        <Card key={m.id} withBorder radius="md" data-model={m.slug}>
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Text fw={700}>{m.name}</Text>
                <Text size="sm" c="dimmed">{t(`goodModelTopic.${m.topic}`)} · {t(`contentSite.sectors.${m.sectorCode}`)} · {m.provinceName}</Text>
              </div>
              <StatusBadge status={m.status} />
            </Group>
            <Text size="sm">{m.summary}</Text>
            {m.product && <Text size="sm">{t('contentSite.product')}: <a href={`/san-pham/${m.product.id}`}>{m.product.name}</a></Text>}
            <Text size="sm">{t('contentSite.before')}: {scoreText(m.before, t)} → {t('contentSite.after')}: {scoreText(m.after, t)}</Text>
            {m.attachments.length > 0 && <Group gap={6}>{m.attachments.map((a) => <a key={a.id} href={a.url} target="_blank" rel="noopener">{a.caption ?? (a.kind === 'image' ? t('contentSite.images') : t('contentSite.document'))}</a>)}</Group>}
            {m.actions?.includes('upload') && <UploadField url={`/api/v1/good-models/${m.id}/attachments`} label={t('content.attachment')} accept="image/jpeg,image/png,image/webp,application/pdf" kind onDone={list.reload} />}
            <Group gap="xs">{m.actions?.includes('edit') && <Button size="xs" variant="light" onClick={() => setEditing(m.id)}>{t('content.edit')}</Button>}</Group>
            <PublishButtons item={m} path="/api/v1/good-models" onDone={list.reload} />
          </Stack>
        </Card>
      )))}
    </Stack>
  );
}
