// The OCOP rating as five stars (filled in gold), read out as "4 sao OCOP" by screen readers.
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STAR = 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z';

export function Stars({ count, size = 18, showNone = true }: { count: number | null; size?: number; showNone?: boolean }) {
  const { t } = useTranslation();
  if (!count) return showNone ? <Text size="sm" c="dark.4">{t('stars.none')}</Text> : null;
  return (
    <Group gap={2} role="img" aria-label={t('stars.label', { count })} wrap="nowrap">
      {[1, 2, 3, 4, 5].map((i) => (
        <svg key={i} width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
          <path d={STAR} fill={i <= count ? '#f5a700' : '#dfe3e8'} stroke={i <= count ? '#c98400' : '#c5cbd3'} strokeWidth="1" />
        </svg>
      ))}
    </Group>
  );
}
