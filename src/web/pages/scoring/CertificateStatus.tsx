// A certificate's status, never by colour alone: an icon, a word and a colour, the word also read by screen readers.
// The light badge gets shade 9 text: the default shade fails WCAG AA contrast on its pale background.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateStatus } from './types.js';

export const STATUS_COLOR: Record<CertificateStatus, string> = { valid: 'green', expired: 'orange', revoked: 'red', replaced: 'gray' };

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
    <Badge color={STATUS_COLOR[status]} c={`${STATUS_COLOR[status]}.9`} variant="light" leftSection={<StatusIcon status={status} size={14} />} style={{ textTransform: 'none' }}>
      {t(`cert.status.${status}`)}
    </Badge>
  );
}
