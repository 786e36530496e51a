// The entity's Mẫu 01 (phiếu đăng ký) and Mẫu 02 (báo cáo tự đánh giá, parts I, II and IV; part III is the score
// sheet below it) on the dossier page, in five short steps with a progress indicator, saved as you go: moving to
// another step saves the one left (a draft PATCH: each value is checked, completeness only on submission). Editable
// while the API allows `edit`, read-only for everybody else. The page's own save and submit also take the pending
// changes of every step through the `ref` handle, so nothing typed here is lost when the entity saves or submits from
// the bottom of the sheet; a refusal opens the step holding the field it names.
import { Box, Button, Card, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Stepper, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useImperativeHandle, useMemo, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../../api.js';
import { FormAlert } from '../../components/FormErrors.js';
import { CARDS_QUERY } from '../../components/PagedTable.js';
import { useLocalized } from '../../i18n/index.js';
import { ENTITY_TYPES } from '../../types.js';
import { DossierFormsView } from './DossierFormsView.js';
import { changesOf, valuesOf, type FormChanges, type FormValues } from './dossierForms.values.js';
import type { Dossier, SelfReportCheck, Sheet } from './types.js';

export type DossierFormsHandle = {
  /** What the entity changed and has not saved, as part of the PATCH body; null when nothing. */
  changes(): FormChanges | null;
  /** Shows the API's refusal beside the fields it names (registration.*, selfReport.*, type); null clears it. */
  showError(error: unknown): void;
};

type Props = { d: Dossier; sheet?: Sheet; onSaved(d: Dossier): void; ref?: Ref<DossierFormsHandle> };

export function DossierForms({ d, sheet, onSaved, ref }: Props) {
  if (!d.actions.includes('edit')) return <DossierFormsView d={d} sheet={sheet} />;
  return <EditableForms d={d} sheet={sheet} onSaved={onSaved} ref={ref} />;
}

const CHECK_GROUPS: { legend?: SelfReportCheck | 'productionConditions'; items: SelfReportCheck[] }[] = [
  { items: ['businessRegistration', 'qualityDeclared'] },
  { legend: 'productionConditions', items: ['foodSafetyCertificate', 'productionConditionCertificate'] },
  { legend: 'ipRegistered', items: ['trademark', 'geographicalIndication', 'patent', 'industrialDesign', 'copyright', 'ipOther'] },
];

/** The forms in five steps, each short enough for a phone screen; the field paths each holds (to open the step an
 * API refusal names). Mẫu 01 is steps 1–2, Mẫu 02 steps 3–5 (its part III is the score sheet below). */
const STEPS = [
  { key: 'unit', form: 'mau01', fields: ['registration.unitName', 'registration.representativeName', 'registration.representativeTitle', 'registration.address', 'registration.phone', 'registration.email'] },
  { key: 'product', form: 'mau01', fields: ['registration.productName', 'registration.sampleCount', 'type'] },
  { key: 'profile', form: 'mau02', fields: ['selfReport.orgType', 'selfReport.foundedOn', 'selfReport.registrationNumber', 'selfReport.representative'] },
  { key: 'capacity', form: 'mau02', fields: ['selfReport.productSpec', 'selfReport.checks', 'selfReport.ipOther', 'selfReport.history', 'selfReport.organisation'] },
  { key: 'results', form: 'mau02', fields: ['selfReport.businessResults', 'selfReport.changesSinceRecognition', 'selfReport.plan'] },
] as const;
const STEP_PARAM = 'buoc';

/** The step holding the first field an API refusal names, if any. */
function stepOfError(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const paths = [...(error.problem.errors ?? []).map((e) => e.path), error.problem.field].filter((p): p is string => !!p);
  for (const path of paths) {
    const i = STEPS.findIndex((st) => st.fields.some((f) => path === f || path.startsWith(`${f}.`)));
    if (i >= 0) return i;
  }
  return null;
}

function EditableForms({ d, sheet, onSaved, ref }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const base = useMemo(() => valuesOf(d), [d]);
  const [v, setV] = useState<FormValues>(base);
  const [error, setError] = useState<unknown>(null);
  const [own, setOwn] = useState(false); // the refusal came from this form's own save: show the banner here too
  const [busy, setBusy] = useState(false);
  // The step lives in the URL (?buoc=2), so a reload or a shared link opens the same step with what was saved.
  const [params, setParams] = useSearchParams();
  const step = Math.min(Math.max(Number(params.get(STEP_PARAM)) || 1, 1), STEPS.length) - 1;
  const goTo = (i: number) => setParams((prev) => { const next = new URLSearchParams(prev); next.set(STEP_PARAM, String(i + 1)); return next; }, { replace: true });
  const narrow = useMediaQuery(CARDS_QUERY, false, { getInitialValueInEffect: false });
  const top = useRef<HTMLDivElement>(null);

  useImperativeHandle(ref, () => ({
    changes: () => changesOf(v, base),
    showError: (e) => {
      setError(e);
      setOwn(false);
      const at = stepOfError(e);
      if (at !== null) goTo(at);
    },
  }), [v, base]);

  const dirty = changesOf(v, base) !== null;
  const field = (path: string) => (error instanceof ApiError ? pick(error.fieldMessage(path)) : undefined);
  const text = (k: Exclude<keyof FormValues, 'checks'>) => (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setV((p) => ({ ...p, [k]: value })); };
  const check = (k: SelfReportCheck) => (e: { currentTarget: { checked: boolean } }) => { const on = e.currentTarget.checked; setV((p) => ({ ...p, checks: { ...p.checks, [k]: on } })); };
  const r = (k: string) => `registration.${k}`;
  const sr = (k: string) => `selfReport.${k}`;

  /** Saves what changed (a draft: the API checks each value, completeness waits for submission); true when saved. */
  async function save(): Promise<boolean> {
    const body = changesOf(v, base);
    if (!body) return true;
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.patch<Dossier>(`/api/v1/dossiers/${d.id}`, { ...body, version: d.version }));
      notifications.show({ color: 'ocop', message: t('formSteps.savedStep', { n: step + 1 }) });
      return true;
    } catch (err) {
      setError(err);
      setOwn(true);
      const at = stepOfError(err);
      if (at !== null && at !== step) goTo(at);
      return false;
    } finally {
      setBusy(false);
    }
  }
  /** Save as you go: moving to another step first saves this one, and stays if the API refuses it. */
  async function move(to: number) {
    if (to === step || !(await save())) return;
    goTo(to);
    top.current?.scrollIntoView({ block: 'start' });
  }

  const orgTypes: { value: string; label: string }[] = ENTITY_TYPES.map((k) => ({ value: k, label: t(`entityType.${k}`) }));
  if (v.orgType && !ENTITY_TYPES.includes(v.orgType as never)) orgTypes.push({ value: v.orgType, label: v.orgType });
  const current = STEPS[step];
  const last = step === STEPS.length - 1;

  const fields: Record<(typeof STEPS)[number]['key'], ReactNode> = {
    unit: (
      <>
        <Text size="sm" c="dark.4" mb="sm">{t('dossierForms.mau01Hint', { number: d.number })}</Text>
        <Title order={4} size="h6" mb={4}>{t('dossierForms.unitInfo')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('dossierForms.unitName')} required value={v.unitName} onChange={text('unitName')} error={field(r('unitName'))} />
          <TextInput label={t('dossierForms.representativeName')} required value={v.representativeName} onChange={text('representativeName')} error={field(r('representativeName'))} />
          <TextInput label={t('dossierForms.representativeTitle')} value={v.representativeTitle} onChange={text('representativeTitle')} error={field(r('representativeTitle'))} />
          <TextInput label={t('dossierForms.address')} required value={v.address} onChange={text('address')} error={field(r('address'))} />
          <TextInput label={t('dossierForms.phone')} type="tel" value={v.phone} onChange={text('phone')} error={field(r('phone'))} />
          <TextInput label={t('dossierForms.email')} type="email" value={v.email} onChange={text('email')} error={field(r('email'))} />
        </SimpleGrid>
      </>
    ),
    product: (
      <>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('dossierForms.productName')} required value={v.productName} onChange={text('productName')} error={field(r('productName'))} />
          <TextInput label={t('dossierForms.sampleCount')} type="number" inputMode="numeric" min={0} step={1} value={v.sampleCount} onChange={text('sampleCount')} error={field(r('sampleCount'))} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
          <Fact label={t('dossierForms.productGroup')} value={sheet ? `${sheet.sector} – ${sheet.group} – ${sheet.productSet}` : `${t('dossierForms.sheet', { n: d.sheet })}`} />
          <Fact label={t('dossierForms.type')} value={t(`dossier.type.${d.type}`)} error={field('type')} />
        </SimpleGrid>
      </>
    ),
    profile: (
      <>
        <Title order={4} size="h5">{t('dossierForms.part1')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt={4}>
          <NativeSelect label={t('dossierForms.orgType')} value={v.orgType} onChange={text('orgType')} error={field(sr('orgType'))}
            data={[{ value: '', label: t('dossierForms.choose') }, ...orgTypes]} />
          <TextInput label={t('dossierForms.foundedOn')} type="date" value={v.foundedOn} onChange={text('foundedOn')} error={field(sr('foundedOn'))} />
          <TextInput label={t('dossierForms.registrationNumber')} value={v.registrationNumber} onChange={text('registrationNumber')} error={field(sr('registrationNumber'))} />
        </SimpleGrid>
        <Fieldset legend={t('dossierForms.representative')} mt="sm" variant="unstyled" p={0}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('dossierForms.repFullName')} value={v.repFullName} onChange={text('repFullName')} error={field(sr('representative.fullName')) ?? field(sr('representative'))} />
            <NativeSelect label={t('dossierForms.repSex')} value={v.repSex} onChange={text('repSex')} error={field(sr('representative.sex'))}
              data={[{ value: '', label: t('dossierForms.choose') }, { value: 'male', label: t('form.male') }, { value: 'female', label: t('form.female') }]} />
            <TextInput label={t('dossierForms.ethnicity')} value={v.repEthnicity} onChange={text('repEthnicity')} error={field(sr('representative.ethnicity'))} />
            <TextInput label={t('dossierForms.permanentAddress')} value={v.repPermanentAddress} onChange={text('repPermanentAddress')} error={field(sr('representative.permanentAddress'))} />
          </SimpleGrid>
        </Fieldset>
      </>
    ),
    capacity: (
      <>
        <Textarea label={t('dossierForms.productSpec')} autosize minRows={3} value={v.productSpec} onChange={text('productSpec')} error={field(sr('productSpec'))} />
        <Fieldset legend={t('dossierForms.checksLegend')} mt="sm">
          <Stack gap="xs">
            {CHECK_GROUPS.map((g, i) => (
              <Stack key={i} gap={6}>
                {g.legend === 'ipRegistered'
                  ? <Checkbox label={t('dossierForms.checks.ipRegistered')} checked={v.checks.ipRegistered} onChange={check('ipRegistered')} />
                  : g.legend ? <Text size="sm" fw={500}>{t(`dossierForms.checks.${g.legend}`)}</Text> : null}
                <Stack gap={6} pl={g.legend ? 'lg' : 0}>
                  {g.items.map((k) => <Checkbox key={k} label={t(`dossierForms.checks.${k}`)} checked={v.checks[k]} onChange={check(k)} />)}
                </Stack>
              </Stack>
            ))}
            <TextInput label={t('dossierForms.ipOther')} value={v.ipOther} onChange={text('ipOther')} error={field(sr('ipOther'))} />
          </Stack>
        </Fieldset>
        <Textarea mt="sm" label={t('dossierForms.history')} autosize minRows={3} value={v.history} onChange={text('history')} error={field(sr('history'))} />
        <Textarea mt="sm" label={t('dossierForms.organisation')} autosize minRows={2} value={v.organisation} onChange={text('organisation')} error={field(sr('organisation'))} />
      </>
    ),
    results: (
      <>
        <Title order={4} size="h5">{t('dossierForms.part2')}</Title>
        <Textarea mt={4} label={t('dossierForms.businessResults')} description={<Text span size="xs" c="dark.5">{t('dossierForms.businessResultsHint')}</Text>} autosize minRows={4}
          value={v.businessResults} onChange={text('businessResults')} error={field(sr('businessResults'))} />
        {(d.type !== 'first' || v.changesSinceRecognition) && (
          <Textarea mt="sm" label={t('dossierForms.changesSinceRecognition')} description={<Text span size="xs" c="dark.5">{t(`dossierForms.changesHint.${d.type === 'rerating' ? 'rerating' : 'upgrade'}`)}</Text>} autosize minRows={4}
            value={v.changesSinceRecognition} onChange={text('changesSinceRecognition')} error={field(sr('changesSinceRecognition'))} />
        )}
        <Text size="sm" c="dark.4" mt="lg">{t('dossierForms.part3')}</Text>
        <Title order={4} size="h5" mt="lg">{t('dossierForms.part4')}</Title>
        <Textarea mt={4} label={t('dossierForms.plan')} autosize minRows={3} value={v.plan} onChange={text('plan')} error={field(sr('plan'))} />
      </>
    ),
  };

  return (
    <form onSubmit={(e: FormEvent) => { e.preventDefault(); void (last ? save() : move(step + 1)); }} noValidate aria-label={t('dossierForms.formsLabel')}>
      <Card withBorder radius="lg" padding="md" mt="md" component="section" aria-labelledby="forms-step-title" ref={top} style={{ scrollMarginTop: 72 }}>
        <Title order={2} size="h4">{t(`dossierForms.${current.form}`)}</Title>
        <Stepper active={step} onStepClick={(i) => void move(i)} size="xs" mt="sm" mb="md" aria-label={t('formSteps.label')} allowNextStepsSelect={!busy}>
          {STEPS.map((st, i) => (
            <Stepper.Step key={st.key} label={narrow ? undefined : t(`formSteps.${st.key}`)} aria-label={`${i + 1}. ${t(`formSteps.${st.key}`)}`} />
          ))}
        </Stepper>
        <Text size="xs" c="dark.4" fw={600} data-testid="forms-progress">{t('formSteps.progress', { n: step + 1, total: STEPS.length })}</Text>
        <Title order={3} size="h5" id="forms-step-title" mb="sm">{t(`formSteps.${current.key}`)}</Title>
        {fields[current.key]}

        {own && <Box mt="md"><FormAlert error={error} /></Box>}
        <Group gap="sm" mt="md">
          {step > 0 && <Button type="button" variant="default" disabled={busy} onClick={() => void move(step - 1)}>{t('formSteps.previous')}</Button>}
          {!last && <Button type="submit" loading={busy}>{t('formSteps.next')}</Button>}
          <Button type="button" variant={last ? 'filled' : 'light'} loading={busy && last} disabled={!dirty || busy} onClick={() => void save()}>{t('dossierForms.save')}</Button>
        </Group>
        <Text size="sm" mt="xs" c={dirty ? 'orange.9' : 'dark.4'} aria-live="polite">{dirty ? t('dossierForms.unsaved') : t('dossierForms.allSaved')}</Text>
      </Card>
    </form>
  );
}

/** A value the entity reads but does not edit here; the API may still refuse it (a re-rating outside its window). */
function Fact({ label, value, error }: { label: string; value: string; error?: string }) {
  return (
    <div>
      <Text size="sm" fw={500}>{label}</Text>
      <Text size="sm">{value}</Text>
      {error && <Text size="sm" c="red.8" role="alert">{error}</Text>}
    </div>
  );
}
