// One dossier (/ho-so/:id): its status and working-day deadlines, the history of returns with their reasons, and
// the entity's Mẫu 01 and Mẫu 02 (DossierForms) and self-assessment on the product set's score sheet with evidence
// and notes under each criterion (CriterionExtras) — saved against the dossier and submitted while it is a draft or
// returned; read-only for everyone else and after submission.
import { Alert, Anchor, Badge, Box, Button, Card, Container, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { api, ApiError } from '../../api.js';
import { useConfirm } from '../../components/Confirm.js';
import { Stars } from '../../components/Stars.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { DossierActions } from './DossierActions.js';
import { DossierDue } from './DossierDue.js';
import { CriterionExtras, DossierCriterionProvider } from './CriterionExtras.js';
import { DossierFilesSection } from './DossierEvidence.js';
import { DossierForms, type DossierFormsHandle } from './DossierForms.js';
import { DossierReports } from './DossierReports.js';
import { ReRatingNotice } from './ReRatingNotice.js';
import { SheetForm } from './SheetForm.js';
import { StepMessage, type StepMessageValue } from './StepMessage.js';
import type { Dossier, DossierFile, Findings, Sheet } from './types.js';
import type { Answers } from './useEvaluation.js';

function Deadlines({ d }: { d: Dossier }) {
  const { t } = useTranslation();
  const rows = [['communeDueOn', d.deadlines.communeDueOn], ['provinceFinishBefore', d.deadlines.provinceFinishBefore], ['centralFinishBefore', d.deadlines.centralFinishBefore]] as const;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      <Box><Text size="xs" c="dark.4">{t('dossier.due')}</Text><DossierDue d={d} /></Box>
      {rows.filter(([, v]) => v).map(([k, v]) => <Box key={k}><Text size="xs" c="dark.4">{t(`dossier.${k}`)}</Text><Text size="sm">{formatDate(v)}</Text></Box>)}
    </SimpleGrid>
  );
}

export default function DossierPage() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const { user, ready } = useSession();
  const id = useParams().id ?? '';
  const { data: d, error, loading, reload, setData } = useFetch<Dossier>(user ? `/api/v1/dossiers/${encodeURIComponent(id)}` : null);
  const { data: sheet } = useFetch<Sheet>(d ? `/api/v1/score-sheets/${d.sheet}` : null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<StepMessageValue | null>(null);
  // The entity's Mẫu 01/02 edits travel with the sheet's save and submit; uploads add to the files without a new version.
  const forms = useRef<DossierFormsHandle>(null);
  const confirm = useConfirm();
  const addFile = useCallback((f: DossierFile) => setData((prev) => (prev ? { ...prev, files: [...prev.files, f] } : prev)), [setData]);
  usePageTitle(d ? t('dossier.title', { number: d.number }) : t('dossier.queueTitle'));

  if (!ready) return <Loading />;
  if (!user) return <Navigate to="/dang-nhap" replace />;
  if (error) return <Container size="lg" py="lg"><ErrorState error={error} onRetry={reload} /></Container>;
  if (loading || !d) return <Loading />;

  const canEdit = d.actions.includes('edit');
  const submitAction = d.actions.includes('submit') ? 'submit' : d.actions.includes('resubmit') ? 'resubmit' : null;
  const sameAnswers = (a: Answers) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(d.answers).sort());

  async function run(step: () => Promise<Dossier>, done: string | ((after: Dossier) => string)) {
    setBusy(true);
    setMessage(null);
    forms.current?.showError(null);
    try {
      const after = await step();
      setData(after);
      setMessage({ ok: true, text: typeof done === 'string' ? done : done(after) });
    } catch (e) {
      forms.current?.showError(e);
      setMessage({ ok: false, text: (e instanceof ApiError && pick(e.problem.message)) || t('app.error'), error: e });
    } finally {
      setBusy(false);
    }
  }
  const save = (answers: Answers, findings: Findings) => api.patch<Dossier>(`/api/v1/dossiers/${d.id}`, { answers, knockOuts: findings.knockOuts, conditions: findings.conditions, ...forms.current?.changes(), version: d.version });
  const sameFindings = (f: Findings) => JSON.stringify([[...f.knockOuts].sort(), f.conditions]) === JSON.stringify([[...d.knockOuts].sort(), d.conditions]);
  const submit = async (answers: Answers, findings: Findings) => {
    const key = submitAction ?? 'submit';
    if (!(await confirm.ask({ title: t(`confirm.${key}.title`), next: t(`confirm.${key}.next`), confirmLabel: t(`dossier.${key}`) }))) return;
    await send(answers, findings);
  };
  const send = (answers: Answers, findings: Findings) => run(async () => {
    const saved = sameAnswers(answers) && sameFindings(findings) && !forms.current?.changes() ? d : await save(answers, findings);
    if (saved !== d) setData(saved); // kept even if the submission is then refused
    return api.post<Dossier>(`/api/v1/dossiers/${d.id}/submit`, { version: saved.version });
  }, (after) => (d.status === 'draft' && after.deadlines.communeDueOn
    ? t('dossierForms.submittedDue', { date: formatDate(after.deadlines.communeDueOn) })
    : t('dossierForms.resubmitted', { status: t(`dossier.status.${after.status}`) })));

  return (
    <Container size="lg" py="lg">
      <Anchor component={Link} to="/ho-so" size="sm">{t('dossier.queueTitle')}</Anchor>
      <Group justify="space-between" align="flex-start" mt="xs">
        <Box>
          <Title order={1} size="h2">{t('dossier.title', { number: d.number })}</Title>
          <Text fw={600}><Anchor href={`/san-pham/${d.product.id}`}>{d.product.name}</Anchor> · {d.entity.name}</Text>
          <Group gap="xs" mt={4}>
            <Badge variant="light" style={{ textTransform: 'none', color: '#1f2a33' }}>{t(`dossier.status.${d.status}`)}</Badge>
            <Text size="sm" c="dark.4">{t(`dossier.type.${d.type}`)}</Text>
            {d.stars ? <Stars count={d.stars} size={16} /> : null}
            {d.certificateNumber && <Anchor href={`/xac-minh/${encodeURIComponent(d.certificateNumber)}`} size="sm" ff="monospace">{d.certificateNumber}</Anchor>}
          </Group>
        </Box>
        <Group gap={6}>
          <Text size="sm" c="dark.4">{t('dossier.forms')}:</Text>
          {['01', '02', '03'].map((f) => <Anchor key={f} href={`/api/v1/dossiers/${d.id}/forms/${f}.pdf`} target="_blank" rel="noopener" size="sm">Mẫu {f}</Anchor>)}
        </Group>
      </Group>

      <Card withBorder radius="lg" mt="md" padding="md">
        <Title order={2} size="h5" mb="xs">{t('dossier.deadlines')}</Title>
        <Deadlines d={d} />
      </Card>

      {d.returns.length > 0 && (
        <Alert color="orange" mt="md" title={t('dossier.returns')}>
          <Stack gap="xs">
            {d.returns.map((r) => (
              <Box key={r.id}>
                <Text size="sm" fw={600}>{t('dossier.returnedAt', { date: formatDateTime(r.returnedAt) })}</Text>
                <List size="sm">{r.reasons.map((reason, i) => <List.Item key={i}>{reason}</List.Item>)}</List>
                {r.knockOuts.length > 0 && <Text size="sm" fw={600} c="red.9">{t('dossier.returnKnockOuts', { codes: r.knockOuts.join(', ') })}</Text>}
              </Box>
            ))}
          </Stack>
        </Alert>
      )}

      <ReRatingNotice d={d} />
      <StepMessage message={message} />
      {confirm.modal}

      <DossierActions d={d} onChange={setData} />
      <DossierReports d={d} />

      <DossierForms ref={forms} d={d} sheet={sheet} onSaved={setData} />

      <DossierCriterionProvider d={d} onUploaded={addFile}>
        <DossierFilesSection />
        <Title order={2} size="h3" mt="xl">{t('dossier.selfAssessment')}</Title>
        {!sheet ? <Loading /> : (
          // Keyed by the dossier, not its version: saving Mẫu 01/02 must not throw away answers not yet saved.
          <SheetForm key={d.id} sheet={sheet} initial={d.answers} initialFindings={{ knockOuts: d.knockOuts, conditions: d.conditions }} readOnly={!canEdit} criterionExtra={CriterionExtras}
            actions={canEdit ? (answers, findings) => (
              <>
                <Button loading={busy} variant="light" onClick={() => void run(() => save(answers, findings), t('dossier.saved'))}>{t('dossier.save')}</Button>
                {submitAction && <Button loading={busy} onClick={() => void submit(answers, findings)}>{t(`dossier.${submitAction}`)}</Button>}
              </>
            ) : undefined} />
        )}
      </DossierCriterionProvider>
    </Container>
  );
}
