// The audit trail of a record: who did what and when, with before → after for every changed field.
import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.js';
import type { History as HistoryData } from '../types.js';
import { useFetch } from '../useFetch.js';
import { ErrorState, Loading } from './States.js';

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function HistoryPanel({ url }: { url: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useFetch<HistoryData>(url);
  const actionLabel = (a: string) => (i18n.exists(`history.actions.${a}`) ? t(`history.actions.${a}`) : a);
  return (
    <Stack gap="sm" component="section" aria-label={t('history.title')}>
      <Title order={2} size="h4">{t('history.title')}</Title>
      {error ? <ErrorState error={error} onRetry={reload} /> : loading && !data ? <Loading /> : !data?.items.length ? <Text c="dimmed">{t('history.empty')}</Text> : (
        data.items.map((item) => {
          const before = (item.before ?? {}) as Record<string, unknown>;
          const after = (item.after ?? {}) as Record<string, unknown>;
          const fields = item.changes.filter((f) => f !== 'version');
          return (
            <Card key={item.id} withBorder radius="md" padding="sm">
              <Group justify="space-between" gap="xs">
                <Group gap="xs"><Badge variant="light">{actionLabel(item.action)}</Badge><Text size="sm">{t('history.by', { name: item.actorName ?? t('history.system') })}</Text></Group>
                <Text size="xs" c="dark.3">{formatDateTime(item.at)}</Text>
              </Group>
              {fields.length > 0 && (
                <Table.ScrollContainer minWidth={360} mt="xs">
                  <Table fz="xs" withTableBorder striped>
                    <Table.Thead><Table.Tr><Table.Th>{t('history.field')}</Table.Th><Table.Th>{t('history.before')}</Table.Th><Table.Th>{t('history.after')}</Table.Th></Table.Tr></Table.Thead>
                    <Table.Tbody>
                      {fields.map((f) => (
                        <Table.Tr key={f}>
                          <Table.Td ff="monospace">{f}</Table.Td>
                          <Table.Td c="red.9" style={{ wordBreak: 'break-word' }}>{show(before[f])}</Table.Td>
                          <Table.Td c="ocop.9" style={{ wordBreak: 'break-word' }}>{show(after[f])}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
          );
        })
      )}
    </Stack>
  );
}
