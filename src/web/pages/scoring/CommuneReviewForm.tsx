// The commune's report on four contents of the dossier (Mẫu 03, Điều 7.2): for each of items a–d an assessment
// (đạt / đạt một phần / không đạt) and a note, then the conclusion and the signer. Saved as often as needed; "save and
// forward" proposes the dossier to the province (Điều 7.2.b) with the report as saved.
import { Anchor, Button, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert } from '../../components/FormErrors.js';
import { ASSESSMENTS, asOffice, REVIEW_ITEMS, type Assessment, type ReviewItem } from './officeTypes.js';
import type { Dossier } from './types.js';
import { useDossierStep, type StepDone } from './useDossierStep.js';

type Items = Record<ReviewItem, { assessment: Assessment | ''; note: string }>;

function initialItems(d: Dossier): Items {
  const saved = asOffice(d).communeReview?.items;
  return Object.fromEntries(REVIEW_ITEMS.map((k) => [k, { assessment: saved?.[k]?.assessment ?? '', note: saved?.[k]?.note ?? '' }])) as Items;
}

export function CommuneReviewForm({ d, onDone }: { d: Dossier; onDone: StepDone }) {
  const { t } = useTranslation();
  const saved = asOffice(d).communeReview;
  const [items, setItems] = useState<Items>(() => initialItems(d));
  const [conclusion, setConclusion] = useState(saved?.conclusion ?? '');
  const [signer, setSigner] = useState(saved?.signer ?? '');
  const step = useDossierStep(d, onDone);

  const setItem = (k: ReviewItem, patch: Partial<Items[ReviewItem]>) => setItems((prev) => ({ ...prev, [k]: { ...prev[k], ...patch } }));
  // An unchanged, already saved report is forwarded as it stands (no second save in the audit trail).
  const unchanged = saved !== null && JSON.stringify(items) === JSON.stringify(initialItems(d)) && conclusion === (saved.conclusion ?? '') && signer === (saved.signer ?? '');
  const body = () => ({ items, conclusion: conclusion.trim() || null, signer: signer.trim() || null });

  function save(e: FormEvent) {
    e.preventDefault();
    void step.send('save', 'put', 'commune-review', body(), t('office.commune.saved'));
  }
  const confirm = useConfirm();
  async function saveAndForward() {
    if (!(await confirm.ask({ title: t('confirm.forward.title'), next: t('confirm.forward.next'), confirmLabel: t('office.commune.saveAndForward') }))) return;
    await step.run('forward', async (version) => {
      const reviewed = unchanged ? d : await api.put<Dossier>(`/api/v1/dossiers/${d.id}/commune-review`, { ...body(), version });
      try {
        return await api.post<Dossier>(`/api/v1/dossiers/${d.id}/forward`, { version: reviewed.version });
      } catch (e) {
        // The report is saved even if forwarding was refused: the page must hold the new version.
        if (reviewed !== d) onDone(reviewed, t('office.commune.saved'));
        throw e;
      }
    }, t('office.commune.forwarded'));
  }

  return (
    <form onSubmit={save} noValidate aria-label={t('office.commune.title')}>
      {confirm.modal}
      <Stack gap="md">
        <FormAlert error={step.error} />
        {REVIEW_ITEMS.map((k) => (
          <Stack key={k} gap={6} className="commune-item" data-item={k} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
            <Radio.Group name={`commune-${k}`} value={items[k].assessment} onChange={(v) => setItem(k, { assessment: v as Assessment })}
              label={t(`office.commune.items.${k}`)} description={<Text span size="xs" c="dark.4">{t(`office.commune.hints.${k}`)}</Text>} withAsterisk error={step.field(`items.${k}.assessment`)}>
              <Group gap="md" mt={6}>
                {ASSESSMENTS.map((a) => <Radio key={a} value={a} label={t(`office.assessment.${a}`)} />)}
              </Group>
            </Radio.Group>
            <Textarea label={t('office.commune.note', { item: k })} value={items[k].note} onChange={(e) => setItem(k, { note: e.currentTarget.value })}
              autosize minRows={2} maxLength={5000} withAsterisk error={step.field(`items.${k}.note`)} />
          </Stack>
        ))}
        <Textarea label={t('office.commune.conclusion')} value={conclusion} onChange={(e) => setConclusion(e.currentTarget.value)} autosize minRows={2} maxLength={5000} error={step.field('conclusion')} />
        <TextInput label={t('office.commune.signer')} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} maxLength={200} error={step.field('signer')} />
        <Text size="sm" c="dark.4">{t('office.commune.forwardHint')}</Text>
        <Group gap="sm">
          <Button type="submit" variant="light" loading={step.busy === 'save'} disabled={!!step.busy}>{t('office.commune.save')}</Button>
          <Button type="button" loading={step.busy === 'forward'} disabled={!!step.busy} onClick={() => void saveAndForward()}>{t('office.commune.saveAndForward')}</Button>
          <Anchor href={`/api/v1/dossiers/${d.id}/forms/03.pdf`} target="_blank" rel="noopener" size="sm">{t('office.commune.pdf')}</Anchor>
        </Group>
      </Stack>
    </form>
  );
}
