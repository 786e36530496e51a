// One consumer report for the officers and inspectors in scope (/lam-viec/phan-anh/:reference): what was reported,
// the photos, the reporter's contact (each read logged), duplicates, the history, and the actions the server offers
// (triage and assign, merge a duplicate, link an inspection, close with the resolution).
import { Alert, Anchor, Button, Card, Checkbox, Group, Image, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api.js';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { HistoryPanel } from '../../components/History.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import type { ReportOut } from '../../../modules/supervision/reports.contract.js';
import { StatusBadge, useCategories } from './ReportsPage.js';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return <div><Text size="xs" c="dimmed">{label}</Text><Text size="sm">{children}</Text></div>;
}

function Actions({ r, onDone }: { r: ReportOut; onDone: (next: ReportOut) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const cats = useCategories();
  const confirm = useConfirm();
  const { error, field, busy, submit } = useFormErrors();
  const [category, setCategory] = useState(r.category);
  const [mine, setMine] = useState(r.assignedTo?.id === user?.id);
  const [investigate, setInvestigate] = useState(false);
  const [into, setInto] = useState('');
  const [inspectionId, setInspectionId] = useState('');
  const [resolution, setResolution] = useState('');
  const post = (path: string, body: Record<string, unknown>) => void submit(async () => {
    onDone(await api.post<ReportOut>(`/api/v1/reports/${r.reference}/${path}`, { version: r.version, ...body }));
  });
  const close = async () => {
    if (!(await confirm.ask({ title: t('reports.act.close'), next: t('reports.act.confirmClose', { reference: r.reference }), confirmLabel: t('reports.act.closeButton') }))) return;
    post('close', { resolution });
  };
  return (
    <Stack gap="sm">
      {confirm.modal}
      <FormAlert error={error} />
      <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); post('triage', { category, assignedTo: mine ? user?.id : r.assignedTo && r.assignedTo.id !== user?.id ? r.assignedTo.id : null, investigate: investigate || undefined }); }}>
        <Stack gap="xs">
          <Title order={2} size="h5">{t('reports.act.triage')}</Title>
          <Select label={t('reports.act.category')} data={cats.options} value={category} onChange={(v) => setCategory(v ?? category)} allowDeselect={false} error={field('category')} />
          <Checkbox label={t('reports.act.assignMe')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
          {r.status !== 'investigating' && <Checkbox label={t('reports.act.investigate')} checked={investigate} onChange={(e) => setInvestigate(e.currentTarget.checked)} />}
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>{t('reports.act.save')}</Button>
        </Stack>
      </Card>
      <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); post('link', { inspectionId: inspectionId.trim() }); }}>
        <Stack gap="xs">
          <Title order={2} size="h5">{t('reports.act.link')}</Title>
          <TextInput label={t('reports.act.inspectionId')} value={inspectionId} onChange={(e) => setInspectionId(e.currentTarget.value)} error={field('inspectionId')} />
          <Button type="submit" variant="default" loading={busy} disabled={!inspectionId.trim()} style={{ alignSelf: 'flex-start' }}>{t('reports.act.linkButton')}</Button>
        </Stack>
      </Card>
      <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); post('merge', { into: into.trim() }); }}>
        <Stack gap="xs">
          <Title order={2} size="h5">{t('reports.act.merge')}</Title>
          <TextInput label={t('reports.act.mergeInto')} description={t('reports.act.mergeHint')} placeholder="PA-2026-XXXXXXXX" value={into} onChange={(e) => setInto(e.currentTarget.value)} error={field('into')} />
          <Button type="submit" variant="default" loading={busy} disabled={!into.trim()} style={{ alignSelf: 'flex-start' }}>{t('reports.act.mergeButton')}</Button>
        </Stack>
      </Card>
      <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); void close(); }}>
        <Stack gap="xs">
          <Title order={2} size="h5">{t('reports.act.close')}</Title>
          <Textarea label={t('reports.resolution')} value={resolution} onChange={(e) => setResolution(e.currentTarget.value)} autosize minRows={3} error={field('resolution')} />
          <Button type="submit" color="green" loading={busy} disabled={resolution.trim().length < 5} style={{ alignSelf: 'flex-start' }}>{t('reports.act.closeButton')}</Button>
        </Stack>
      </Card>
    </Stack>
  );
}

export default function ReportPage() {
  const { t } = useTranslation();
  const { reference = '' } = useParams();
  const cats = useCategories();
  const res = useFetch<ReportOut>(`/api/v1/reports/${encodeURIComponent(reference)}/details`);
  const [historyKey, setHistoryKey] = useState(0);
  if (res.error) return <ErrorState error={res.error} onRetry={res.reload} />;
  const r = res.data;
  if (!r) return <Loading />;
  return (
    <Stack>
      <Anchor component={Link} to="/lam-viec/phan-anh" size="sm">← {t('reports.back')}</Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h3" ff="monospace">{r.reference}</Title>
        <StatusBadge r={r} />
      </Group>
      <Card withBorder radius="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Fact label={t('reports.product')}><Anchor href={`/san-pham/${r.product.id}`}>{r.product.name}</Anchor> <Text span size="xs" c="dimmed">{r.product.code}</Text></Fact>
            <Fact label={t('reports.filterCategory')}>{cats.name(r.category)}</Fact>
            {r.lot && <Fact label={t('reports.lot')}>{r.lot}</Fact>}
            {r.certificate && <Fact label={t('reports.certificate')}><Anchor component={Link} to={`/lam-viec/giay-chung-nhan/${encodeURIComponent(r.certificate.number)}`}>{r.certificate.number}</Anchor></Fact>}
            <Fact label={t('reports.createdAt')}>{formatDateTime(r.createdAt)} · {t(`reports.source.${r.source}`)}{r.channel ? ` (${t(`reports.channel.${r.channel}`)})` : ''}</Fact>
            <Fact label={t('reports.slaDue', { date: '' }).trim()}>{formatDate(r.slaDueOn)}</Fact>
            <Fact label={t('reports.assignedTo')}>{r.assignedTo?.name ?? t('reports.nobody')}</Fact>
            <Fact label={t('reports.contact')}>{r.contact ?? t('reports.noContact')}</Fact>
            {r.inspectionId && <Fact label={t('reports.inspection')}><Text span ff="monospace" size="xs">{r.inspectionId}</Text></Fact>}
            {r.duplicateOf && <Fact label={t('reports.duplicateOf')}><Anchor component={Link} to={`/lam-viec/phan-anh/${r.duplicateOf}`}>{r.duplicateOf}</Anchor></Fact>}
          </SimpleGrid>
          <div>
            <Text size="xs" c="dimmed">{t('reports.message')}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{r.message}</Text>
          </div>
          {r.photos && r.photos.length > 0 && (
            <div>
              <Text size="xs" c="dimmed">{t('reports.photos')}</Text>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                {r.photos.map((p) => <a key={p.id} href={p.url} target="_blank" rel="noopener"><Image src={p.url} alt="" radius="sm" h={120} fit="cover" /></a>)}
              </SimpleGrid>
            </div>
          )}
          {r.duplicates && r.duplicates.length > 0 && (
            <Fact label={t('reports.duplicates')}>{r.duplicates.map((d, i) => <span key={d}>{i > 0 && ', '}<Anchor component={Link} to={`/lam-viec/phan-anh/${d}`}>{d}</Anchor></span>)}</Fact>
          )}
          {r.resolution && <Alert color="green" title={t('reports.resolution')}>{r.resolution}</Alert>}
        </Stack>
      </Card>
      {r.actions.length > 0 && <Actions key={r.version} r={r} onDone={(next) => { res.setData(next); setHistoryKey((k) => k + 1); }} />}
      <HistoryPanel key={historyKey} url={`/api/v1/reports/${r.reference}/history`} />
    </Stack>
  );
}
