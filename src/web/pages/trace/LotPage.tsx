// One batch on a phone: its journey so far, and the next step recorded in a few taps (the step is preselected, the
// place too when the entity has one of the right kind). Each tap captures an EPCIS 2.0 event on the server.
import { Button, Card, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { ErrorState, Loading } from '../../components/States.js';
import type { LocationOut, LotOut } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';

const STEPS = ['harvest', 'processing', 'packing', 'shipping', 'receiving'] as const;
type Step = (typeof STEPS)[number];
/** Where each step usually happens: the place offered first. */
const USUAL: Record<Step, string[]> = {
  harvest: ['raw_material_area', 'farm'], processing: ['workshop'], packing: ['workshop', 'warehouse'], shipping: ['warehouse', 'workshop'], receiving: ['shop'],
};
const firstOf = (places: LocationOut[], kinds: string[]) => kinds.map((k) => places.find((p) => p.kind === k)).find(Boolean)?.id ?? places[0]?.id ?? '';

function StepForm({ lot, places, onRecorded }: { lot: LotOut; places: LocationOut[]; onRecorded: (lot: LotOut) => void }) {
  const { t } = useTranslation();
  const { error, field, busy, submit } = useFormErrors();
  const initial = (lot.nextStep ?? 'shipping') as Step;
  const [step, setStep] = useState<Step>(initial);
  const [where, setWhere] = useState(firstOf(places, USUAL[initial]));
  const [to, setTo] = useState(firstOf(places, ['shop']));
  const [quantity, setQuantity] = useState<string | number>('');
  const [at, setAt] = useState('');
  const choose = (s: Step) => { setStep(s); setWhere(firstOf(places, USUAL[s])); };
  const options = places.map((p) => ({ value: p.id, label: `${p.name} (${t(`trace.kind.${p.kind}`)})` }));
  const send = async (e: FormEvent) => {
    e.preventDefault();
    let out: { lot: LotOut } | undefined;
    const ok = await submit(async () => {
      out = await api.post<{ lot: LotOut }>(`/api/v1/trace/lots/${lot.id}/steps`, {
        step, locationId: where, ...(step === 'shipping' ? { destinationId: to } : {}),
        ...(quantity === '' ? {} : { quantity: Number(quantity) }), ...(at ? { at: new Date(at).toISOString() } : {}),
      });
    });
    if (ok && out) {
      notifications.show({ message: t('trace.recorded', { step: t(`trace.step.${step}`) }), color: 'green' });
      onRecorded(out.lot);
      const next = (out.lot.nextStep ?? 'shipping') as Step;
      choose(next);
      setQuantity('');
    }
  };
  return (
    <form onSubmit={send} aria-label={t('trace.record')}>
      <Stack gap="sm">
        <FormAlert error={error} />
        <SegmentedControl orientation="vertical" fullWidth size="md" value={step} onChange={(s) => choose(s as Step)}
          data={STEPS.map((s) => ({ value: s, label: t(`trace.step.${s}`) }))} />
        <Select label={t('trace.where')} data={options} value={where} onChange={(v) => setWhere(v ?? '')} error={field('locationId')} allowDeselect={false} />
        {step === 'shipping' && <Select label={t('trace.to')} data={options} value={to} onChange={(v) => setTo(v ?? '')} error={field('destinationId')} allowDeselect={false} />}
        <Group grow>
          <NumberInput label={t('trace.quantity')} min={0} value={quantity} onChange={setQuantity} error={field('quantity')} />
          <TextInput type="datetime-local" label={t('trace.when')} value={at} onChange={(e) => setAt(e.currentTarget.value)} error={field('at')} />
        </Group>
        <Button type="submit" size="lg" loading={busy} disabled={!where}>{t('trace.record')}: {t(`trace.step.${step}`)}</Button>
      </Stack>
    </form>
  );
}

export default function LotPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data: lot, error, loading, reload, setData } = useFetch<LotOut>(`/api/v1/trace/lots/${id}`);
  const places = useFetch<{ items: LocationOut[] }>(lot ? `/api/v1/trace/locations?entity=${lot.entityId}` : null);
  usePageTitle(lot ? `${lot.productName} · ${lot.lot}` : t('trace.lots'));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !lot) return <Loading />;
  return (
    <Stack>
      <div>
        <Title order={1} size="h3">{lot.productName}</Title>
        <Text fw={600}>{t('trace.lot', { lot: lot.lot })}</Text>
        <Text size="xs" c="dark.4">{t('trace.producedOn')}: {lot.producedOn ?? '—'} · {t('trace.expiresOn')}: {lot.expiresOn ?? '—'}</Text>
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>{lot.digitalLink}</Text>
      </div>
      <Button component="a" href={lot.labelsUrl} target="_blank" variant="default">{t('trace.printLabels')}</Button>
      <Card withBorder radius="lg" padding="md">
        <Title order={2} size="h4" mb="sm">{t('trace.steps')}</Title>
        {lot.steps?.length ? (
          <Timeline active={lot.steps.length - 1} bulletSize={18} lineWidth={2}>
            {lot.steps.map((s) => (
              <Timeline.Item key={s.eventId} title={t(`trace.step.${s.step}`)}>
                <Text size="xs" c="dark.4">{new Date(s.eventTime).toLocaleString('vi-VN')}{s.locationName ? ` · ${s.locationName}` : ''}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        ) : <Text size="sm" c="dark.4">{t('trace.noSteps')}</Text>}
        {lot.nextStep === null && <Text size="sm" mt="sm" fw={600}>{t('trace.done')}</Text>}
      </Card>
      {lot.actions.includes('record') && places.data && (
        <Card withBorder radius="lg" padding="md">
          <StepForm lot={lot} places={places.data.items} onRecorded={setData} />
        </Card>
      )}
    </Stack>
  );
}
