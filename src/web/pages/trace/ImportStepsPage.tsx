// A producer records many steps at once from a spreadsheet: template → upload → preview row by row → confirm (all or
// nothing). The same flow as the officers' registry import, on a phone: one column of cards, the errors first.
import { Alert, Badge, Button, Card, FileInput, Group, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { useUpload } from '../../components/useUpload.js';
import { formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import type { StepImportPreview, StepImportResult, StepImportRow } from '../../types.js';
import { usePageTitle } from '../../usePageTitle.js';

const ACTION_COLOR = { create: 'ocop', unchanged: 'gray', error: 'red' } as const;
const FILTERS = ['all', 'create', 'unchanged', 'error'] as const;
type Filter = (typeof FILTERS)[number];

function RowCard({ r }: { r: StepImportRow }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  return (
    <Card withBorder radius="md" padding="sm" component="li" data-row={r.row} className={r.action === 'error' ? 'import-error-row' : undefined}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="xs" c="dark.4">{t('trace.importSteps.row', { row: r.row })}</Text>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {r.lot || '—'}{r.step ? ` · ${t(`trace.step.${r.step}`)}` : ''}
          </Text>
          {r.productName && <Text size="xs" c="dark.4">{r.productName}</Text>}
          {(r.at || r.placeName) && (
            <Text size="xs">
              {r.at ? new Date(r.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }) : ''}
              {r.placeName ? ` · ${r.placeName}` : ''}{r.destinationName ? ` ${t('trace.importSteps.to', { place: r.destinationName })}` : ''}
            </Text>
          )}
        </div>
        <Stack gap={4} align="flex-end">
          <Badge color={ACTION_COLOR[r.action]} variant={r.action === 'error' ? 'filled' : 'light'} styles={{ root: { minWidth: 'max-content' } }}>{t(`trace.importSteps.actions.${r.action}`)}</Badge>
          {r.newLot && <Badge color="blue" variant="light">{t('trace.importSteps.newLot')}</Badge>}
        </Stack>
      </Group>
      {r.errors.map((e, i) => (
        <Text key={i} size="sm" c="red.9" mt={4}>
          <Text span fw={700}>{t(`trace.importSteps.columns.${e.field}`, { defaultValue: e.column })}</Text>: {pick(e.message)}
        </Text>
      ))}
    </Card>
  );
}

export default function ImportStepsPage() {
  const { t } = useTranslation();
  const { lang } = useLocalized();
  usePageTitle(t('trace.importSteps.title'));
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<StepImportPreview | null>(null);
  const [show, setShow] = useState<Filter>('all');
  const [committed, setCommitted] = useState<StepImportResult | null>(null);
  const errors = useFormErrors();
  const up = useUpload();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setPreview(null);
    setCommitted(null);
    const form = new FormData();
    form.append('file', file);
    void errors.submit(async () => {
      const p = await up.send<StepImportPreview>('/api/v1/trace/imports/preview', form);
      setShow(p.totals.errors ? 'error' : 'all');
      setPreview(p);
    });
  }

  function commit() {
    if (!preview) return;
    void errors.submit(async () => {
      const result = await api.post<StepImportResult>(`/api/v1/trace/imports/${preview.id}/commit`);
      setCommitted(result);
      setPreview(null);
      setFile(null);
      notifications.show({ color: 'ocop', message: t('trace.importSteps.committed', { recorded: formatNumber(result.recorded), lots: formatNumber(result.lots), unchanged: formatNumber(result.unchanged) }) });
    });
  }

  const totals = preview?.totals;
  const shown = preview ? preview.rows.filter((r) => show === 'all' || r.action === show) : [];
  const count = (f: Filter) => (!totals ? 0 : f === 'all' ? totals.rows : f === 'error' ? totals.errors : totals[f]);
  return (
    <Stack>
      <div>
        <Button component={Link} to="/lam-viec/truy-xuat" variant="subtle" size="compact-sm" px={0}>← {t('trace.importSteps.back')}</Button>
        <Title order={1} size="h2">{t('trace.importSteps.title')}</Title>
        <Text c="dark.4" maw={760}>{t('trace.importSteps.intro')}</Text>
      </div>
      <Card withBorder radius="lg" padding="md">
        <Text size="sm" c="dark.4" mb="sm">{t('trace.importSteps.templateHint')}</Text>
        <Button component="a" href={`/api/v1/trace/imports/template?lang=${lang}`} download variant="light" fullWidth>{t('trace.importSteps.template')}</Button>
      </Card>
      <Card withBorder radius="lg" padding="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FileInput label={t('trace.importSteps.file')} value={file} onChange={(f) => { setFile(f); setPreview(null); setCommitted(null); }} clearable
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" error={errors.field('file')} name="file" />
            <Button type="submit" size="md" disabled={!file} loading={up.busy}>{t('trace.importSteps.preview')}</Button>
            {up.busy && (
              <Stack gap={4} aria-live="polite">
                <Progress value={up.percent ?? 0} animated size="lg" aria-label={t('trace.importSteps.uploading', { percent: up.percent ?? 0 })} />
                <Text size="sm" c="dark.4">{(up.percent ?? 0) < 100 ? t('trace.importSteps.uploading', { percent: up.percent ?? 0 }) : t('trace.importSteps.checking')}</Text>
              </Stack>
            )}
            <FormAlert error={errors.error} />
          </Stack>
        </form>
      </Card>
      {committed && (
        <Alert color="ocop" role="status" title={t('form.saved')}>
          {t('trace.importSteps.committed', { recorded: formatNumber(committed.recorded), lots: formatNumber(committed.lots), unchanged: formatNumber(committed.unchanged) })}
        </Alert>
      )}
      {preview && totals && (
        <Card withBorder radius="lg" padding="md">
          <Stack gap="sm">
            <div>
              <Title order={2} size="h4">{t('trace.importSteps.check')}</Title>
              <Text size="sm" c="dark.4" style={{ overflowWrap: 'anywhere' }}>{preview.fileName}</Text>
            </div>
            <Group gap={6}>
              {(['rows', 'create', 'unchanged', 'newLots', 'errors'] as const).map((k) => (
                <Badge key={k} variant={k === 'errors' && totals.errors ? 'filled' : 'light'} color={k === 'errors' ? 'red' : k === 'create' ? 'ocop' : k === 'newLots' ? 'blue' : 'gray'}>
                  {formatNumber(totals[k])} {t(`trace.importSteps.totals.${k}`)}
                </Badge>
              ))}
            </Group>
            {totals.errors > 0
              ? <Alert color="red" role="alert">{t('trace.importSteps.hasErrors', { count: totals.errors })}</Alert>
              : totals.rows > 0 && totals.unchanged === totals.rows
                ? <Alert color="gray">{t('trace.importSteps.allUnchanged')}</Alert>
                : <Alert color="ocop">{t('trace.importSteps.noErrors')}</Alert>}
            <Text size="sm" fw={600} id="step-filter-label">{t('trace.importSteps.show')}</Text>
            <SegmentedControl aria-labelledby="step-filter-label" value={show} onChange={(v) => setShow(v as Filter)} fullWidth orientation="vertical"
              data={FILTERS.map((f) => ({ value: f, label: `${t(`trace.importSteps.filters.${f}`)} (${formatNumber(count(f))})` }))} />
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('trace.importSteps.check')}>
              {shown.map((r) => <RowCard key={`${r.sheet}:${r.row}`} r={r} />)}
            </Stack>
            <Button size="lg" onClick={commit} disabled={totals.errors > 0 || totals.rows === 0} loading={errors.busy}>
              {t('trace.importSteps.commit', { count: totals.create })}
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
