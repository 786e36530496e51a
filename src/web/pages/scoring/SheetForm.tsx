// A score sheet as a form: part by part, group by group, each criterion a radio group; the running totals beside
// it (below it, with a sticky bar, on a phone). Used by the public tool and by the entity's dossier.
import { Box, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/States.js';
import { CriterionField } from './CriterionField.js';
import { partTotals, SummaryBar, SummaryPanel } from './ScoreSummary.js';
import type { Findings, Sheet } from './types.js';
import { useEvaluation, type Answers } from './useEvaluation.js';

type Props = {
  sheet: Sheet;
  initial?: Answers;
  /** The knock-outs ticked and the facts stated when the sheet was last saved. */
  initialFindings?: Findings;
  readOnly?: boolean;
  /** Buttons under the sheet (save, submit…), given the current answers and findings. */
  actions?: (answers: Answers, findings: Findings) => ReactNode;
  /** Keeps ids and radio names apart when a second sheet shares the page (the advisory pre-score beside Mẫu 02). */
  idPrefix?: string;
  /** Shown under each criterion (a dossier's evidence files); a component, so the memoised criteria keep their props. */
  criterionExtra?: ComponentType<{ code: string }>;
};

const NO_FINDINGS: Findings = { knockOuts: [], conditions: {} };

export function SheetForm({ sheet, initial, initialFindings = NO_FINDINGS, readOnly, actions, idPrefix = '', criterionExtra }: Props) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>(initial ?? {});
  const [stated, setFindings] = useState<Findings>(initialFindings);
  const onKnockOut = useCallback((code: string, on: boolean) => setFindings((prev) => ({
    ...prev, knockOuts: on ? [...prev.knockOuts.filter((c) => c !== code), code] : prev.knockOuts.filter((c) => c !== code),
  })), []);
  const onStory = useCallback((has: boolean | undefined) => setFindings((prev) => ({ ...prev, conditions: { ...prev.conditions, hasProductStory: has } })), []);
  // Once 5.1 is answered it settles whether there is a story: a statement made before is then left out (the API
  // would refuse one the answer contradicts).
  const storyAnswered = answers['5.1'] !== undefined;
  const findings = useMemo<Findings>(() => ({ knockOuts: stated.knockOuts, conditions: storyAnswered ? {} : stated.conditions }), [stated, storyAnswered]);
  const onChange = useCallback((code: string, optionId: string | undefined) => setAnswers((prev) => {
    const next = { ...prev };
    if (optionId) next[code] = optionId; else delete next[code];
    return next;
  }), []);
  const { evaluation, fresh, error } = useEvaluation(sheet.number, answers, findings);
  const totals = partTotals(sheet, answers);
  const criteriaCount = sheet.parts.reduce((n, p) => n + p.groups.reduce((m, g) => m + g.criteria.length, 0), 0);

  return (
    // One box around the sheet and its bar, so the bar sticks only while the sheet is on screen, not over the page's
    // other forms.
    <div className="sheet-form">
      <Grid gutter="lg" mt="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {sheet.rejectionText && (
              <Paper withBorder radius="md" p="sm" bg="red.0"><Text size="sm" c="red.9"><Text span fw={700} inherit>{t('sheet.rejection')}: </Text>{sheet.rejectionText}</Text></Paper>
            )}
            {sheet.parts.map((p) => (
              <Paper key={p.code} withBorder radius="lg" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={`${idPrefix}part-${p.code}-title`}>
                <Group justify="space-between" align="baseline" gap="xs">
                  <Title order={2} size="h3" id={`${idPrefix}part-${p.code}-title`}>{t('sheet.part', { code: p.code })}: {p.name}</Title>
                  <Text fw={700}>{totals[p.code]} / {p.max}</Text>
                </Group>
                {p.groups.map((g) => (
                  <Box key={g.code} mt="md" component="section" aria-labelledby={`${idPrefix}group-${g.code}-title`}>
                    <Title order={3} size="h5" id={`${idPrefix}group-${g.code}-title`} c="ocop.9">{g.code}. {g.name} <Text span c="dark.4" fw={400} size="sm">({t('sheet.maxPoints', { n: g.max })})</Text></Title>
                    {g.note && <Text size="sm" c="dark.4">{g.note}</Text>}
                    {g.criteria.map((c) => (
                      <CriterionField key={c.code} criterion={c} value={answers[c.code]} readOnly={readOnly} onChange={onChange} idPrefix={idPrefix} extra={criterionExtra}
                        knockedOut={findings.knockOuts.includes(c.code)} onKnockOut={onKnockOut}
                        story={c.rules?.some((r) => r.kind === 'appliesWhen') ? (storyAnswered ? (answers['5.1'] === '5.1.a' ? 'answeredNo' : 'answeredYes') : findings.conditions.hasProductStory === false ? 'no' : 'unknown') : undefined}
                        onStory={onStory} />
                    ))}
                  </Box>
                ))}
              </Paper>
            ))}
            <Group>{actions?.(answers, findings)}{!readOnly && <Button variant="default" onClick={() => { setAnswers(initial ?? {}); setFindings(initialFindings); }}>{t('sheet.reset')}</Button>}</Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {/* Scrolls on its own when taller than the screen, so it takes keyboard focus too (tabIndex). */}
          <Box tabIndex={0} style={{ position: 'sticky', top: 80, maxHeight: 'calc(100vh - 96px)', overflowY: 'auto' }}>
            <Text size="sm" c="dark.4" mb="xs">{t('sheet.answered', { n: Object.keys(answers).length, total: criteriaCount })}</Text>
            {error ? <ErrorState error={error} /> : <SummaryPanel sheet={sheet} totals={totals} evaluation={evaluation} fresh={fresh} idPrefix={idPrefix} />}
          </Box>
        </Grid.Col>
      </Grid>
      {/* On a phone the side panel falls below the sheet, so the running totals stay on screen in a bar. */}
      <Box hiddenFrom="md" className="score-bar" px="sm" py={8}
        style={{ position: 'sticky', bottom: 0, zIndex: 50, background: '#fff', borderTop: '2px solid var(--mantine-color-ocop-6)', boxShadow: '0 -4px 12px rgba(0,0,0,0.08)', marginInline: 'calc(var(--mantine-spacing-md) * -1)' }}>
        <SummaryBar sheet={sheet} totals={totals} evaluation={evaluation} fresh={fresh} />
      </Box>
    </div>
  );
}

