// A dossier's deadline in working days: the date, and "overdue" in words and colour, not colour alone.
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format.js';
import type { DossierItem } from './types.js';

export function DossierDue({ d }: { d: Pick<DossierItem, 'due' | 'overdue' | 'workingDaysLeft'> }) {
  const { t } = useTranslation();
  if (!d.due) return <Text size="sm" c="dark.3">{t('dossier.noDue')}</Text>;
  return (
    <Text size="sm" span>
      {formatDate(d.due)}{' '}
      {d.overdue
        ? <Badge color="red" variant="filled" size="sm" style={{ textTransform: 'none' }}>{t('dossier.overdue')}</Badge>
        : d.workingDaysLeft !== null && <Text span size="xs" c={d.workingDaysLeft <= 3 ? 'orange.9' : 'dark.4'}>({t('dossier.daysLeft', { n: d.workingDaysLeft })})</Text>}
    </Text>
  );
}
