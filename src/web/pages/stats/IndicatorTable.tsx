// An indicator's table with its export buttons (.xlsx and CSV from the same API route, ?format=).
import { Card, Group, ScrollArea, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ExportButtons } from '../../components/ExportButtons.js';
import type { Indicator } from './types.js';

export type Column = { key: string; label: string; numeric?: boolean; render?: (row: Indicator['rows'][number]) => ReactNode };

export function IndicatorCard({ title, children, exportPath, filters }: { title: string; children: ReactNode; exportPath?: string; filters?: Record<string, string | undefined> }) {
  return (
    <Card withBorder radius="lg" padding="md">
      <Group justify="space-between" align="flex-start" mb="xs" gap="xs">
        <Title order={2} size="h4">{title}</Title>
        {exportPath && <ExportButtons path={exportPath} filters={filters ?? {}} />}
      </Group>
      {children}
    </Card>
  );
}

export function IndicatorTable({ rows, columns, caption, maxHeight }: { rows: Indicator['rows']; columns: Column[]; caption?: string; maxHeight?: number }) {
  const table = (
    <Table striped withTableBorder fz="sm" verticalSpacing={4}>
      {caption && <Table.Caption>{caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>{columns.map((c) => <Table.Th key={c.key} style={c.numeric ? { textAlign: 'right' } : undefined}>{c.label}</Table.Th>)}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>
            {columns.map((c) => <Table.Td key={c.key} style={c.numeric ? { textAlign: 'right', whiteSpace: 'nowrap' } : undefined}>{c.render ? c.render(r) : String(r[c.key] ?? '—')}</Table.Td>)}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  if (!rows.length) return <Text size="sm" c="dark.4">—</Text>;
  return maxHeight ? <ScrollArea.Autosize mah={maxHeight} type="auto">{table}</ScrollArea.Autosize> : <Table.ScrollContainer minWidth={280}>{table}</Table.ScrollContainer>;
}
