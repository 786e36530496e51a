// Pieces the inspection screens share: the state badge, the reasons, and the types from the API's contract.
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { correctiveActionOut, InspectionOut, planOut, suggestionOut } from '../../../modules/supervision/inspections.contract.js';

export type Inspection = InspectionOut;
export type Plan = z.infer<typeof planOut>;
export type Suggestion = z.infer<typeof suggestionOut>;
export type CorrectiveAction = z.infer<typeof correctiveActionOut>;
export type Summary = { today: string; planned: number; overdue: number; openActions: number; overdueActions: number; pendingRevocations: number; complaintsAwaiting: number };

export const inspectionPath = (id: string) => `/lam-viec/thanh-tra/kiem-tra/${id}`;
export const planPath = (id: string) => `/lam-viec/thanh-tra/ke-hoach/${id}`;

const STATE_COLOR: Record<Inspection['state'], string> = {
  planned: 'blue', compliant: 'green', corrective_open: 'orange', corrective_closed: 'teal', revocation_pending: 'red', revoked: 'gray',
};

export function StateBadge({ i }: { i: Pick<Inspection, 'state' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge color={STATE_COLOR[i.state]} variant="light">{t(`insp.state.${i.state}`)}</Badge>
      {i.overdue && <Badge color="red" variant="filled">{t('insp.overdue')}</Badge>}
    </Group>
  );
}

export function Reasons({ reasons }: { reasons: string[] }) {
  const { t } = useTranslation();
  if (!reasons.length) return null;
  return <Group gap={4}>{reasons.map((r) => <Badge key={r} size="sm" variant="outline" color={r === 'complaints' || r === 'complaint' ? 'red' : 'gray'}>{t(`insp.reason.${r}`)}</Badge>)}</Group>;
}
