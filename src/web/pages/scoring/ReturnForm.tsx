// Returned for completion (hoàn thiện hồ sơ) with one or more reasons, by the commune, the province office or the
// Ministry's office. The entity sees the reasons on its dossier and resubmits after completing it. The office may also
// cite criteria whose knock-out note ("Bị loại nếu …", knockOutNotes in the dossier output) it found met; the API checks
// each against the sheet.
import { ActionIcon, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert } from '../../components/FormErrors.js';
import type { Dossier } from './types.js';
import { useDossierStep, type StepDone } from './useDossierStep.js';

export function ReturnForm({ d, onDone }: { d: Dossier; onDone: StepDone }) {
  const { t } = useTranslation();
  const [reasons, setReasons] = useState<string[]>(['']);
  const [knockOuts, setKnockOuts] = useState<string[]>([]);
  const notes = d.knockOutNotes ?? [];
  const step = useDossierStep(d, onDone);
  const filled = reasons.map((r) => r.trim()).filter(Boolean);

  const confirm = useConfirm();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!(await confirm.ask({ title: t('confirm.return.title'), next: t('confirm.return.next'), confirmLabel: t('office.return.button'), danger: true }))) return;
    await step.send('return', 'post', 'return', { reasons: filled, knockOuts }, t('office.return.done'));
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('office.return.title')}>
      {confirm.modal}
      <Stack gap="sm">
        <Text size="sm" c="dark.4">{t('office.return.hint')}</Text>
        <FormAlert error={step.error} />
        {reasons.map((r, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap" className="return-reason">
            <Textarea style={{ flex: 1 }} label={t('office.return.reason', { n: i + 1 })} value={r} autosize minRows={1} maxLength={1000}
              onChange={(e) => { const v = e.currentTarget.value; setReasons((prev) => prev.map((x, j) => (j === i ? v : x))); }}
              error={step.field(`reasons.${i}`)} withAsterisk={i === 0} />
            {reasons.length > 1 && (
              <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={t('office.return.remove', { n: i + 1 })}
                onClick={() => setReasons((prev) => prev.filter((_, j) => j !== i))}>
                <span aria-hidden="true">✕</span>
              </ActionIcon>
            )}
          </Group>
        ))}
        {step.field('reasons') && <Text size="sm" c="red.8" role="alert">{step.field('reasons')}</Text>}
        {notes.length > 0 && (
          <Checkbox.Group value={knockOuts} onChange={setKnockOuts} label={t('office.return.knockOuts')}
            description={<Text span size="xs" c="dark.4">{t('office.return.knockOutsHint')}</Text>} error={step.field('knockOuts') ?? knockOuts.map((_, i) => step.field(`knockOuts.${i}`)).find(Boolean)}>
            <Stack gap={8} mt={6}>
              {notes.map((k) => <Checkbox key={k.criterion} value={k.criterion} label={t('office.reject.knockOut', { criterion: k.criterion, text: k.text })} styles={{ body: { alignItems: 'flex-start' } }} />)}
            </Stack>
          </Checkbox.Group>
        )}
        <Group gap="sm">
          <Button type="button" variant="default" onClick={() => setReasons((prev) => [...prev, ''])} disabled={reasons.length >= 30}>{t('office.return.add')}</Button>
          <Button type="submit" loading={step.busy === 'return'} disabled={filled.length === 0}>{t('office.return.button')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
