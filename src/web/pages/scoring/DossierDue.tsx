// A dossier's deadline in working days: the date, and "overdue" in words and colour, not colour alone.
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format.js';
import type { DossierItem } from './types.js';

/** Điều 12.2: a dossier pending on 22/05/2026 says the instrument it was filed under and its transition deadline. */
function TransitionDue({ d }: { d: Partial<Pick<DossierItem, 'filedUnder' | 'transitionDueOn'>> }) {
  const { t } = useTranslation();
  if (!d.transitionDueOn) return null;
  return (
    <Text size="xs" c="dark.5" display="block" className="transition-due">
      {t('dossier.filedUnder', { instrument: d.filedUnder })} · {t('dossier.transitionDue', { date: formatDate(d.transitionDueOn) })}
    </Text>
  );
}

export function DossierDue({ d }: { d: Pick<DossierItem, 'due' | 'overdue' | 'workingDaysLeft'> & Partial<Pick<DossierItem, 'filedUnder' | 'transitionDueOn'>> }) {
  const { t } = useTranslation();
  if (!d.due) return <Text size="sm" c="dark.3">{t('dossier.noDue')}</Text>;
  return (
    <>
    <Text size="sm" span>
      {formatDate(d.due)}{' '}
      {d.overdue
        ? <Badge color="red" variant="filled" size="sm" style={{ textTransform: 'none' }}>{t('dossier.overdue')}</Badge>
        : d.workingDaysLeft !== null && <Text span size="xs" c={d.workingDaysLeft <= 3 ? 'orange.9' : 'dark.4'}>({t('dossier.daysLeft', { n: d.workingDaysLeft })})</Text>}
    </Text>
    <TransitionDue d={d} />
    </>
  );
}
