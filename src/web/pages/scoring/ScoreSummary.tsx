// The running result of a score sheet: part totals and total (counted at once in the browser), the band and stars
// from the evaluate API, the unmet star minimums and, criterion by criterion, what the next star takes.
import { Box, Card, Group, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Stars } from '../../components/Stars.js';
import { formatNumber } from '../../format.js';
import type { Evaluation, PartCode, Sheet, SheetOption } from './types.js';

export type PartTotals = Record<PartCode, number> & { total: number };

export function partTotals(sheet: Sheet, answers: Record<string, string>): PartTotals {
  const out: PartTotals = { A: 0, B: 0, C: 0, total: 0 };
  for (const p of sheet.parts) for (const g of p.groups) for (const c of g.criteria) {
    const points = c.options.find((o) => o.id === answers[c.code])?.points ?? 0;
    out[p.code] += points;
    out.total += points;
  }
  return out;
}

const optionText = (o: SheetOption | undefined, id: string) => (o?.label ? `${id} (${o.label.length > 90 ? `${o.label.slice(0, 90)}…` : o.label})` : id);

/** Why the notes leave the product unrecognised (a knock-out, a stop), and the criteria not applicable. */
export function DecidingNotes({ e }: { e: Pick<Evaluation, 'knockedOutBy' | 'stoppedAt' | 'notApplicable'> }) {
  const { t } = useTranslation();
  const stopOnly = e.stoppedAt && !e.knockedOutBy.includes(e.stoppedAt);
  return (
    <>
      {e.knockedOutBy.length > 0 && <Text size="sm" fw={700} c="red.9" role="status" data-testid="knocked-out">{t('sheet.knockedOut', { criteria: e.knockedOutBy.join(', ') })}</Text>}
      {stopOnly && <Text size="sm" fw={700} c="red.9" role="status" data-testid="stopped">{t('sheet.stopped', { criterion: e.stoppedAt })}</Text>}
      {e.notApplicable.map((n) => <Text key={n.criterion} size="sm" c="dark.6" fw={600}>{t('sheet.notApplicable', { criterion: n.criterion })}</Text>)}
    </>
  );
}

/** The compact bar: total, parts and stars. Sticky at the bottom of a phone's screen. */
export function SummaryBar({ sheet, totals, evaluation, fresh }: { sheet: Sheet; totals: PartTotals; evaluation?: Evaluation; fresh: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" aria-live="polite">
      <Group gap="sm" wrap="nowrap">
        {sheet.parts.map((p) => <Text key={p.code} size="sm"><Text span fw={700}>{p.code}</Text> {formatNumber(totals[p.code])}/{p.max}</Text>)}
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text fw={800} data-testid="score-total">{t('sheet.total')}: {formatNumber(totals.total)}</Text>
        {evaluation && fresh ? <Stars count={evaluation.stars} size={16} /> : <Text size="xs" c="dark.4">{t('sheet.computing')}</Text>}
      </Group>
    </Group>
  );
}

export function SummaryPanel({ sheet, totals, evaluation, fresh, idPrefix = '' }: { sheet: Sheet; totals: PartTotals; evaluation?: Evaluation; fresh: boolean; idPrefix?: string }) {
  const { t } = useTranslation();
  const options = new Map(sheet.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria.flatMap((c) => c.options.map((o) => [o.id, o] as const)))));
  const e = fresh ? evaluation : undefined;
  const next = e?.nextStar;
  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby={`${idPrefix}score-summary-title`}>
      <Title order={2} size="h4" id={`${idPrefix}score-summary-title`} mb="sm">{t('sheet.summary')}</Title>
      <Stack gap="xs">
        {sheet.parts.map((p) => (
          <Box key={p.code}>
            <Group justify="space-between"><Text size="sm" fw={600}>{t('sheet.part', { code: p.code })}</Text><Text size="sm" data-testid={`part-${p.code}`}>{formatNumber(totals[p.code])} / {p.max}</Text></Group>
            <Progress value={(totals[p.code] / p.max) * 100} size="sm" color="ocop" aria-hidden="true" />
          </Box>
        ))}
        <Group justify="space-between" mt={4}><Text fw={800}>{t('sheet.total')}</Text><Text fw={800} fz="xl" data-testid="summary-total">{formatNumber(totals.total)} / 100</Text></Group>
        <SimpleGrid cols={2} spacing="xs">
          <Box><Text size="xs" c="dark.4">{t('sheet.band')}</Text><Text fw={700}>{e ? t('stars.label', { count: e.band }) : '…'}</Text></Box>
          <Box>
            <Text size="xs" c="dark.4">{t('sheet.reached')}</Text>
            <Box data-testid="summary-stars" aria-live="polite">
              {!e ? <Text c="dark.4">{t('sheet.computing')}</Text> : e.stars ? <><Stars count={e.stars} /><Text fw={700} size="sm">{t('stars.label', { count: e.stars })}</Text></> : <Text size="sm" fw={600} c="red.8">{t('sheet.notRecognised')}</Text>}
            </Box>
          </Box>
        </SimpleGrid>
        {e && <DecidingNotes e={e} />}
        {e && (
          <Box>
            <Text fw={700} size="sm" mt="xs">{t('sheet.unmet')}</Text>
            {e.unmetMinimums.length === 0 ? <Text size="sm" c="dark.4">{t('sheet.unmetNone')}</Text> : (
              <List size="sm" spacing={2}>
                {e.unmetMinimums.map((u) => <List.Item key={`${u.criterion}-${u.requiredStar}`}>{t('sheet.unmetItem', { criterion: u.criterion, option: optionText(options.get(u.requiredOption), u.requiredOption), star: u.requiredStar })}</List.Item>)}
              </List>
            )}
          </Box>
        )}
        {next && (
          <Box>
            {next.targetStars ? <>
              <Text fw={700} size="sm" mt="xs">{t('sheet.next', { count: next.targetStars })}</Text>
              {next.pointsNeeded > 0 && <Text size="sm">{t('sheet.nextPoints', { n: formatNumber(next.pointsNeeded) })}</Text>}
              <List size="sm" spacing={2}>
                {next.improvements.slice(0, 12).map((i) => {
                  const best = i.options.find((o) => o.meetsTargetMinimum && o.gain > 0) ?? i.options[i.options.length - 1];
                  if (!best) return null;
                  return (
                    <List.Item key={i.criterion}>
                      {t('sheet.improve', { criterion: i.criterion, option: optionText(options.get(best.id), best.id), gain: best.gain })}
                      {i.missesMinimum && <Text span c="red.8" fw={700}> · {t('sheet.improveMinimum')}</Text>}
                    </List.Item>
                  );
                })}
              </List>
            </> : <Text size="sm" mt="xs">{t('sheet.nextTop')}</Text>}
          </Box>
        )}
      </Stack>
    </Card>
  );
}
