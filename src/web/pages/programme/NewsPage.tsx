// News and guidance in the workspace (/lam-viec/tin-tuc): the central and provincial offices write articles in
// Vietnamese (English optional), add images, publish and withdraw them. Phone first: one card per article, the form
// inline.
import { Badge, Button, Card, FileInput, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api.js';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { useUpload } from '../../components/useUpload.js';
import { formatDate } from '../../format.js';
import { useFetch } from '../../useFetch.js';
import type { ArticleOut } from '../../../modules/programme/news.contract.js';

const KINDS = ['article', 'guide', 'announcement'] as const;
type Draft = { kind: string; titleVi: string; summaryVi: string; bodyVi: string; titleEn: string; summaryEn: string; bodyEn: string };
const empty: Draft = { kind: 'article', titleVi: '', summaryVi: '', bodyVi: '', titleEn: '', summaryEn: '', bodyEn: '' };
const draftOf = (a: ArticleOut): Draft => ({ kind: a.kind, titleVi: a.titleVi, summaryVi: a.summaryVi, bodyVi: a.bodyVi, titleEn: a.titleEn ?? '', summaryEn: a.summaryEn ?? '', bodyEn: a.bodyEn ?? '' });
const bodyOf = (d: Draft) => ({ kind: d.kind, titleVi: d.titleVi, summaryVi: d.summaryVi, bodyVi: d.bodyVi, titleEn: d.titleEn || null, summaryEn: d.summaryEn || null, bodyEn: d.bodyEn || null });

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Badge color={status === 'published' ? 'green' : status === 'draft' ? 'gray' : 'orange'} variant="light">{t(`publicationStatus.${status}`)}</Badge>;
}

function ArticleForm({ article, onDone }: { article?: ArticleOut; onDone: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(article ? draftOf(article) : empty);
  const { error, field, busy, submit } = useFormErrors();
  const set = (k: keyof Draft) => (v: string | null) => setD((x) => ({ ...x, [k]: v ?? '' }));
  const save = () => void submit(async () => {
    if (article) await api.patch(`/api/v1/news/${article.id}`, { ...bodyOf(d), version: article.version });
    else await api.post('/api/v1/news', bodyOf(d));
  }).then((ok) => { if (ok) onDone(); });
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <FormAlert error={error} />
        <Select label={t('content.kind')} data={KINDS.map((k) => ({ value: k, label: t(`newsKind.${k}`) }))} value={d.kind} onChange={set('kind')} allowDeselect={false} error={field('kind')} />
        <TextInput label={t('content.titleVi')} value={d.titleVi} onChange={(e) => set('titleVi')(e.currentTarget.value)} error={field('titleVi')} required />
        <Textarea label={t('content.summaryVi')} value={d.summaryVi} onChange={(e) => set('summaryVi')(e.currentTarget.value)} error={field('summaryVi')} autosize minRows={2} required />
        <Textarea label={t('content.bodyVi')} description={t('content.bodyHelp')} value={d.bodyVi} onChange={(e) => set('bodyVi')(e.currentTarget.value)} error={field('bodyVi')} autosize minRows={6} required />
        <TextInput label={t('content.titleEn')} value={d.titleEn} onChange={(e) => set('titleEn')(e.currentTarget.value)} error={field('titleEn')} />
        <Textarea label={t('content.summaryEn')} value={d.summaryEn} onChange={(e) => set('summaryEn')(e.currentTarget.value)} error={field('summaryEn')} autosize minRows={2} />
        <Textarea label={t('content.bodyEn')} value={d.bodyEn} onChange={(e) => set('bodyEn')(e.currentTarget.value)} error={field('bodyEn')} autosize minRows={4} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('content.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('content.save')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ImageUpload({ url, label, accept = 'image/jpeg,image/png,image/webp', kind, onDone }: { url: string; label: string; accept?: string; kind?: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { busy, send } = useUpload();
  const [caption, setCaption] = useState('');
  const [error, setError] = useState<unknown>(null);
  const pick = (file: File | null) => {
    if (!file) return;
    const form = new FormData();
    if (caption) form.append('caption', caption);
    if (kind) form.append('kind', file.type === 'application/pdf' ? 'document' : 'image');
    form.append('file', file);
    setError(null);
    send(url, form).then(() => { setCaption(''); onDone(); }, setError);
  };
  return (
    <Stack gap={4}>
      <TextInput size="xs" label={t('content.caption')} value={caption} onChange={(e) => setCaption(e.currentTarget.value)} />
      <FileInput size="xs" label={label} accept={accept} onChange={pick} disabled={busy} clearable={false} />
      <FormAlert error={error} />
    </Stack>
  );
}
export { ImageUpload as UploadField };

export function PublishButtons({ item, path, onDone }: { item: { id: string; version?: number; actions?: string[]; pageUrl: string; status: string }; path: string; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const { error, busy, submit } = useFormErrors();
  const act = async (step: 'publish' | 'unpublish') => {
    if (step === 'unpublish' && !(await confirm.ask({ title: t('content.unpublish'), next: item.pageUrl, confirmLabel: t('content.unpublish'), danger: true }))) return;
    void submit(() => api.post(`${path}/${item.id}/${step}`, { version: item.version })).then((ok) => ok && onDone());
  };
  return (
    <Stack gap={4}>
      <FormAlert error={error} />
      <Group gap="xs">
        {item.actions?.includes('publish') && <Button size="xs" color="green" loading={busy} onClick={() => void act('publish')}>{t('content.publish')}</Button>}
        {item.actions?.includes('unpublish') && <Button size="xs" color="red" variant="light" loading={busy} onClick={() => void act('unpublish')}>{t('content.unpublish')}</Button>}
        {item.status === 'published' && <Button size="xs" variant="subtle" component="a" href={item.pageUrl} target="_blank">{t('content.view')}</Button>}
      </Group>
      {confirm.modal}
    </Stack>
  );
}

export default function NewsPage() {
  const { t } = useTranslation();
  const list = useFetch<{ items: ArticleOut[] }>(withQuery('/api/v1/news', { sort: '-createdAt', pageSize: 100 }));
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => { setEditing(null); list.reload(); };
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  // The office's own articles (the list holds every published one too).
  const mine = (list.data?.items ?? []).filter((a) => a.actions?.length || a.status !== 'published');
  return (
    <Stack>
      <Title order={1} size="h3">{t('content.newsTitle')}</Title>
      <Text size="sm">{t('content.newsIntro')}</Text>
      {editing === 'new' ? <ArticleForm onDone={done} /> : <Button onClick={() => setEditing('new')} style={{ alignSelf: 'flex-start' }}>{t('content.add')}</Button>}
      {list.loading && !list.data ? <Loading /> : mine.length === 0 ? <EmptyState title={t('content.empty')} /> : mine.map((a) => (editing === a.id ? <ArticleForm key={a.id} article={a} onDone={done} /> : (
        <Card key={a.id} withBorder radius="md" data-article={a.slug}>
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Text fw={700}>{a.titleVi}</Text>
                <Text size="sm" c="dimmed">{t(`newsKind.${a.kind}`)} · {a.publisher}{a.publishedAt ? ` · ${formatDate(a.publishedAt)}` : ''}</Text>
              </div>
              <StatusBadge status={a.status} />
            </Group>
            <Text size="sm">{a.summaryVi}</Text>
            {a.images.length > 0 && <Group gap={4}>{a.images.map((i) => <img key={i.id} src={i.url} alt={i.caption ?? ''} width={64} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} />)}</Group>}
            {a.actions?.includes('upload') && <ImageUpload url={`/api/v1/news/${a.id}/images`} label={t('content.image')} onDone={list.reload} />}
            <Group gap="xs">{a.actions?.includes('edit') && <Button size="xs" variant="light" onClick={() => setEditing(a.id)}>{t('content.edit')}</Button>}</Group>
            <PublishButtons item={a} path="/api/v1/news" onDone={list.reload} />
          </Stack>
        </Card>
      )))}
    </Stack>
  );
}
