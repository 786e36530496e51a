// A re-rating dossier's filing window (Điều 7.6.a) as the API computes it: when the entity may file, whether filing
// now is late (Điều 12.3) or no longer possible. The dates and the stage come from the API; nothing is recomputed here.
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format.js';
import type { Dossier } from './types.js';

const COLOR = { not_yet: 'yellow', open: 'green', closed: 'orange', expired: 'red' } as const;

export function ReRatingNotice({ d }: { d: Dossier }) {
  const { t } = useTranslation();
  const w = d.reRating;
  if (!w) return null;
  const filed = d.status !== 'draft';
  const vars = { number: w.certificateNumber, expires: formatDate(w.expiresOn), opens: formatDate(w.opensOn), closes: formatDate(w.closesOn), grace: formatDate(w.graceEndsOn) };
  return (
    <Alert color={filed ? (w.late ? 'orange' : 'green') : COLOR[w.stage]} mt="md" title={t('reRating.title')} className="rerating-window">
      <Text size="sm">{t('reRating.window', vars)}</Text>
      <Text size="sm" fw={600} mt={4}>{filed ? t(w.late ? 'reRating.filedLate' : 'reRating.filedOnTime', vars) : t(`reRating.stage.${w.stage}`, vars)}</Text>
    </Alert>
  );
}
