// Rejection on one of the score sheet's "hồ sơ bị loại khi" conditions (rejectionConditions in the dossier output),
// with a note. The API refuses any other condition.
import { Button, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert } from '../../components/FormErrors.js';
import { asOffice } from './officeTypes.js';
import type { Dossier } from './types.js';
import { useDossierStep, type StepDone } from './useDossierStep.js';

const KNOCK_OUT = 'knockOut:';

export function RejectForm({ d, onDone }: { d: Dossier; onDone: StepDone }) {
  const { t } = useTranslation();
  const conditions = asOffice(d).rejectionConditions;
  // A criterion's knock-out note is a ground too; its radio value is prefixed so it cannot collide with a condition.
  const knockOuts = d.knockOutNotes ?? [];
  const [condition, setCondition] = useState('');
  const [note, setNote] = useState('');
  const step = useDossierStep(d, onDone);

  const confirm = useConfirm();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ground = condition.startsWith(KNOCK_OUT) ? { knockOut: condition.slice(KNOCK_OUT.length) } : { condition };
    if (!(await confirm.ask({ title: t('confirm.reject.title'), next: t('confirm.reject.next'), confirmLabel: t('office.reject.button'), danger: true }))) return;
    await step.send('reject', 'post', 'reject', { ...ground, note: note.trim() || null }, t('office.reject.done'));
  }

  if (conditions.length === 0 && knockOuts.length === 0) return <Text size="sm" c="dark.4">{t('office.reject.none')}</Text>;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('office.reject.title')}>
      {confirm.modal}
      <Stack gap="sm">
        <FormAlert error={step.error} />
        <Radio.Group name="reject-condition" value={condition} onChange={setCondition} label={t('office.reject.condition')} description={<Text span size="xs" c="dark.4">{t('office.reject.hint')}</Text>}
          withAsterisk error={step.field('condition')}>
          <Stack gap={8} mt={6}>
            {conditions.map((c, i) => <Radio key={i} value={c} label={c} styles={{ body: { alignItems: 'flex-start' } }} />)}
            {knockOuts.map((k) => <Radio key={k.criterion} value={`${KNOCK_OUT}${k.criterion}`} label={t('office.reject.knockOut', { criterion: k.criterion, text: k.text })} styles={{ body: { alignItems: 'flex-start' } }} />)}
          </Stack>
        </Radio.Group>
        <Textarea label={t('office.reject.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} error={step.field('note')} />
        <div><Button type="submit" color="red.9" loading={step.busy === 'reject'} disabled={!condition}>{t('office.reject.button')}</Button></div>
      </Stack>
    </form>
  );
}
