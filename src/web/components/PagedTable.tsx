// One page of a server-side list: the total, the rows (or "nothing found"), page numbers, and the loading and error
// states around them. The page declares its columns once; on a wide screen they make a table, on a phone (below
// Mantine's `sm`) each row becomes a card, so name, status, stars and deadline stay on screen at 360 px instead of
// behind a sideways scroll. Each column says where it goes on the card (`card`).
import { Box, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTotal } from '../format.js';
import type { Page } from '../types.js';
import { Pager } from './Pager.js';
import { ErrorState, Loading } from './States.js';

/** Where a column goes on a row's phone card: its heading (`title`), the line of facts under it (`status`, `stars`,
 * `deadline`, in that order, the deadline labelled), a small `detail` line, or the `actions` at the bottom. A column
 * without `card` is left off the card (it must not be one the list is read for). */
export type CardSlot = 'title' | 'status' | 'stars' | 'deadline' | 'detail' | 'actions';

export type ListColumn<T> = {
  header: string;
  /** The cell's content (not the `<td>`). */
  cell(item: T): ReactNode;
  card?: CardSlot;
};

type Props<T> = {
  /** What `useFetch` returned for the list URL. */
  result: { data?: Page<T>; error: unknown; loading: boolean; reload(): void };
  page: number;
  pageSize: number;
  onPage(page: number): void;
  /** The cursor of the page shown, when the list has gone past its numbered pages. */
  cursor?: string;
  /** Goes on by the API's nextCursor: offered past the last numbered page (a total above the cap). */
  onCursor?(cursor: string): void;
  /** On a wide screen narrower than this (px), the table scrolls sideways instead of squeezing. */
  minWidth: number;
  columns: ListColumn<T>[];
  rowKey(item: T): string;
  /** A class on each row or card (for tests and styles). */
  rowClassName?: string;
  /** Replaces the "nothing found" line, e.g. with an empty state that says what to do. */
  empty?: ReactNode;
  /** False when the page already says how many there are above the list (a heading), so it is not said twice. */
  showTotal?: boolean;
};

/** Phones and small tablets in portrait: cards. Read at first render (not in an effect), so a phone never draws the
 * wide table first. */
export const CARDS_QUERY = '(max-width: 47.99em)';

export function PagedTable<T>({ result: { data, error, loading, reload }, page, pageSize, onPage, cursor, onCursor, minWidth, columns, rowKey, rowClassName, empty, showTotal = true }: Props<T>) {
  const { t } = useTranslation();
  const cards = useMediaQuery(CARDS_QUERY, false, { getInitialValueInEffect: false });
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const nothing = data.items.length === 0 ? (empty ?? <Text c="dimmed" ta="center" py="md">{t('list.empty')}</Text>) : null;
  return (
    <Card withBorder radius="lg" padding={0} style={{ opacity: loading ? 0.6 : 1 }}>
      {showTotal && <Text size="sm" c="dark.4" p="sm">{t('list.total', { n: formatTotal(t, data.total, data.totalExact !== false) })}</Text>}
      {cards
        ? (
          <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="list-cards">
            {nothing && <li>{nothing}</li>}
            {data.items.map((item) => <RowCard key={rowKey(item)} item={item} columns={columns} className={rowClassName} />)}
          </Stack>
        )
        : (
          <Table.ScrollContainer minWidth={minWidth}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>{columns.map((c, i) => <Table.Th key={i}>{c.header}</Table.Th>)}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {nothing && <Table.Tr><Table.Td colSpan={columns.length}>{nothing}</Table.Td></Table.Tr>}
                {data.items.map((item) => (
                  <Table.Tr key={rowKey(item)} className={rowClassName}>
                    {columns.map((c, i) => <Table.Td key={i}>{c.cell(item)}</Table.Td>)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      {!cursor && <Pager total={data.total} pageSize={pageSize} page={page} onChange={onPage} />}
      <CursorNav cursor={cursor} next={onCursor && (cursor || page >= Math.ceil(data.total / pageSize)) ? data.nextCursor : null} onFirst={() => onPage(1)} onNext={(c) => onCursor?.(c)} />
      <div style={{ height: 12 }} />
    </Card>
  );
}

/** Past the numbered pages: back to the first page, and on to the next by cursor (the server counts no further). */
function CursorNav({ cursor, next, onFirst, onNext }: { cursor?: string; next?: string | null; onFirst(): void; onNext(cursor: string): void }) {
  const { t } = useTranslation();
  if (!cursor && !next) return null;
  return (
    <Group justify="center" gap="sm" mt="lg" data-testid="cursor-nav">
      {cursor && <Button variant="default" size="xs" onClick={onFirst}>← {t('list.firstPage')}</Button>}
      {next && <Button variant="default" size="xs" onClick={() => onNext(next)}>{t('list.nextPage')} →</Button>}
    </Group>
  );
}

const FACTS: CardSlot[] = ['status', 'stars', 'deadline'];

function RowCard<T>({ item, columns, className }: { item: T; columns: ListColumn<T>[]; className?: string }) {
  const { t } = useTranslation();
  const in_ = (slot: CardSlot) => columns.filter((c) => c.card === slot);
  const facts = FACTS.flatMap(in_);
  const actions = in_('actions');
  return (
    <Box component="li" px="sm" py="sm" className={className} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', minWidth: 0 }}>
      {in_('title').map((c, i) => <Box key={i} style={{ overflowWrap: 'anywhere' }}>{c.cell(item)}</Box>)}
      {facts.length > 0 && (
        <Group gap="xs" mt={6} align="center" style={{ rowGap: 4 }}>
          {facts.map((c, i) => (
            <Group key={i} gap={4} align="center" style={{ minWidth: 0 }}>
              {c.card === 'deadline' && <Text size="xs" c="dark.4">{t('listCard.deadline')}:</Text>}
              {c.cell(item)}
            </Group>
          ))}
        </Group>
      )}
      {in_('detail').map((c, i) => <Box key={i} mt={4} fz="xs" style={{ overflowWrap: 'anywhere' }}>{c.cell(item)}</Box>)}
      {actions.length > 0 && <Group gap={6} mt={8}>{actions.map((c, i) => <Box key={i}>{c.cell(item)}</Box>)}</Group>}
    </Box>
  );
}
