// The officers' panel on a dossier: the steps the API says the caller may take now (`actions`), each in its own
// form — the commune's Mẫu 03 and forwarding (with its working-day due date in plain sight), the office's
// acceptance, the advisory review, scheduling on a council session, the decision, and returning or rejecting —
// and, once certified, the certificate with its public verification page and its printable PDF.
import { Accordion, Alert, Anchor, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert } from '../../components/FormErrors.js';
import { formatDate } from '../../format.js';
import { AdvisoryReviewForm } from './AdvisoryReviewForm.js';
import { CommuneReviewForm } from './CommuneReviewForm.js';
import { DecideForm } from './DecideForm.js';
import { RejectForm } from './RejectForm.js';
import { ReturnForm } from './ReturnForm.js';
import { ScheduleForm } from './ScheduleForm.js';
import type { Dossier } from './types.js';
import { useDossierStep, type StepDone } from './useDossierStep.js';

const OFFICER_STEPS = ['communeReview', 'forward', 'accept', 'advisoryReview', 'schedule', 'decide', 'return', 'reject'] as const;
type Step = (typeof OFFICER_STEPS)[number];

/** The commune's deadline for its report and proposal, counted in working days from receipt (Điều 7.2). */
function CommuneDue({ d }: { d: Dossier }) {
  const { t } = useTranslation();
  return (
    <Box p="sm" data-testid="commune-due" style={{ border: `2px solid ${d.overdue ? '#c62828' : 'var(--mantine-color-ocop-8)'}`, borderRadius: 10, background: d.overdue ? '#fdeaea' : '#f1faf5' }}>
      <Text size="sm" fw={700}>{t('office.communeDue')}</Text>
      <Group gap="xs" align="baseline">
        <Text fz={22} fw={800} lh={1.2}>{formatDate(d.deadlines.communeDueOn ?? d.due)}</Text>
        {d.overdue
          ? <Text size="sm" fw={700} c="red.9">{t('dossier.overdue')}</Text>
          : d.workingDaysLeft !== null && <Text size="sm">{t('dossier.daysLeft', { n: d.workingDaysLeft })}</Text>}
      </Group>
      <Text size="xs" c="dark.4">{t('office.communeDueHint')}</Text>
    </Box>
  );
}

function AcceptButton({ d, onDone }: { d: Dossier; onDone: StepDone }) {
  const { t } = useTranslation();
  const step = useDossierStep(d, onDone);
  const confirm = useConfirm();
  const central = d.status === 'sent_to_central';
  async function accept() {
    if (!(await confirm.ask({ title: t('confirm.accept.title'), next: t(central ? 'confirm.accept.nextCentral' : 'confirm.accept.next'), confirmLabel: t('office.accept.button') }))) return;
    await step.send('accept', 'post', 'accept', {}, t('office.accept.done'));
  }
  return (
    <Stack gap="sm">
      <Text size="sm">{t(central ? 'office.accept.hintCentral' : 'office.accept.hint')}</Text>
      <FormAlert error={step.error} />
      <div><Button loading={step.busy === 'accept'} onClick={() => void accept()}>{t('office.accept.button')}</Button></div>
      {confirm.modal}
    </Stack>
  );
}

/** The certificate issued on this dossier: its number, the public verification page and the PDF to print. */
export function CertificateIssued({ number }: { number: string }) {
  const { t } = useTranslation();
  const n = encodeURIComponent(number);
  return (
    <Card withBorder radius="lg" mt="md" padding="md" component="section" aria-labelledby="dossier-certificate-title" data-testid="dossier-certificate">
      <Title order={2} size="h4" id="dossier-certificate-title">{t('office.certificate.title')}</Title>
      <Text ff="monospace" fw={700} fz="lg" mt={4} style={{ wordBreak: 'break-all' }} data-testid="certificate-number">{number}</Text>
      <Group gap="sm" mt="xs">
        <Button component="a" href={`/api/v1/certificates/${n}/pdf`} target="_blank" rel="noopener">{t('office.certificate.print')}</Button>
        <Anchor href={`/xac-minh/${n}`}>{t('office.certificate.verify')}</Anchor>
        <Anchor component={Link} to={`/lam-viec/giay-chung-nhan/${n}`}>{t('office.certificate.manage')}</Anchor>
      </Group>
    </Card>
  );
}

export function DossierActions({ d, onChange }: { d: Dossier; onChange: (d: Dossier) => void }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const onDone: StepDone = (next, message) => { onChange(next); setDone(message); };
  const can = (s: Step) => d.actions.includes(s);
  const steps = OFFICER_STEPS.filter(can);

  const items: { value: string; title: string; body: ReactNode }[] = [];
  if (can('communeReview')) items.push({ value: 'communeReview', title: t('office.commune.title'), body: <CommuneReviewForm d={d} onDone={onDone} /> });
  if (can('accept')) items.push({ value: 'accept', title: t('office.accept.title'), body: <AcceptButton d={d} onDone={onDone} /> });
  if (can('advisoryReview')) items.push({ value: 'advisoryReview', title: t(d.status === 'central_advisory' ? 'office.advisory.titleCentral' : 'office.advisory.title'), body: <AdvisoryReviewForm d={d} onDone={onDone} /> });
  if (can('schedule')) items.push({ value: 'schedule', title: t('office.schedule.title'), body: <ScheduleForm d={d} onDone={onDone} /> });
  if (can('decide')) items.push({ value: 'decide', title: t('office.decide.title'), body: <DecideForm d={d} onDone={onDone} /> });
  if (can('return')) items.push({ value: 'return', title: t('office.return.title'), body: <ReturnForm d={d} onDone={onDone} /> });
  if (can('reject')) items.push({ value: 'reject', title: t('office.reject.title'), body: <RejectForm d={d} onDone={onDone} /> });
  // The step the stage is waiting for opens at once; returning and rejecting stay folded until asked for.
  const primary = items.filter((i) => !['return', 'reject'].includes(i.value) && !(i.value === 'advisoryReview' && can('schedule'))).map((i) => i.value).slice(0, 1);

  return (
    <>
      {done && <Alert mt="md" color="ocop" role="status" data-testid="office-done">{done}</Alert>}
      {steps.length > 0 && (
        <Card withBorder radius="lg" mt="md" padding="md" component="section" aria-labelledby="dossier-office-title" className="dossier-office">
          <Title order={2} size="h4" id="dossier-office-title" mb="sm">{t('office.title')}</Title>
          {can('communeReview') && d.stage === 'commune' && <Box mb="sm"><CommuneDue d={d} /></Box>}
          {/* Keyed by version: after a step the forms start again from what the server now holds. */}
          <Accordion key={d.version} multiple defaultValue={primary} variant="separated" order={3}>
            {items.map((i) => (
              <Accordion.Item key={i.value} value={i.value} data-step={i.value}>
                <Accordion.Control>{i.title}</Accordion.Control>
                <Accordion.Panel>{i.body}</Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Card>
      )}
      {d.certificateNumber && <CertificateIssued number={d.certificateNumber} />}
    </>
  );
}
