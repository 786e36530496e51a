// The advisory team's review (Điều 7.3.c, 7.4.c), by the team or the office: the field visit and its findings, extra
// tests requested and their results, the report to the council chair, and optionally a pre-score on the product
// set's sheet. At the central stage it is the central advisory review. Saved as often as needed.
import { ActionIcon, Box, Button, Group, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormErrors.js';
import { Loading } from '../../components/States.js';
import { useFetch } from '../../useFetch.js';
import { asOffice } from './officeTypes.js';
import { SheetForm } from './SheetForm.js';
import type { Dossier, Sheet } from './types.js';
import type { Answers } from './useEvaluation.js';
import { useDossierStep, type StepDone } from './useDossierStep.js';

type Test = { requested: string; result: string };

export function AdvisoryReviewForm({ d, onDone }: { d: Dossier; onDone: StepDone }) {
  const { t } = useTranslation();
  const od = asOffice(d);
  const central = d.status === 'central_advisory';
  const saved = central ? od.centralAdvisory : od.advisoryReview;
  const [visitOn, setVisitOn] = useState(saved?.fieldVisit?.on ?? '');
  const [findings, setFindings] = useState(saved?.fieldVisit?.findings ?? '');
  const [tests, setTests] = useState<Test[]>(() => (saved?.extraTests ?? []).map((x) => ({ requested: x.requested, result: x.result ?? '' })));
  const [report, setReport] = useState(saved?.report ?? '');
  const [preScore, setPreScore] = useState(Object.keys(saved?.answers ?? {}).length > 0);
  const { data: sheet } = useFetch<Sheet>(preScore ? `/api/v1/score-sheets/${d.sheet}` : null);
  const step = useDossierStep(d, onDone);

  const setTest = (i: number, patch: Partial<Test>) => setTests((prev) => prev.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  /** Without the sheet open the answers are left out, so the pre-score saved earlier stays as it is. */
  function save(answers?: Answers) {
    const body = {
      fieldVisit: visitOn || findings.trim() ? { on: visitOn || null, findings: findings.trim() || null } : null,
      extraTests: tests.filter((x) => x.requested.trim()).map((x) => ({ requested: x.requested.trim(), result: x.result.trim() || null })),
      report: report.trim() || null,
      ...(answers ? { answers } : {}),
    };
    void step.send('advisory', 'put', 'advisory-review', body, t('office.advisory.saved'));
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    save();
  }
  const saveButton = (answers?: Answers) => (
    <Button type="button" loading={step.busy === 'advisory'} onClick={() => save(answers)}>{t('office.advisory.save')}</Button>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t(central ? 'office.advisory.titleCentral' : 'office.advisory.title')}>
      <Stack gap="md">
        <FormAlert error={step.error} />
        <Box>
          <Title order={4} size="h6" mb={4}>{t('office.advisory.fieldVisit')}</Title>
          <Stack gap="xs">
            <TextInput type="date" label={t('office.advisory.visitOn')} value={visitOn} onChange={(e) => setVisitOn(e.currentTarget.value)} error={step.field('fieldVisit.on')} maw={240} />
            <Textarea label={t('office.advisory.findings')} value={findings} onChange={(e) => setFindings(e.currentTarget.value)}
              autosize minRows={2} maxLength={10000} error={step.field('fieldVisit.findings')} />
          </Stack>
        </Box>
        <Box>
          <Title order={4} size="h6" mb={4}>{t('office.advisory.tests')}</Title>
          <Stack gap="xs">
            {tests.length === 0 && <Text size="sm" c="dark.4">{t('office.advisory.noTests')}</Text>}
            {tests.map((x, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap" className="extra-test">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
                  <TextInput label={t('office.advisory.testRequested', { n: i + 1 })} value={x.requested} maxLength={1000}
                    onChange={(e) => setTest(i, { requested: e.currentTarget.value })} error={step.field(`extraTests.${i}.requested`)} />
                  <TextInput label={t('office.advisory.testResult', { n: i + 1 })} value={x.result} maxLength={2000}
                    onChange={(e) => setTest(i, { result: e.currentTarget.value })} error={step.field(`extraTests.${i}.result`)} />
                </SimpleGrid>
                <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={t('office.advisory.removeTest', { n: i + 1 })}
                  onClick={() => setTests((prev) => prev.filter((_, j) => j !== i))}>
                  <span aria-hidden="true">✕</span>
                </ActionIcon>
              </Group>
            ))}
            <div><Button type="button" variant="default" size="xs" disabled={tests.length >= 30} onClick={() => setTests((prev) => [...prev, { requested: '', result: '' }])}>{t('office.advisory.addTest')}</Button></div>
          </Stack>
        </Box>
        <Textarea label={t('office.advisory.report')} value={report} onChange={(e) => setReport(e.currentTarget.value)} autosize minRows={3} maxLength={20000} error={step.field('report')} />
        <Switch checked={preScore} onChange={(e) => setPreScore(e.currentTarget.checked)} label={t('office.advisory.preScore')} description={<Text span size="xs" c="dark.4">{t('office.advisory.preScoreHint')}</Text>} />
        {saved?.preScore && <Text size="sm">{t('office.advisory.preScoreSaved', { total: saved.preScore.total, stars: saved.preScore.stars })}</Text>}
        {preScore
          ? (sheet ? <SheetForm sheet={sheet} initial={saved?.answers ?? {}} idPrefix="pre-" actions={(answers) => saveButton(answers)} /> : <Loading />)
          : <Group>{saveButton()}</Group>}
      </Stack>
    </form>
  );
}
