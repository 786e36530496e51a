// Trainings in the workspace (/lam-viec/dao-tao): the list, an office's form to organise one, and each event's page
// (/lam-viec/dao-tao/:id): invitations, the check-in QR code on the organiser's screen (renewed before it expires),
// attendance ticked by hand, certificates to print; for a producer: register, certificate, evaluation.
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NumberInput, Rating, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, withQuery } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import { isOfficer } from '../../roles.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { TrainingOut } from '../../../modules/programme/trainings.contract.js';
import { EntityTrainingHistory } from './TrainingHistory.js';

const KINDS = ['training', 'workshop', 'study_tour'];
const TOPICS = ['cooperation', 'management', 'production', 'product_innovation', 'marketing', 'digital', 'standards', 'ocop_cycle', 'other'];

function TrainingForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const levels = user.role === 'central' ? ['national'] : user.role === 'province' ? ['province', 'commune'] : ['commune'];
  const [d, setD] = useState({ kind: 'training', title: '', topic: 'product_innovation', level: levels[0], communeCode: '', startsOn: new Date().toISOString().slice(0, 10), endsOn: new Date().toISOString().slice(0, 10), place: '', trainers: '', budgetVnd: '' as number | '', description: '' });
  const { error, field, busy, submit } = useFormErrors();
  const set = (k: keyof typeof d) => (v: string | number | null) => setD((x) => ({ ...x, [k]: v ?? '' }));
  const save = () => void submit(() => api.post('/api/v1/trainings', {
    ...d, communeCode: d.level === 'commune' && d.communeCode ? d.communeCode : null, trainers: d.trainers || null, budgetVnd: d.budgetVnd === '' ? null : d.budgetVnd, description: d.description || null,
  })).then((ok) => ok && onDone());
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <FormAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label={t('cap.trainings.kind')} data={KINDS.map((k) => ({ value: k, label: t(`cap.trainings.kinds.${k}`) }))} value={d.kind} onChange={set('kind')} allowDeselect={false} />
          <Select label={t('cap.trainings.topic')} data={TOPICS.map((k) => ({ value: k, label: t(`cap.trainings.topics.${k}`) }))} value={d.topic} onChange={set('topic')} allowDeselect={false} />
          <Select label={t('cap.trainings.level')} data={levels.map((k) => ({ value: k, label: t(`cap.trainings.levels.${k}`) }))} value={d.level} onChange={set('level')} allowDeselect={false} />
        </SimpleGrid>
        <TextInput label={t('cap.trainings.titleField')} value={d.title} onChange={(e) => set('title')(e.currentTarget.value)} error={field('title')} required />
        {d.level === 'commune' && user.role === 'province' && <TextInput label={t('cap.trainings.commune')} value={d.communeCode} inputMode="numeric" onChange={(e) => set('communeCode')(e.currentTarget.value)} error={field('communeCode')} />}
        <Group grow>
          <TextInput type="date" label={t('cap.trainings.startsOn')} value={d.startsOn} onChange={(e) => set('startsOn')(e.currentTarget.value)} error={field('startsOn')} required />
          <TextInput type="date" label={t('cap.trainings.endsOn')} value={d.endsOn} onChange={(e) => set('endsOn')(e.currentTarget.value)} error={field('endsOn')} required />
        </Group>
        <TextInput label={t('cap.trainings.place')} value={d.place} onChange={(e) => set('place')(e.currentTarget.value)} error={field('place')} required />
        <TextInput label={t('cap.trainings.trainers')} value={d.trainers} onChange={(e) => set('trainers')(e.currentTarget.value)} />
        <NumberInput label={t('cap.trainings.budget')} value={d.budgetVnd} onChange={(v) => set('budgetVnd')(typeof v === 'number' ? v : '')} min={0} thousandSeparator="." decimalSeparator="," />
        <Textarea label={t('cap.trainings.description')} value={d.description} onChange={(e) => set('description')(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end"><Button variant="default" onClick={onDone}>{t('cap.trainings.cancel')}</Button><Button type="submit" loading={busy}>{t('cap.trainings.save')}</Button></Group>
      </Stack>
    </Card>
  );
}

function Summary({ tr }: { tr: TrainingOut }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Badge variant="light">{t(`cap.trainings.kinds.${tr.kind}`)}</Badge>
        <Badge variant="outline">{t(`cap.trainings.levels.${tr.level}`)}</Badge>
        {tr.cancelled && <Badge color="red">{t('cap.trainings.cancelled')}</Badge>}
        {tr.mine.attendee?.attendedAt ? <Badge color="green">{t('cap.trainings.attended')}</Badge> : tr.mine.attendee ? <Badge color="blue">{t('cap.trainings.registered')}</Badge> : tr.mine.invited && <Badge color="yellow">{t('cap.trainings.invited')}</Badge>}
      </Group>
      <Text size="sm">{formatDate(tr.startsOn)}{tr.endsOn !== tr.startsOn ? ` – ${formatDate(tr.endsOn)}` : ''} · {tr.place}</Text>
      <Text size="sm" c="dimmed">{t(`cap.trainings.topics.${tr.topic}`)}{tr.trainers ? ` · ${tr.trainers}` : ''}</Text>
      <Text size="sm">{t('cap.trainings.counts', { entities: tr.counts.invitedEntities, registered: tr.counts.registered, attended: tr.counts.attended })}</Text>
    </Stack>
  );
}

export function TrainingsList({ user }: { user: User }) {
  const { t } = useTranslation();
  const list = useFetch<{ items: TrainingOut[] }>('/api/v1/trainings?pageSize=50');
  const [adding, setAdding] = useState(false);
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Stack>
      <Title order={1} size="h3">{t('cap.trainings.title')}</Title>
      <Text size="sm">{t('cap.trainings.intro')}</Text>
      {user.role === 'entity' && user.entityId && <EntityTrainingHistory entityId={user.entityId} />}
      {isOfficer(user) && (adding ? <TrainingForm user={user} onDone={() => { setAdding(false); list.reload(); }} /> : <Button style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)}>{t('cap.trainings.add')}</Button>)}
      {list.loading && !list.data ? <Loading /> : list.data?.items.length === 0 ? <EmptyState title={t('cap.trainings.empty')} /> : list.data?.items.map((tr) => (
        <Card key={tr.id} withBorder radius="md" data-training={tr.id}>
          <Anchor component={Link} to={`/lam-viec/dao-tao/${tr.id}`} fw={700}>{tr.title}</Anchor>
          <Summary tr={tr} />
        </Card>
      ))}
    </Stack>
  );
}

/** The organiser's screen: the QR code of a fresh signed check-in link, renewed before it expires. */
function CheckInQr({ id }: { id: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState<{ svg: string; url: string; refreshSeconds: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => api.post<{ svg: string; url: string; refreshSeconds: number }>(`/api/v1/trainings/${id}/checkin-code`).then((c) => {
      if (!live) return;
      setCode(c);
      timer = setTimeout(load, c.refreshSeconds * 1000);
    }, setError);
    void load();
    return () => { live = false; if (timer) clearTimeout(timer); };
  }, [id]);
  if (error) return <FormAlert error={error} />;
  if (!code) return <Loading />;
  return (
    <Stack align="center" gap="xs">
      {/* The server's SVG (qrcode package, no script). */}
      <div className="checkin-qr" style={{ width: 'min(80vw, 360px)' }} dangerouslySetInnerHTML={{ __html: code.svg }} />
      <Text size="sm" ta="center">{t('cap.trainings.qrHint', { minutes: Math.round(code.refreshSeconds / 60) })}</Text>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }} data-checkin-url={code.url}>{code.url}</Text>
    </Stack>
  );
}

function Invite({ tr, onDone }: { tr: TrainingOut; onDone: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useFetch<{ items: { id: string; name: string }[] }>(q.trim().length >= 2 ? withQuery('/api/v1/entities', { q, pageSize: 10, ...(tr.provinceCode ? { province: tr.provinceCode } : {}) }) : null);
  const [error, setError] = useState<unknown>(null);
  const invite = (entityId: string) => api.post(`/api/v1/trainings/${tr.id}/invitations`, { entityIds: [entityId] }).then(onDone, setError);
  return (
    <Stack gap="xs">
      <TextInput label={t('cap.trainings.searchEntity')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <FormAlert error={error} />
      {found.data?.items.map((e) => (
        <Group key={e.id} justify="space-between" wrap="nowrap"><Text size="sm">{e.name}</Text>
          <Button size="xs" variant="light" disabled={tr.invitations?.some((i) => i.entity?.id === e.id)} onClick={() => void invite(e.id)}>{t('cap.trainings.inviteOne')}</Button></Group>
      ))}
      {tr.invitations && tr.invitations.length > 0 && <Text size="sm" c="dimmed">{t('cap.trainings.invitations')}: {tr.invitations.map((i) => i.entity?.name ?? i.user?.name).join(', ')}</Text>}
    </Stack>
  );
}

function Attendance({ tr, onDone }: { tr: TrainingOut; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const { error, field, busy, submit } = useFormErrors();
  const add = () => void submit(() => api.post(`/api/v1/trainings/${tr.id}/attendees`, { fullName: name, position: position || null })).then((ok) => { if (ok) { setName(''); setPosition(''); onDone(); } });
  const mark = (attendeeId: string, attended: boolean) => void api.patch(`/api/v1/trainings/${tr.id}/attendees/${attendeeId}`, { attended }).then(onDone, onDone);
  return (
    <Stack gap="xs">
      {tr.attendees?.map((a) => (
        <Group key={a.id} justify="space-between" wrap="nowrap" data-attendee={a.fullName}>
          <Checkbox label={`${a.fullName}${a.entity ? ` — ${a.entity.name}` : ''}`} checked={Boolean(a.attendedAt)} onChange={(e) => mark(a.id, e.currentTarget.checked)} />
          <Group gap={6} wrap="nowrap">
            {a.checkinMethod && <Badge size="xs" variant="outline">{t(a.checkinMethod === 'qr' ? 'cap.trainings.byQr' : 'cap.trainings.byHand')}</Badge>}
            {a.certificateUrl && <Anchor size="sm" href={a.certificateUrl} target="_blank">PDF</Anchor>}
          </Group>
        </Group>
      ))}
      <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); add(); }}>
        <Stack gap="xs">
          <Text fw={600} size="sm">{t('cap.trainings.walkIn')}</Text>
          <FormAlert error={error} />
          <Group grow><TextInput label={t('cap.trainings.fullName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={field('fullName')} /><TextInput label={t('cap.trainings.position')} value={position} onChange={(e) => setPosition(e.currentTarget.value)} /></Group>
          <Button type="submit" size="xs" loading={busy} style={{ alignSelf: 'flex-start' }}>{t('cap.trainings.addWalkIn')}</Button>
        </Stack>
      </Card>
      {tr.counts.attended > 0 && <Button component="a" href={`/api/v1/trainings/${tr.id}/certificates.pdf`} target="_blank" variant="light">{t('cap.trainings.printAll')}</Button>}
    </Stack>
  );
}

function Evaluate({ tr, onDone }: { tr: TrainingOut; onDone: () => void }) {
  const { t } = useTranslation();
  const [r, setR] = useState({ content: 5, trainers: 5, organisation: 5, usefulness: 5, comment: '' });
  const { error, busy, submit } = useFormErrors();
  const send = () => void submit(() => api.post(`/api/v1/trainings/${tr.id}/evaluation`, { ...r, comment: r.comment || null })).then((ok) => ok && onDone());
  return (
    <Card withBorder radius="md">
      <Stack gap="xs">
        <Text fw={700}>{t('cap.trainings.evaluate')}</Text>
        <FormAlert error={error} />
        {(['content', 'trainers', 'organisation', 'usefulness'] as const).map((k) => (
          <Group key={k} justify="space-between"><Text size="sm">{t(`cap.trainings.rating.${k}`)}</Text><Rating value={r[k]} onChange={(v) => setR((x) => ({ ...x, [k]: v }))} /></Group>
        ))}
        <Textarea label={t('cap.trainings.comment')} value={r.comment} onChange={(e) => { const v = e.currentTarget.value; setR((x) => ({ ...x, comment: v })); }} autosize minRows={2} />
        <Button loading={busy} onClick={send} style={{ alignSelf: 'flex-start' }}>{t('cap.trainings.send')}</Button>
      </Stack>
    </Card>
  );
}

export function TrainingDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const one = useFetch<TrainingOut>(`/api/v1/trainings/${id}`);
  const [qr, setQr] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (one.error) return <ErrorState error={one.error} onRetry={one.reload} />;
  const tr = one.data;
  if (!tr) return <Loading />;
  const act = (p: Promise<unknown>) => void p.then(one.reload, setError);
  return (
    <Stack>
      <Anchor component={Link} to="/lam-viec/dao-tao" size="sm">{t('cap.trainings.back')}</Anchor>
      <Title order={1} size="h3">{tr.title}</Title>
      <Summary tr={tr} />
      {tr.description && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{tr.description}</Text>}
      {tr.budgetVnd != null && <Text size="sm">{t('cap.trainings.budget')}: {formatNumber(tr.budgetVnd)}</Text>}
      <FormAlert error={error} />
      <Group gap="xs">
        {tr.actions.includes('register') && <Button onClick={() => act(api.post(`/api/v1/trainings/${tr.id}/registration`))}>{t('cap.trainings.register')}</Button>}
        {tr.actions.includes('withdraw') && <Button variant="subtle" color="red" onClick={() => act(api.delete(`/api/v1/trainings/${tr.id}/registration`))}>{t('cap.trainings.withdraw')}</Button>}
        {tr.mine.attendee?.certificateUrl && <Button component="a" variant="light" href={tr.mine.attendee.certificateUrl} target="_blank">{t('cap.trainings.certificate')}</Button>}
      </Group>
      {tr.actions.includes('evaluate') && <Evaluate tr={tr} onDone={one.reload} />}
      {tr.mine.attendee?.evaluated && <Alert color="green" p="xs">{t('cap.trainings.thanks')}</Alert>}
      {tr.actions.includes('checkin') && (
        <Card withBorder radius="md">
          <Stack gap="xs">
            <Title order={2} size="h4">{t('cap.trainings.qr')}</Title>
            <Button variant={qr ? 'default' : 'filled'} onClick={() => setQr((v) => !v)} style={{ alignSelf: 'flex-start' }}>{qr ? t('cap.trainings.hideQr') : t('cap.trainings.showQr')}</Button>
            {qr && <CheckInQr id={tr.id} />}
          </Stack>
        </Card>
      )}
      {tr.actions.includes('invite') && <Card withBorder radius="md"><Title order={2} size="h4" mb="xs">{t('cap.trainings.invite')}</Title><Invite tr={tr} onDone={one.reload} /></Card>}
      {tr.actions.includes('attendance') && <Card withBorder radius="md"><Title order={2} size="h4" mb="xs">{t('cap.trainings.attendance')}</Title><Attendance tr={tr} onDone={one.reload} /></Card>}
    </Stack>
  );
}

export default function TrainingsPage({ user }: { user: User }) {
  const { id } = useParams();
  return id ? <TrainingDetail /> : <TrainingsList user={user} />;
}
