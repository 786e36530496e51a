// The status and the form (meeting or written opinions) of a council session, as small badges.
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionMode, SessionStatus } from './types.js';

const STATUS_COLOR = { planned: 'gray', open: 'green', closed: 'dark' } as const;
// Mantine's light badges use the theme colour for text; a dark text keeps the contrast axe asks for.
const style = { textTransform: 'none', color: '#1f2a33' } as const;

export function SessionBadges({ status, mode }: { status: SessionStatus; mode: SessionMode }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={STATUS_COLOR[status]} variant="light" style={style} className="session-status">{t(`session.status.${status}`)}</Badge>
      <Badge color={mode === 'written' ? 'violet' : 'blue'} variant="light" style={style}>{t(`session.mode.${mode}`)}</Badge>
    </Group>
  );
}
