// The bell in the header: a link to the notification centre, its name saying how many are unread, a badge
// showing it. The count comes from the layout (useUnreadCount), which places the bell by screen width.
import { ActionIcon, Box, Indicator, type BoxProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotificationBell({ unread, ...box }: { unread: number } & BoxProps) {
  const { t } = useTranslation();
  const label = unread > 0 ? t('notif.bellUnread', { count: unread }) : t('notif.bell');
  return (
    <Box {...box}>
      <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red.9" offset={4} disabled={unread === 0} inline>
        <ActionIcon component={Link} to="/lam-viec/thong-bao" variant="subtle" size="lg" radius="xl" aria-label={label} title={label}>
          <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
            <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          </svg>
        </ActionIcon>
      </Indicator>
    </Box>
  );
}
