// The to-do list every workspace home starts with (GET /api/v1/me/todo): what to do, about what, where, by when.
// Overdue is said in words and colour, not colour alone; each item is one link to where it is handled.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TodoOut } from '../../../modules/scoring/todo.contract.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate } from '../../format.js';
import { useFetch } from '../../useFetch.js';

type Item = TodoOut['items'][number];

function Due({ item }: { item: Item }) {
  const { t } = useTranslation();
  if (!item.dueOn) return null;
  const window = item.kind === 'rerating_window';
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600}>{window && !item.overdue ? `${t('todo.windowOpen')}: ${formatDate(item.dueOn)}` : t('todo.due', { date: formatDate(item.dueOn) })}</Text>
      {item.overdue
        ? <Badge color="red" variant="filled" size="sm" style={{ textTransform: 'none' }}>{window ? t('todo.lateWindow') : t('todo.overdue')}</Badge>
        : item.workingDaysLeft !== null && <Text span size="xs" c={item.workingDaysLeft <= 3 ? 'orange.9' : 'dark.4'}>({t('todo.daysLeft', { n: item.workingDaysLeft })})</Text>}
      {item.overdue && item.workingDaysLeft !== null && item.workingDaysLeft < 0 && <Text span size="xs" c="red.9">({t('todo.late', { n: -item.workingDaysLeft })})</Text>}
    </Group>
  );
}

/** When the thing happened, in the words of its kind. */
function When({ item }: { item: Item }) {
  const { t } = useTranslation();
  if (!item.at) return null;
  const key = item.kind === 'revocation' || item.kind === 'revocation_late' ? 'todo.revokedOn' : item.kind === 'certificate_issued' ? 'todo.issuedOn'
    : item.kind === 'revocation_proposed' ? 'todo.foundOn'
    : item.kind === 'session_scoring' ? 'todo.scheduledOn' : item.link.startsWith('/ho-so/') ? 'todo.submittedOn' : null;
  return key ? <Text size="xs" c="dark.4">{t(key, { date: formatDate(item.at) })}</Text> : null;
}

function TodoItem({ item }: { item: Item }) {
  const { t } = useTranslation();
  const place = [item.communeName, item.provinceName].filter(Boolean).join(', ');
  return (
    <Card component="li" withBorder radius="md" padding="sm" style={item.overdue ? { borderLeft: '4px solid var(--mantine-color-red-7)' } : undefined}>
      <Stack gap={4}>
        <Text size="xs" fw={700} c="ocop.9" tt="uppercase">{t(`todo.kind.${item.kind}`)}</Text>
        <Anchor component={Link} to={item.link} fw={700}>{item.subject}</Anchor>
        <Text size="xs" c="dark.4">{[item.number && t('todo.number', { number: item.number }), place].filter(Boolean).join(' · ')}</Text>
        <When item={item} />
        {item.kind === 'dossier_returned' && item.detail && <Text size="sm">{t('todo.reasons', { text: item.detail })}</Text>}
        {item.kind === 'session_scoring' && item.detail && <Text size="sm">{item.detail}</Text>}
        <Due item={item} />
      </Stack>
    </Card>
  );
}

export function TodoList({ intro }: { intro?: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useFetch<TodoOut>('/api/v1/me/todo?limit=30');
  return (
    <section aria-labelledby="todo-title">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h3" id="todo-title">{t('todo.title')}</Title>
        {data && data.overdue > 0 && <Badge color="red.9" variant="filled" size="lg" style={{ textTransform: 'none' }}>{t('todo.overdueCount', { count: data.overdue })}</Badge>}
      </Group>
      <Text size="sm" c="dark.4" mb="sm">{intro ?? t('todo.intro')}</Text>
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading /> : data.items.length === 0 ? <Text c="dark.4">{t('todo.empty')}</Text> : (
        <>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('todo.title')}>
            {data.items.map((i) => <TodoItem key={i.key} item={i} />)}
          </Stack>
          {data.total > data.items.length && <Text size="sm" c="dark.4" mt="xs">{t('todo.shown', { shown: data.items.length, total: data.capped ? `${data.total}+` : data.total })}</Text>}
        </>
      )}
    </section>
  );
}
