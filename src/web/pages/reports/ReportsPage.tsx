// The triage queue of consumer reports (/lam-viec/phan-anh): the reports about products in the officer's or
// inspector's scope, oldest first, one card per report (phones first), with the status, the category, the product
// and the service-level date; a form to record a report received by phone, letter or in person.
import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, withQuery } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatTotal } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useFetch } from '../../useFetch.js';
import type { ReportOut } from '../../../modules/supervision/reports.contract.js';

export type Categories = { serviceLevel: { workingDays: number }; items: { code: string; name: string; nameEn: string }[] };
type List = { items: ReportOut[]; total: number; totalExact: boolean; nextCursor: string | null };
const STATUSES = ['received', 'triaging', 'investigating', 'closed', 'merged'] as const;
const CHANNELS = ['phone', 'letter', 'email', 'in_person'] as const;

export function useCategories() {
  const cats = useFetch<Categories>('/api/v1/report-categories');
  const { pickName } = useLocalized();
  const name = (code: string) => { const c = cats.data?.items.find((x) => x.code === code); return c ? pickName(c.name, c.nameEn) : code; };
  return { data: cats.data, name, options: (cats.data?.items ?? []).map((c) => ({ value: c.code, label: pickName(c.name, c.nameEn) })) };
}

export function StatusBadge({ r }: { r: Pick<ReportOut, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  const color = r.status === 'closed' ? 'green' : r.status === 'merged' ? 'gray' : r.status === 'investigating' ? 'blue' : 'yellow';
  return (
    <Group gap={4}>
      <Badge color={color} variant="light" data-status={r.status}>{t(`reports.status.${r.status}`)}</Badge>
      {r.overdue && <Badge color="red" variant="filled">{t('reports.overdue')}</Badge>}
    </Group>
  );
}

function RecordForm({ onDone }: { onDone: (reference?: string) => void }) {
  const { t } = useTranslation();
  const cats = useCategories();
  const [q, setQ] = useState('');
  const products = useFetch<{ items: { id: string; name: string; code: string }[] }>(withQuery('/api/v1/products', { q: q.trim() || undefined, pageSize: 20 }));
  const [d, setD] = useState({ productId: '', category: 'other', channel: 'phone', message: '', contact: '', lot: '' });
  const { error, field, busy, submit } = useFormErrors();
  const set = (k: keyof typeof d) => (v: string | null) => setD((x) => ({ ...x, [k]: v ?? '' }));
  let created: string | undefined;
  const save = () => void submit(async () => {
    const r = await api.post<ReportOut>('/api/v1/reports/recorded', { ...d, contact: d.contact || null, lot: d.lot || null });
    created = r.reference;
  }).then((ok) => { if (ok) onDone(created); });
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <Title order={2} size="h5">{t('reports.record.title')}</Title>
        <FormAlert error={error} />
        <Select label={t('reports.record.product')} placeholder={t('reports.record.productSearch')} searchable searchValue={q} onSearchChange={setQ} filter={({ options }) => options}
          data={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))} value={d.productId || null} onChange={set('productId')} error={field('productId')} required nothingFoundMessage="—" />
        <Group grow>
          <Select label={t('reports.act.category')} data={cats.options} value={d.category} onChange={set('category')} allowDeselect={false} error={field('category')} />
          <Select label={t('reports.channelLabel')} data={CHANNELS.map((c) => ({ value: c, label: t(`reports.channel.${c}`) }))} value={d.channel} onChange={set('channel')} allowDeselect={false} />
        </Group>
        <Textarea label={t('reports.message')} value={d.message} onChange={(e) => set('message')(e.currentTarget.value)} autosize minRows={3} error={field('message')} required />
        <Group grow>
          <TextInput label={t('reports.lot')} value={d.lot} onChange={(e) => set('lot')(e.currentTarget.value)} error={field('lot')} />
          <TextInput label={t('reports.contact')} value={d.contact} onChange={(e) => set('contact')(e.currentTarget.value)} error={field('contact')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>{t('channels.cancel')}</Button>
          <Button type="submit" loading={busy} disabled={!d.productId}>{t('reports.record.submit')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function ReportsPage() {
  const { t } = useTranslation();
  const cats = useCategories();
  const [status, setStatus] = useState<string>('open');
  const [category, setCategory] = useState<string | null>(null);
  const [pages, setPages] = useState<ReportOut[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const url = withQuery('/api/v1/reports', { status: status || undefined, category, pageSize: 20, cursor });
  const list = useFetch<List>(url);
  const items = cursor ? [...pages, ...(list.data?.items ?? [])] : (list.data?.items ?? []);
  const filter = (f: () => void) => { setPages([]); setCursor(null); f(); };
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h3">{t('reports.queueTitle')}</Title>
          <Text size="sm" c="dimmed">{t('reports.queueHint', { days: cats.data?.serviceLevel.workingDays ?? '…' })}</Text>
        </div>
        {!recording && <Button onClick={() => { setDone(null); setRecording(true); }}>{t('reports.record.open')}</Button>}
      </Group>
      {done && <Text c="green.8" fw={600} role="status">{t('reports.record.done', { reference: done })}</Text>}
      {recording && <RecordForm onDone={(ref) => { setRecording(false); if (ref) { setDone(ref); filter(() => list.reload()); } }} />}
      <Group grow>
        <Select label={t('reports.filterStatus')} value={status} onChange={(v) => filter(() => setStatus(v ?? ''))} allowDeselect={false}
          data={[{ value: 'open', label: t('reports.open') }, { value: '', label: t('reports.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))]} />
        <Select label={t('reports.filterCategory')} value={category} onChange={(v) => filter(() => setCategory(v))} clearable placeholder={t('reports.allCategories')} data={cats.options} />
      </Group>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : list.loading && items.length === 0 ? <Loading /> : items.length === 0 ? <EmptyState title={t('reports.empty')} /> : (
        <Stack gap="sm">
          {list.data && <Text size="sm" c="dimmed">{t('reports.total', { count: list.data.total, formatted: formatTotal(t, list.data.total, list.data.totalExact) })}</Text>}
          {items.map((r) => (
            <Card key={r.id} withBorder radius="md" data-report={r.reference} component={Link} to={`/lam-viec/phan-anh/${r.reference}`} style={{ textDecoration: 'none', color: 'inherit' }}>
              <Stack gap={4}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <div>
                    <Text fw={700} ff="monospace">{r.reference}</Text>
                    <Text size="sm">{r.product.name}{r.lot ? ` · ${t('reports.lot')} ${r.lot}` : ''}</Text>
                  </div>
                  <StatusBadge r={r} />
                </Group>
                <Text size="sm" c="dimmed">{cats.name(r.category)} · {t(`reports.source.${r.source}`)} · {formatDate(r.createdAt)}</Text>
                <Text size="sm" lineClamp={2}>{r.message}</Text>
                {(r.status === 'received' || r.status === 'triaging' || r.status === 'investigating') && <Text size="xs" c={r.overdue ? 'red.8' : 'dimmed'}>{t('reports.slaDue', { date: formatDate(r.slaDueOn) })}</Text>}
              </Stack>
            </Card>
          ))}
          {list.data?.nextCursor && <Button variant="default" loading={list.loading} onClick={() => { setPages(items); setCursor(list.data!.nextCursor); }}>{t('reports.more')}</Button>}
        </Stack>
      )}
    </Stack>
  );
}
