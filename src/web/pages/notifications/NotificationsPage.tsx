// The notification centre (/lam-viec/thong-bao): the newest first, a page at a time; opening one or marking it
// marks it read, and "mark all" clears the bell. The person's choice of channels per kind is below the list.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, withQuery } from '../../api.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDateTime } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { announceUnreadChanged } from '../../unread.js';
import { usePageTitle } from '../../usePageTitle.js';
import type { Notification, NotificationList } from '../../../modules/notifications/notifications.contract.js';
import { PreferencesPanel } from './PreferencesPanel.js';

const PAGE = 20;

function NotificationItem({ n, onRead }: { n: Notification; onRead(n: Notification): void }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const unread = n.readAt === null;
  return (
    <Paper component="li" withBorder radius="md" p="md" style={unread ? { borderLeft: '4px solid var(--mantine-color-ocop-6)' } : undefined}
      data-unread={unread || undefined}>
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {unread && <Badge color="red.9" size="sm">{t('notif.isNew')}</Badge>}
          <Text fw={unread ? 700 : 500} style={{ flex: 1 }}>{pick(n.title)}</Text>
        </Group>
        <Text size="sm" c="dark.5" style={{ whiteSpace: 'pre-line' }}>{pick(n.body)}</Text>
        <Group justify="space-between" gap="xs" mt={4}>
          <Text size="xs" c="dark.4"><time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time> · {t(`notifKind.${n.kind}`)}</Text>
          <Group gap="xs">
            {n.link && <Button component={Link} to={n.link} size="compact-sm" variant="light" onClick={() => { if (unread) onRead(n); }}>{t('notif.open')}</Button>}
            {unread && <Button size="compact-sm" variant="subtle" onClick={() => onRead(n)}>{t('notif.markRead')}</Button>}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

export default function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notif.title'));
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  /** The first page (cursor undefined) replaces the list; a later one adds to it. */
  const load = useCallback(async (cursor?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<NotificationList>(withQuery('/api/v1/notifications', { limit: PAGE, cursor }));
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setUnread(page.unread);
      setNext(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  function markRead(n: Notification) {
    const now = new Date().toISOString();
    setItems((prev) => prev.map((x) => (x.id === n.id ? { ...x, readAt: now } : x)));
    setUnread((u) => Math.max(0, u - 1));
    api.post(`/api/v1/notifications/${n.id}/read`).then(announceUnreadChanged, (e: unknown) => setError(e));
  }
  function markAllRead() {
    const now = new Date().toISOString();
    api.post('/api/v1/notifications/read-all').then(() => {
      setItems((prev) => prev.map((x) => (x.readAt ? x : { ...x, readAt: now })));
      setUnread(0);
      announceUnreadChanged();
    }, (e: unknown) => setError(e));
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={1} size="h2">{t('notif.title')}</Title>
          <Text size="sm" c="dark.4" role="status">{unread > 0 ? t('notif.unread', { count: unread }) : items.length > 0 ? t('notif.allRead') : ''}</Text>
        </div>
        {unread > 0 && <Button variant="light" onClick={markAllRead}>{t('notif.markAllRead')}</Button>}
      </Group>
      {error ? <ErrorState error={error} onRetry={() => { void load(); }} /> : null}
      {items.length === 0 && loading && <Loading />}
      {items.length === 0 && !loading && !error && <EmptyState title={t('notif.none')} hint={t('notif.noneHint')} />}
      {items.length > 0 && (
        <Stack component="ul" gap="sm" aria-label={t('notif.list')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((n) => <NotificationItem key={n.id} n={n} onRead={markRead} />)}
        </Stack>
      )}
      {next && <Group><Button variant="default" loading={loading} onClick={() => { void load(next); }}>{t('notif.more')}</Button></Group>}
      <PreferencesPanel />
    </Stack>
  );
}
