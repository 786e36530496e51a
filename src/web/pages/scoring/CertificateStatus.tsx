// A certificate's status, never by colour alone: an icon, a word and a colour, the word also read by screen readers.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateStatus } from './types.js';

export const STATUS_COLOR: Record<CertificateStatus, string> = { valid: 'green', expired: 'orange', revoked: 'red', replaced: 'gray' };
/** Dark text on a pale tint: passes WCAG AA contrast (Mantine's light badge text does not). */
const BADGE_STYLE: Record<CertificateStatus, { color: string; background: string }> = {
  valid: { color: '#0f5130', background: '#e6f6ec' }, expired: { color: '#6b3a00', background: '#fff3e0' },
  revoked: { color: '#7a1414', background: '#fdeaea' }, replaced: { color: '#2f3945', background: '#eef0f3' },
};

export function StatusIcon({ status, size = 20 }: { status: CertificateStatus; size?: number }) {
  const common = { width: size, height: size, viewBox: '0 0 24 24', 'aria-hidden': true, fill: 'none', stroke: 'currentColor', strokeWidth: 2.4, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const };
  if (status === 'valid') return <svg {...common}><circle cx="12" cy="12" r="10" /><path d="M7 12.5l3.2 3.2L17 9" /></svg>;
  if (status === 'revoked') return <svg {...common}><circle cx="12" cy="12" r="10" /><path d="M8 8l8 8M16 8l-8 8" /></svg>;
  if (status === 'expired') return <svg {...common}><circle cx="12" cy="12" r="10" /><path d="M12 6.5V12l3.5 2.5" /></svg>;
  return <svg {...common}><circle cx="12" cy="12" r="10" /><path d="M7 12h10M13 8l4 4-4 4" /></svg>;
}

export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" leftSection={<StatusIcon status={status} size={14} />} style={{ textTransform: 'none', ...BADGE_STYLE[status] }}>
      {t(`cert.status.${status}`)}
    </Badge>
  );
}
