// Access to credit in the workspace (/lam-viec/tin-dung): the directory of support programmes (kept by the central
// and provincial offices), the applications in the reader's scope with the summary of who was helped and with what;
// the entity or its commune officer records an application, the entity, commune or province the lender's answer.
import { Alert, Badge, Button, Card, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { ApplicationOut, ProgrammeOut } from '../../../modules/programme/credit.contract.js';

const KINDS = ['preferential_loan', 'interest_support', 'grant', 'guarantee'] as const;
const today = () => new Date().toISOString().slice(0, 10);
type AppList = { items: ApplicationOut[]; summary: { applications: number; approved: number; entitiesHelped: number; approvedAmountVnd: number } };

function ProgrammeForm({ programme, onDone }: { programme?: ProgrammeOut; onDone: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState({
    name: programme?.name ?? '', lender: programme?.lender ?? '', kind: programme?.kind ?? 'preferential_loan', description: programme?.description ?? '', conditions: programme?.conditions ?? '',
    ratePercent: programme?.ratePercent ?? ('' as number | ''), rateNote: programme?.rateNote ?? '', maxAmountVnd: programme?.maxAmountVnd ?? ('' as number | ''),
    opensOn: programme?.opensOn ?? '', deadline: programme?.deadline ?? '', legalBasis: programme?.legalBasis ?? '', contact: programme?.contact ?? '',
  });
  const { error, field, busy, submit } = useFormErrors();
  const set = (k: keyof typeof d) => (v: unknown) => setD((x) => ({ ...x, [k]: v }));
  const body = () => ({
    name: d.name, lender: d.lender, kind: d.kind, description: d.description, conditions: d.conditions, legalBasis: d.legalBasis,
    ratePercent: d.ratePercent === '' ? null : d.ratePercent, rateNote: d.rateNote || null, maxAmountVnd: d.maxAmountVnd === '' ? null : d.maxAmountVnd,
    opensOn: d.opensOn || null, deadline: d.deadline || null, contact: d.contact || null,
  });
  const save = () => void submit(async () => {
    if (programme) await api.patch(`/api/v1/credit/programmes/${programme.id}`, { ...body(), version: programme.version });
    else await api.post('/api/v1/credit/programmes', body());
  }).then((ok) => { if (ok) onDone(); });
  const input = (k: 'name' | 'lender' | 'legalBasis' | 'rateNote' | 'contact', required = true) => <TextInput label={t(`content.${k}`)} value={d[k]} onChange={(e) => set(k)(e.currentTarget.value)} error={field(k)} required={required} />;
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <FormAlert error={error} />
        {input('name')}
        {input('lender')}
        <Select label={t('content.kind')} data={KINDS.map((k) => ({ value: k, label: t(`creditKind.${k}`) }))} value={d.kind} onChange={(v) => set('kind')(v ?? d.kind)} allowDeselect={false} />
        <Textarea label={t('content.description')} value={d.description} onChange={(e) => set('description')(e.currentTarget.value)} error={field('description')} autosize minRows={2} required />
        <Textarea label={t('content.conditions')} value={d.conditions} onChange={(e) => set('conditions')(e.currentTarget.value)} error={field('conditions')} autosize minRows={2} required />
        <Group grow>
          <NumberInput label={t('content.ratePercent')} value={d.ratePercent} onChange={(v) => set('ratePercent')(typeof v === 'number' ? v : '')} min={0} max={100} decimalSeparator="," error={field('ratePercent')} />
          <NumberInput label={t('content.maxAmountVnd')} value={d.maxAmountVnd} onChange={(v) => set('maxAmountVnd')(typeof v === 'number' ? v : '')} min={1} thousandSeparator="." decimalSeparator="," error={field('maxAmountVnd')} />
        </Group>
        {input('rateNote', false)}
        <Group grow>
          <TextInput type="date" label={t('content.opensOn')} value={d.opensOn} onChange={(e) => set('opensOn')(e.currentTarget.value)} error={field('opensOn')} />
          <TextInput type="date" label={t('content.deadline')} value={d.deadline} onChange={(e) => set('deadline')(e.currentTarget.value)} error={field('deadline')} />
        </Group>
        {input('legalBasis')}
        {input('contact', false)}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('content.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('content.save')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Programmes({ user }: { user: User }) {
  const { t } = useTranslation();
  const list = useFetch<{ items: ProgrammeOut[] }>(withQuery('/api/v1/credit/programmes', { province: user.provinceCode ?? undefined }));
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => { setEditing(null); list.reload(); };
  const office = user.role === 'central' || user.role === 'province';
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Stack>
      {office && (editing === 'new' ? <ProgrammeForm onDone={done} /> : <Button onClick={() => setEditing('new')} style={{ alignSelf: 'flex-start' }}>{t('content.add')}</Button>)}
      {list.loading && !list.data ? <Loading /> : list.data?.items.length === 0 ? <EmptyState title={t('content.empty')} /> : list.data?.items.map((p) => (editing === p.id ? <ProgrammeForm key={p.id} programme={p} onDone={done} /> : (
        <Card key={p.id} withBorder radius="md">
          <Stack gap={4}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div><Text fw={700}>{p.name}</Text><Text size="sm" c="dimmed">{p.lender} · {t(`creditKind.${p.kind}`)} · {p.provinceCode ?? t('content.national')}</Text></div>
              <Badge color={p.open ? 'green' : 'gray'} variant="light">{p.open ? t('content.open') : t('content.closed')}</Badge>
            </Group>
            <Text size="sm">{p.conditions}</Text>
            <Text size="sm">
              {p.ratePercent !== null && `${t('content.ratePercent')}: ${formatNumber(p.ratePercent)} · `}{p.rateNote && `${p.rateNote} · `}
              {p.maxAmountVnd !== null && `${t('content.maxAmountVnd')}: ${formatNumber(p.maxAmountVnd)} · `}{p.deadline && `${t('content.deadline')}: ${formatDate(p.deadline)}`}
            </Text>
            <Text size="xs" c="dimmed">{t('content.legalBasis')}: {p.legalBasis}</Text>
            {p.actions?.includes('edit') && <Button size="xs" variant="light" onClick={() => setEditing(p.id)} style={{ alignSelf: 'flex-start' }}>{t('content.edit')}</Button>}
          </Stack>
        </Card>
      )))}
    </Stack>
  );
}

function ApplicationForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const programmes = useFetch<{ items: ProgrammeOut[] }>('/api/v1/credit/programmes?open=true');
  const entities = useFetch<{ items: { id: string; name: string }[] }>(user.role === 'commune' ? withQuery('/api/v1/entities', { commune: user.communeCode, status: 'approved', pageSize: 200 }) : null);
  const [d, setD] = useState({ programmeId: '', entityId: '', requestedAmountVnd: '' as number | '', purpose: '', submittedOn: today() });
  const { error, field, busy, submit } = useFormErrors();
  const save = () => void submit(() => api.post('/api/v1/credit/applications', {
    programmeId: d.programmeId, ...(user.role === 'commune' ? { entityId: d.entityId } : {}), requestedAmountVnd: d.requestedAmountVnd === '' ? 0 : d.requestedAmountVnd, purpose: d.purpose, submittedOn: d.submittedOn,
  })).then((ok) => { if (ok) onDone(); });
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <FormAlert error={error} />
        <Select label={t('content.programme')} data={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} — ${p.lender}` }))} value={d.programmeId || null} onChange={(v) => setD((x) => ({ ...x, programmeId: v ?? '' }))} error={field('programmeId')} searchable required />
        {user.role === 'commune' && <Select label={t('content.entity')} data={(entities.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} value={d.entityId || null} onChange={(v) => setD((x) => ({ ...x, entityId: v ?? '' }))} error={field('entityId')} searchable required />}
        <NumberInput label={t('content.requestedAmountVnd')} value={d.requestedAmountVnd} onChange={(v) => setD((x) => ({ ...x, requestedAmountVnd: typeof v === 'number' ? v : '' }))} min={1} thousandSeparator="." decimalSeparator="," error={field('requestedAmountVnd')} required />
        <Textarea label={t('content.purpose')} value={d.purpose} onChange={(e) => setD((x) => ({ ...x, purpose: e.currentTarget.value }))} error={field('purpose')} autosize minRows={2} required />
        <TextInput type="date" label={t('content.submittedOn')} value={d.submittedOn} onChange={(e) => setD((x) => ({ ...x, submittedOn: e.currentTarget.value }))} error={field('submittedOn')} required />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('content.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('content.save')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Outcome({ a, onDone }: { a: ApplicationOut; onDone: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'approved' | 'rejected'>('approved');
  const [amount, setAmount] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const { error, field, busy, submit } = useFormErrors();
  const save = () => void submit(() => api.post(`/api/v1/credit/applications/${a.id}/outcome`, status === 'approved'
    ? { status, version: a.version, approvedAmountVnd: amount === '' ? 0 : amount, decidedOn } : { status, version: a.version, reason, decidedOn })).then((ok) => ok && onDone());
  return (
    <Stack gap="xs">
      <FormAlert error={error} />
      <SegmentedControl value={status} onChange={(v) => setStatus(v as 'approved' | 'rejected')} data={[{ value: 'approved', label: t('content.approve') }, { value: 'rejected', label: t('content.reject') }]} />
      {status === 'approved'
        ? <NumberInput label={t('content.approvedAmountVnd')} value={amount} onChange={(v) => setAmount(typeof v === 'number' ? v : '')} min={1} thousandSeparator="." decimalSeparator="," error={field('approvedAmountVnd')} />
        : <Textarea label={t('content.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={field('reason')} autosize minRows={2} />}
      <TextInput type="date" label={t('content.decidedOn')} value={decidedOn} onChange={(e) => setDecidedOn(e.currentTarget.value)} error={field('decidedOn')} />
      <Button size="xs" onClick={save} loading={busy} style={{ alignSelf: 'flex-start' }}>{t('content.outcome')}</Button>
    </Stack>
  );
}

function Applications({ user }: { user: User }) {
  const { t } = useTranslation();
  const list = useFetch<AppList>(withQuery('/api/v1/credit/applications', { pageSize: 100 }));
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<string | null>(null);
  const done = () => { setAdding(false); setDeciding(null); list.reload(); };
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  const s = list.data?.summary;
  return (
    <Stack>
      {s && <Alert color="green" variant="light">{t('content.summaryLine', { applications: s.applications, approved: s.approved, entities: s.entitiesHelped, amount: formatNumber(s.approvedAmountVnd) })}</Alert>}
      {(user.role === 'entity' || user.role === 'commune') && (adding ? <ApplicationForm user={user} onDone={done} /> : <Button onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>{t('content.apply')}</Button>)}
      {list.loading && !list.data ? <Loading /> : list.data?.items.length === 0 ? <EmptyState title={t('content.empty')} /> : list.data?.items.map((a) => (
        <Card key={a.id} withBorder radius="md">
          <Stack gap={4}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div><Text fw={700}>{a.entity.name}</Text><Text size="sm" c="dimmed">{a.programme.name} · {a.programme.lender}</Text></div>
              <Badge color={a.status === 'approved' ? 'green' : a.status === 'rejected' ? 'red' : 'yellow'} variant="light">{t(`applicationStatus.${a.status}`)}</Badge>
            </Group>
            <Text size="sm">{t('content.amount', { amount: formatNumber(a.requestedAmountVnd) })} · {a.purpose} · {formatDate(a.submittedOn)}</Text>
            {a.status === 'approved' && <Text size="sm" c="green.8">{t('content.approvedAmountVnd')}: {formatNumber(a.approvedAmountVnd)} · {formatDate(a.decidedOn)}</Text>}
            {a.status === 'rejected' && <Text size="sm" c="red.8">{t('content.reason')}: {a.rejectionReason} · {formatDate(a.decidedOn)}</Text>}
            {a.actions.includes('outcome') && (deciding === a.id ? <Outcome a={a} onDone={done} /> : <Button size="xs" variant="light" onClick={() => setDeciding(a.id)} style={{ alignSelf: 'flex-start' }}>{t('content.outcome')}</Button>)}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

export default function CreditPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'applications' | 'programmes'>('applications');
  return (
    <Stack>
      <Title order={1} size="h3">{t('content.creditTitle')}</Title>
      <Text size="sm">{t('content.creditIntro')}</Text>
      <SegmentedControl value={tab} onChange={(v) => setTab(v as typeof tab)} data={[{ value: 'applications', label: t('content.applications') }, { value: 'programmes', label: t('content.programmes') }]} />
      {tab === 'applications' ? <Applications user={user} /> : <Programmes user={user} />}
    </Stack>
  );
}
