// Officers: Excel template → upload → dry-run preview row by row → confirm (all or nothing). Plus whole-scope exports.
import { Alert, Badge, Button, Card, FileInput, Group, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { Pager } from '../../components/Pager.js';
import { useUpload } from '../../components/useUpload.js';
import { formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import type { ImportPreview, ImportRowFilter, ImportRowsPage, ImportTotals } from '../../types.js';
import { usePageTitle } from '../../usePageTitle.js';

const ACTION_COLOR = { create: 'ocop', update: 'blue', unchanged: 'gray', error: 'red' } as const;
const FILTERS: { value: ImportRowFilter; count: keyof ImportTotals }[] = [
  { value: 'all', count: 'rows' }, { value: 'create', count: 'create' }, { value: 'update', count: 'update' },
  { value: 'unchanged', count: 'unchanged' }, { value: 'duplicate', count: 'duplicates' }, { value: 'error', count: 'errors' },
];

/** The preview's rows a page at a time from the server (a 20,000-row file is never one response), by filter. */
function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const [view, setView] = useState<ImportRowsPage>(preview.first);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  function load(show: ImportRowFilter, page: number) {
    setLoading(true);
    setFailed(false);
    api.get<ImportRowsPage>(`/api/v1/imports/${preview.id}/rows?show=${show}&page=${page}`)
      .then(setView, () => setFailed(true)).finally(() => setLoading(false));
  }
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600} id="import-filter-label">{t('imports.show')}</Text>
      <SegmentedControl aria-labelledby="import-filter-label" value={view.show} onChange={(v) => load(v as ImportRowFilter, 1)} disabled={loading}
        data={FILTERS.map((f) => ({ value: f.value, label: `${t(`imports.filters.${f.value}`)} (${formatNumber(preview.totals[f.count])})` }))}
        style={{ flexWrap: 'wrap' }} />
      {failed && <Alert color="red" role="alert">{t('imports.pageFailed')}</Alert>}
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder verticalSpacing="xs" aria-label={t('imports.step3')} aria-busy={loading}>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('imports.sheet')}</Table.Th><Table.Th>{t('imports.row')}</Table.Th><Table.Th>{t('imports.label')}</Table.Th><Table.Th>{t('imports.action')}</Table.Th><Table.Th>{t('imports.details')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.rows.map((r) => (
              <Table.Tr key={`${r.sheet}:${r.row}`} className={r.action === 'error' ? 'import-error-row' : undefined} data-row={r.row}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="sm">{r.sheet}</Text></Table.Td>
                <Table.Td><Text size="sm" fw={600}>{r.row}</Text></Table.Td>
                <Table.Td><Text size="sm">{r.label}</Text></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><Badge styles={{ root: { minWidth: 'max-content' }, label: { overflow: 'visible' } }} color={ACTION_COLOR[r.action]} variant={r.action === 'error' ? 'filled' : 'light'}>{t(`imports.actions.${r.action}`)}</Badge></Table.Td>
                <Table.Td>
                  {r.errors.map((e, i) => (
                    <Text key={i} size="sm" c="red.9"><Text span fw={700}>{e.column}</Text>: {pick(e.message)}</Text>
                  ))}
                  {r.changes.length > 0 && <Text size="sm">{t('imports.changes', { columns: r.changes.map((c) => c.column).join(', ') })}</Text>}
                  {r.duplicates.map((d) => (
                    <Text key={d.code} size="sm" c="orange.9">{t('imports.duplicateOf', { code: d.code, name: d.name, set: d.productSet })}</Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {view.total === 0 && <Text size="sm" c="dark.4">{t('imports.noRows')}</Text>}
      <Pager total={view.total} pageSize={view.pageSize} page={view.page} onChange={(p) => load(view.show, p)} />
    </Stack>
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('imports.title'));
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [committed, setCommitted] = useState<{ created: number; updated: number; unchanged: number } | null>(null);
  const errors = useFormErrors();
  const up = useUpload();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setPreview(null);
    setCommitted(null);
    const form = new FormData();
    form.append('file', file);
    void errors.submit(async () => setPreview(await up.send<ImportPreview>('/api/v1/imports/preview', form)));
  }

  function commit() {
    if (!preview) return;
    void errors.submit(async () => {
      const result = await api.post<{ created: number; updated: number; unchanged: number }>(`/api/v1/imports/${preview.id}/commit`);
      setCommitted(result);
      setPreview(null);
      setFile(null);
      notifications.show({ color: 'ocop', message: t('imports.committed', { created: formatNumber(result.created), updated: formatNumber(result.updated), unchanged: formatNumber(result.unchanged) }) });
    });
  }

  const totals = preview?.totals;
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">{t('imports.title')}</Title>
        <Text c="dark.4" maw={760}>{t('imports.intro')}</Text>
      </div>
      <Card withBorder radius="lg" padding="lg">
        <Title order={2} size="h4">{t('imports.step1')}</Title>
        <Text size="sm" c="dark.4" mb="sm">{t('imports.templateHint')}</Text>
        <Group><Button component="a" href="/api/v1/imports/template" download variant="light">{t('imports.template')}</Button></Group>
      </Card>
      <Card withBorder radius="lg" padding="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2} size="h4">{t('imports.step2')}</Title>
            <Group align="flex-end" gap="sm">
              <FileInput label={t('imports.file')} value={file} onChange={(f) => { setFile(f); setPreview(null); setCommitted(null); }} clearable
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" style={{ flex: 1, minWidth: 220 }} error={errors.field('file')} name="file" />
              <Button type="submit" disabled={!file} loading={up.busy}>{t('imports.preview')}</Button>
            </Group>
            {up.busy && (
              <Stack gap={4} aria-live="polite">
                <Progress value={up.percent ?? 0} animated size="lg" aria-label={t('imports.uploading', { percent: up.percent ?? 0 })} />
                <Text size="sm" c="dark.4">{(up.percent ?? 0) < 100 ? t('imports.uploading', { percent: up.percent ?? 0 }) : t('imports.checking')}</Text>
              </Stack>
            )}
            <FormAlert error={errors.error} />
          </Stack>
        </form>
      </Card>
      {committed && <Alert color="ocop" role="status" title={t('form.saved')}>{t('imports.committed', { created: formatNumber(committed.created), updated: formatNumber(committed.updated), unchanged: formatNumber(committed.unchanged) })}</Alert>}
      {preview && totals && (
        <Card withBorder radius="lg" padding="lg">
          <Stack>
            <Group justify="space-between" align="center">
              <div>
                <Title order={2} size="h4">{t('imports.step3')}</Title>
                <Text size="sm" c="dark.4">{preview.fileName}</Text>
              </div>
              <Group gap="xs">
                <Badge size="lg" variant="light" color="gray">{formatNumber(totals.rows)} {t('imports.row').toLowerCase()}</Badge>
                <Badge size="lg" variant="light" color="ocop">{formatNumber(totals.create)} {t('imports.actions.create').toLowerCase()}</Badge>
                <Badge size="lg" variant="light" color="blue">{formatNumber(totals.update)} {t('imports.actions.update').toLowerCase()}</Badge>
                <Badge size="lg" variant="light" color="gray">{formatNumber(totals.unchanged)} {t('imports.actions.unchanged').toLowerCase()}</Badge>
                {totals.duplicates > 0 && <Badge size="lg" variant="light" color="orange">{formatNumber(totals.duplicates)} {t('imports.filters.duplicate').toLowerCase()}</Badge>}
                <Badge size="lg" variant={totals.errors ? 'filled' : 'light'} color="red">{formatNumber(totals.errors)} {t('imports.actions.error').toLowerCase()}</Badge>
              </Group>
            </Group>
            {totals.errors > 0
              ? <Alert color="red" role="alert">{t('imports.hasErrors', { count: totals.errors })}</Alert>
              : <Alert color="ocop">{t('imports.noErrors')}</Alert>}
            {totals.duplicates > 0 && <Alert color="orange">{t('imports.hasDuplicates', { count: totals.duplicates })}</Alert>}
            {totals.rows > 0 && totals.unchanged === totals.rows && <Alert color="gray">{t('imports.allUnchanged')}</Alert>}
            <PreviewTable key={preview.id} preview={preview} />
            <Group>
              <Button size="md" onClick={commit} disabled={totals.errors > 0 || totals.rows === 0} loading={errors.busy}>{t('imports.commit')}</Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Card withBorder radius="lg" padding="lg">
        <Title order={2} size="h4">{t('imports.exportTitle')}</Title>
        <Text size="sm" c="dark.4" mb="sm">{t('imports.exportIntro')}</Text>
        <Stack gap="xs">
          <Group gap="sm"><Text size="sm" fw={600} w={110}>{t('ws.entities')}</Text><ExportButtons path="/api/v1/entities/export" filters={{}} /></Group>
          <Group gap="sm"><Text size="sm" fw={600} w={110}>{t('ws.products')}</Text><ExportButtons path="/api/v1/products/export" filters={{}} /></Group>
        </Stack>
      </Card>
    </Stack>
  );
}
