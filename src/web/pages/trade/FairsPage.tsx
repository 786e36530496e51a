// Fairs, exhibitions, trade missions and livestream sales days in the workspace (/lam-viec/hoi-cho). Offices create
// events at their level and decide the registrations (approve with a booth, or reject with the reason); entities
// register with their own published products; both report results after the event. Phone first: one card per event.
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api.js';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useProvinces } from '../../reference.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { EventOut, RegistrationOut } from '../../../modules/trade/fairs.contract.js';

type List<T> = { items: T[]; total: number };
const KINDS = ['fair', 'exhibition', 'trade_mission', 'livestream_day'] as const;
const today = () => new Date().toISOString().slice(0, 10);

function EventForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { pickName } = useLocalized();
  const provinces = useProvinces() ?? [];
  const [d, setD] = useState({ kind: 'fair', name: '', organiser: '', venue: '', country: 'VN', venueProvinceCode: '', startsOn: today(), endsOn: today(), registrationDeadline: '', booths: '' as number | '', description: '' });
  const set = (k: keyof typeof d) => (v: string | number | null) => setD((x) => ({ ...x, [k]: v ?? '' }));
  const { error, field, busy, submit } = useFormErrors();
  const save = () => void submit(() => api.post('/api/v1/trade-events', {
    kind: d.kind, name: d.name, organiser: d.organiser, venue: d.venue, country: d.country.toUpperCase(), venueProvinceCode: d.venueProvinceCode || null,
    startsOn: d.startsOn, endsOn: d.endsOn, registrationDeadline: d.registrationDeadline || null, booths: d.booths === '' ? null : d.booths, description: d.description || null,
  })).then((ok) => ok && onDone());
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <FormAlert error={error} />
        <Select label={t('fairs.kind')} data={KINDS.map((k) => ({ value: k, label: t(`eventKind.${k}`) }))} value={d.kind} onChange={set('kind')} allowDeselect={false} />
        <TextInput label={t('fairs.name')} value={d.name} onChange={(e) => set('name')(e.currentTarget.value)} error={field('name')} required />
        <TextInput label={t('fairs.organiser')} value={d.organiser} onChange={(e) => set('organiser')(e.currentTarget.value)} error={field('organiser')} required />
        <TextInput label={t('fairs.venue')} value={d.venue} onChange={(e) => set('venue')(e.currentTarget.value)} error={field('venue')} required />
        <Group grow>
          <TextInput label={t('fairs.country')} value={d.country} maxLength={2} onChange={(e) => set('country')(e.currentTarget.value)} error={field('country')} />
          <Select label={t('fairs.venueProvince')} data={provinces.map((p) => ({ value: p.code, label: pickName(p.name, p.nameEn) }))} value={d.venueProvinceCode || null} onChange={set('venueProvinceCode')} error={field('venueProvinceCode')} searchable clearable />
        </Group>
        <Group grow>
          <TextInput type="date" label={t('fairs.startsOn')} value={d.startsOn} onChange={(e) => set('startsOn')(e.currentTarget.value)} error={field('startsOn')} required />
          <TextInput type="date" label={t('fairs.endsOn')} value={d.endsOn} onChange={(e) => set('endsOn')(e.currentTarget.value)} error={field('endsOn')} required />
        </Group>
        <Group grow>
          <TextInput type="date" label={t('fairs.deadline')} value={d.registrationDeadline} onChange={(e) => set('registrationDeadline')(e.currentTarget.value)} error={field('registrationDeadline')} />
          <NumberInput label={t('fairs.booths')} value={d.booths} min={0} onChange={(v) => set('booths')(typeof v === 'number' ? v : '')} error={field('booths')} />
        </Group>
        <Textarea label={t('fairs.description')} value={d.description} onChange={(e) => set('description')(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('fairs.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('fairs.save')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Results({ r, onDone }: { r: RegistrationOut; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ salesVnd: r.results?.salesVnd ?? 0, contracts: r.results?.contracts ?? 0, newPartners: r.results?.newPartners ?? 0 });
  const [open, setOpen] = useState(false);
  const { error, field, busy, submit } = useFormErrors();
  if (!open) return <Button size="xs" variant="light" onClick={() => setOpen(true)}>{t('fairs.reportResults')}</Button>;
  const num = (k: keyof typeof v) => (x: string | number) => setV((s) => ({ ...s, [k]: typeof x === 'number' ? x : 0 }));
  return (
    <Stack gap="xs">
      <FormAlert error={error} />
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <NumberInput label={t('fairs.salesVnd')} value={v.salesVnd} min={0} thousandSeparator="." decimalSeparator="," onChange={num('salesVnd')} error={field('salesVnd')} />
        <NumberInput label={t('fairs.contracts')} value={v.contracts} min={0} onChange={num('contracts')} error={field('contracts')} />
        <NumberInput label={t('fairs.newPartners')} value={v.newPartners} min={0} onChange={num('newPartners')} error={field('newPartners')} />
      </SimpleGrid>
      <Group><Button size="xs" loading={busy} onClick={() => void submit(() => api.put(`/api/v1/trade-events/registrations/${r.id}/results`, { ...v, version: r.version })).then((ok) => ok && onDone())}>{t('fairs.save')}</Button></Group>
    </Stack>
  );
}

function Decide({ r, onDone }: { r: RegistrationOut; onDone: () => void }) {
  const { t } = useTranslation();
  const [booth, setBooth] = useState(r.booth ?? '');
  const [reason, setReason] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const { error, field, busy, submit } = useFormErrors();
  const send = (decision: 'approve' | 'reject') => void submit(() => api.post(`/api/v1/trade-events/registrations/${r.id}/decision`, decision === 'approve' ? { version: r.version, decision, booth: booth || null } : { version: r.version, decision, reason })).then((ok) => ok && onDone());
  return (
    <Stack gap="xs">
      <FormAlert error={error} />
      {r.actions?.includes('approve') && !rejecting && <TextInput label={t('fairs.booth')} value={booth} onChange={(e) => setBooth(e.currentTarget.value)} error={field('booth')} maw={160} />}
      {rejecting && <Textarea label={t('fairs.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={field('reason')} autosize minRows={2} />}
      <Group gap="xs">
        {r.actions?.includes('approve') && !rejecting && <Button size="xs" color="green" loading={busy} onClick={() => send('approve')}>{t('fairs.approve')}</Button>}
        {r.actions?.includes('reject') && <Button size="xs" color="red" variant={rejecting ? 'filled' : 'light'} loading={busy} onClick={() => (rejecting ? send('reject') : setRejecting(true))}>{t('fairs.reject')}</Button>}
      </Group>
    </Stack>
  );
}

function RegistrationCard({ r, onDone, showEvent }: { r: RegistrationOut; onDone: () => void; showEvent?: boolean }) {
  const { t } = useTranslation();
  const color = r.status === 'approved' ? 'green' : r.status === 'rejected' ? 'red' : 'yellow';
  return (
    <Card withBorder radius="md" data-registration={r.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text fw={700}>{showEvent ? r.event.name : r.entity.name}</Text>
            <Text size="sm" c="dimmed">{r.products.map((p) => p.name).join(', ')}</Text>
          </div>
          <Group gap={4}>
            <Badge color={color} variant="light">{t(`registrationStatus.${r.status}`)}</Badge>
            {r.booth && <Badge variant="outline">{t('fairs.boothLabel', { booth: r.booth })}</Badge>}
          </Group>
        </Group>
        {showEvent && <Text size="sm">{formatDate(r.event.startsOn)} – {formatDate(r.event.endsOn)}</Text>}
        {r.status === 'rejected' && r.statusReason && <Alert color="red" p="xs">{t('fairs.reasonLine', { text: r.statusReason })}</Alert>}
        {r.results && <Text size="sm">{t('fairs.resultsLine', { sales: formatNumber(r.results.salesVnd), contracts: r.results.contracts, partners: r.results.newPartners })}</Text>}
        {(r.actions?.includes('approve') || r.actions?.includes('reject')) && <Decide r={r} onDone={onDone} />}
        {r.actions?.includes('results') && <Results r={r} onDone={onDone} />}
      </Stack>
    </Card>
  );
}

function Registrations({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const list = useFetch<List<RegistrationOut>>(withQuery('/api/v1/trade-events/registrations', { event: eventId, pageSize: 200 }));
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  return (
    <Stack gap="xs">
      {list.data.items.length === 0 ? <Text size="sm" c="dimmed">{t('fairs.noRegistrations')}</Text> : list.data.items.map((r) => <RegistrationCard key={r.id} r={r} onDone={list.reload} />)}
      <Anchor size="sm" href={withQuery('/api/v1/trade-events/registrations/export', { event: eventId, format: 'xlsx' })} download>{t('fairs.exportRegistrations')}</Anchor>
    </Stack>
  );
}

function RegisterForm({ e, user, onDone }: { e: EventOut; user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const products = useFetch<List<{ id: string; name: string; status: string }>>(withQuery('/api/v1/products', { entity: user.entityId, pageSize: 200 }));
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const { error, busy, submit } = useFormErrors();
  const offered = (products.data?.items ?? []).filter((p) => p.status !== 'draft');
  return (
    <Stack gap="xs">
      <FormAlert error={error} />
      <Checkbox.Group label={t('fairs.products')} value={chosen} onChange={setChosen}>
        <Stack gap={4} mt={4}>{offered.map((p) => <Checkbox key={p.id} value={p.id} label={p.name} />)}</Stack>
      </Checkbox.Group>
      <Textarea label={t('fairs.note')} value={note} onChange={(ev) => setNote(ev.currentTarget.value)} autosize minRows={1} />
      <Group><Button loading={busy} disabled={!chosen.length} onClick={() => void submit(() => api.post(`/api/v1/trade-events/${e.id}/registrations`, { productIds: chosen, note: note || null })).then((ok) => ok && onDone())}>{t('fairs.send')}</Button></Group>
    </Stack>
  );
}

function EventCard({ e, user, onChange }: { e: EventOut; user: User; onChange: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const confirm = useConfirm();
  const place = e.abroad ? `${e.venue} (${e.country})` : `${e.venue}${e.venueProvince ? `, ${e.venueProvince.name}` : ''}`;
  return (
    <Card withBorder radius="md" data-event={e.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text fw={700}>{e.name}</Text>
            <Text size="sm" c="dimmed">{t(`eventKind.${e.kind}`)} · {t(`eventLevel.${e.level}`)} · {e.organiser}</Text>
          </div>
          <Group gap={4}>
            {e.status !== 'published' && <Badge color="gray">{t(`eventStatus.${e.status}`)}</Badge>}
            {e.registrationOpen && <Badge color="green" variant="light">{t('fairs.open')}</Badge>}
          </Group>
        </Group>
        <Text size="sm">{formatDate(e.startsOn)} – {formatDate(e.endsOn)} · {place}</Text>
        <Text size="sm" c="dimmed">
          {e.registrationDeadline ? `${t('fairs.deadlineOn', { date: formatDate(e.registrationDeadline) })} · ` : ''}
          {e.booths !== null ? `${t('fairs.boothsLine', { taken: e.boothsTaken, total: e.booths })} · ` : ''}
          {t('fairs.participants', { count: e.participants })}{e.pending ? ` · ${t('fairs.pending', { count: e.pending })}` : ''}
        </Text>
        {e.actions?.includes('register') && (open ? <RegisterForm e={e} user={user} onDone={() => { setOpen(false); onChange(); }} /> : <Button size="xs" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>{t('fairs.register')}</Button>)}
        {e.actions?.includes('decide') && <Button size="xs" variant="subtle" onClick={() => setOpen((o) => !o)} style={{ alignSelf: 'flex-start' }}>{open ? t('fairs.hide') : t('fairs.show')}</Button>}
        {e.actions?.includes('decide') && open && <Registrations eventId={e.id} />}
        {confirm.modal}
        {e.actions?.includes('edit') && e.status === 'published' && (
          <Button size="xs" variant="subtle" color="red" style={{ alignSelf: 'flex-start' }}
            onClick={() => void confirm.ask({ title: t('fairs.cancelEventQ', { name: e.name }), next: t('fairs.cancelEventNext'), confirmLabel: t('fairs.cancelEvent'), danger: true })
              .then((yes) => { if (yes) void api.patch(`/api/v1/trade-events/${e.id}`, { status: 'cancelled', version: e.version }).then(onChange, onChange); })}>
            {t('fairs.cancelEvent')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

export default function FairsPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const events = useFetch<List<EventOut>>(withQuery('/api/v1/trade-events', { pageSize: 50 }));
  const mine = useFetch<List<RegistrationOut>>(user.role === 'entity' ? withQuery('/api/v1/trade-events/registrations', { entity: user.entityId, pageSize: 100 }) : null);
  const [creating, setCreating] = useState(false);
  const office = user.role === 'central' || user.role === 'province' || user.role === 'commune';
  const reload = () => { events.reload(); mine.reload(); };
  if (events.error) return <ErrorState error={events.error} onRetry={events.reload} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h3">{t('fairs.title')}</Title>
        <Anchor size="sm" href="/api/v1/trade-events/export?format=xlsx" download>{t('fairs.exportEvents')}</Anchor>
      </Group>
      <Text size="sm">{t('fairs.intro')}</Text>
      {office && (creating ? <EventForm onDone={() => { setCreating(false); events.reload(); }} /> : <Button onClick={() => setCreating(true)} style={{ alignSelf: 'flex-start' }}>{t('fairs.create')}</Button>)}
      {user.role === 'entity' && mine.data && mine.data.items.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">{t('fairs.myRegistrations')}</Title>
          {mine.data.items.map((r) => <RegistrationCard key={r.id} r={r} onDone={reload} showEvent />)}
        </Stack>
      )}
      {!events.data ? <Loading /> : events.data.items.length === 0 ? <EmptyState title={t('fairs.empty')} /> : events.data.items.map((e) => <EventCard key={e.id} e={e} user={user} onChange={reload} />)}
    </Stack>
  );
}
