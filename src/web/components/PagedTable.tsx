// One page of a server-side list as a table: the total, the rows (or "nothing found"), page numbers, and the
// loading and error states around them. The page decides the columns and how a row looks.
import { Card, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.js';
import type { Page } from '../types.js';
import { Pager } from './Pager.js';
import { ErrorState, Loading } from './States.js';

type Props<T> = {
  /** What `useFetch` returned for the list URL. */
  result: { data?: Page<T>; error: unknown; loading: boolean; reload(): void };
  page: number;
  pageSize: number;
  onPage(page: number): void;
  /** Narrower screens scroll the table sideways instead of squeezing it below this width (px). */
  minWidth: number;
  columns: ReactNode[];
  rowKey(item: T): string;
  /** The cells of one row (`<Table.Td>`s), as many as `columns`. */
  cells(item: T): ReactNode;
};

export function PagedTable<T>({ result: { data, error, loading, reload }, page, pageSize, onPage, minWidth, columns, rowKey, cells }: Props<T>) {
  const { t } = useTranslation();
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <Card withBorder radius="lg" padding={0} style={{ opacity: loading ? 0.6 : 1 }}>
      <Text size="sm" c="dark.4" p="sm">{t('list.total', { n: formatNumber(data.total) })}</Text>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>{columns.map((c, i) => <Table.Th key={i}>{c}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.length === 0 && <Table.Tr><Table.Td colSpan={columns.length}><Text c="dimmed" ta="center" py="md">{t('list.empty')}</Text></Table.Td></Table.Tr>}
            {data.items.map((item) => <Table.Tr key={rowKey(item)}>{cells(item)}</Table.Tr>)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager total={data.total} pageSize={pageSize} page={page} onChange={onPage} />
      <div style={{ height: 12 }} />
    </Card>
  );
}
