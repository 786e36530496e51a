// The audit trail (/lam-viec/nhat-ky): inspectors and the central office search who changed what and when in their
// scope — by record, user, action and period — page on by cursor, and export the matches.
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title, ScrollArea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, withQuery } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDateTime } from '../../format.js';
import { useFetch } from '../../useFetch.js';
import type { auditList, auditVocabularyOut } from '../../../modules/supervision/audit-trail.contract.js';

type List = z.infer<typeof auditList>;
type Filters = { recordType?: string; recordId?: string; user?: string; action?: string; from?: string; to?: string };

export default function AuditTrailPage() {
  const { t } = useTranslation();
  const vocabulary = useFetch<z.infer<typeof auditVocabularyOut>>('/api/v1/audit-trail/vocabulary');
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  const first = useFetch<List>(withQuery('/api/v1/audit-trail', { ...filters, pageSize: 50 }));
  const [more, setMore] = useState<{ forFilters: Filters; items: List['items']; next: string | null } | null>(null);
  const extra = more && more.forFilters === filters ? more : null;
  const items = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const next = extra ? extra.next : first.data?.nextCursor ?? null;
  const loadMore = async () => {
    if (!next) return;
    const page = await api.get<List>(withQuery('/api/v1/audit-trail', { ...filters, pageSize: 50, cursor: next }));
    setMore({ forFilters: filters, items: [...(extra?.items ?? []), ...page.items], next: page.nextCursor });
  };
  const set = (k: keyof Filters) => (v: string | null) => setDraft((d) => ({ ...d, [k]: v || undefined }));
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h3">{t('audit.title')}</Title>
        <Text size="sm" c="dimmed">{t('audit.intro')}</Text>
      </Stack>
      <Card withBorder radius="md" p="md" component="form" onSubmit={(e) => { e.preventDefault(); setFilters({ ...draft }); }}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select label={t('audit.recordType')} placeholder={t('audit.any')} clearable searchable w={200} data={vocabulary.data?.recordTypes ?? []} value={draft.recordType ?? null} onChange={set('recordType')} />
          <TextInput label={t('audit.recordId')} w={200} value={draft.recordId ?? ''} onChange={(e) => set('recordId')(e.currentTarget.value)} />
          <Select label={t('audit.action')} placeholder={t('audit.any')} clearable searchable w={220} data={vocabulary.data?.actions ?? []} value={draft.action ?? null} onChange={set('action')} />
          <TextInput label={t('audit.user')} w={200} value={draft.user ?? ''} onChange={(e) => set('user')(e.currentTarget.value)} />
          <TextInput label={t('audit.from')} type="date" w={160} value={draft.from ?? ''} onChange={(e) => set('from')(e.currentTarget.value)} />
          <TextInput label={t('audit.to')} type="date" w={160} value={draft.to ?? ''} onChange={(e) => set('to')(e.currentTarget.value)} />
          <Button type="submit">{t('audit.search')}</Button>
        </Group>
      </Card>
      <Group justify="flex-end"><ExportButtons path="/api/v1/audit-trail" filters={filters} /></Group>
      {first.error ? <ErrorState error={first.error} onRetry={first.reload} /> : !first.data ? <Loading /> : items.length === 0 ? <Text c="dimmed">{t('audit.empty')}</Text> : (
        <ScrollArea type="auto">
          <Table striped fz="sm" miw={640} data-testid="audit-table">
            <Table.Thead><Table.Tr><Table.Th>{t('audit.at')}</Table.Th><Table.Th>{t('audit.by')}</Table.Th><Table.Th>{t('audit.action')}</Table.Th><Table.Th>{t('audit.record')}</Table.Th><Table.Th>{t('audit.changes')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{formatDateTime(a.at)}</Table.Td>
                <Table.Td>{a.actorName ?? '—'}{a.actorRole && <Text size="xs" c="dimmed">{t(`role.${a.actorRole}`)}</Text>}</Table.Td>
                <Table.Td><Badge variant="light">{a.action}</Badge></Table.Td>
                <Table.Td>{a.recordType}<Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>{a.recordId}</Text></Table.Td>
                <Table.Td>{a.changes.join(', ')}</Table.Td>
              </Table.Tr>
            ))}</Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {next && <Button variant="default" onClick={() => void loadMore()}>{t('audit.more')}</Button>}
    </Stack>
  );
}
