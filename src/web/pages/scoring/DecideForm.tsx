// "Decide" on the council's result: the decision number and date, and what signing will do as the API plans it
// (plannedDecision): certify the stars, send to the Ministry for the central council, or not recognised.
import { Alert, Button, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert } from '../../components/FormErrors.js';
import { formatNumber } from '../../format.js';
import { asOffice } from './officeTypes.js';
import { vnToday } from './today.js';
import type { Dossier } from './types.js';
import { useDossierStep, type StepDone } from './useDossierStep.js';

export function DecideForm({ d, onDone }: { d: Dossier; onDone: StepDone }) {
  const { t } = useTranslation();
  const plan = asOffice(d).plannedDecision;
  const [decisionNumber, setDecisionNumber] = useState('');
  const [decisionDate, setDecisionDate] = useState(vnToday);
  const step = useDossierStep(d, onDone);

  const confirm = useConfirm();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const outcome = plan ? t(`office.decide.outcome.${plan.outcome}`, { count: plan.stars ?? 0 }) : '';
    if (!(await confirm.ask({ title: t('confirm.decide.title'), next: t('confirm.decide.next', { number: decisionNumber.trim(), outcome }), confirmLabel: t('office.decide.button') }))) return;
    await step.send('decide', 'post', 'decide', { decisionNumber: decisionNumber.trim(), decisionDate }, t(`office.decide.done.${plan?.outcome ?? 'certified'}`));
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('office.decide.title')}>
      {confirm.modal}
      <Stack gap="sm">
        {plan && (
          <Alert color={plan.outcome === 'not_recognised' ? 'orange' : 'ocop'} data-testid="planned-decision">
            <Text size="sm">{t('office.decide.willDo')}</Text>
            <Text size="sm" fw={700}>{t(`office.decide.outcome.${plan.outcome}`, { count: plan.stars ?? 0 })}</Text>
            <Text size="sm">{t(`office.decide.basis.${plan.basis}`, { mean: formatNumber(plan.mean) })}</Text>
          </Alert>
        )}
        <FormAlert error={step.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('office.decide.number')} placeholder={t('office.decide.numberExample')} value={decisionNumber} onChange={(e) => setDecisionNumber(e.currentTarget.value)}
            maxLength={100} withAsterisk error={step.field('decisionNumber')} />
          <TextInput type="date" label={t('office.decide.date')} value={decisionDate} onChange={(e) => setDecisionDate(e.currentTarget.value)} withAsterisk error={step.field('decisionDate')} />
        </SimpleGrid>
        <div><Button type="submit" loading={step.busy === 'decide'} disabled={!decisionNumber.trim() || !decisionDate}>{t('office.decide.button')}</Button></div>
      </Stack>
    </form>
  );
}
