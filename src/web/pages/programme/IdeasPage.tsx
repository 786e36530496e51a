// Product ideas (/lam-viec/y-tuong), bước 2–4 of the OCOP cycle: the producer registers an idea with its commune (or
// the commune officer records one for a producer not registered yet); the commune accepts it into the cycle or
// returns it with the reason; the producer then hands in its business plan and the commune moves it on. Phones
// first: one card per idea, the forms inline.
import { Alert, Badge, Button, Card, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api.js';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import { useClassification } from '../../reference.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { IdeaOut } from '../../../modules/programme/cycle.contract.js';

type Draft = { title: string; description: string; productSet: string; rawMaterials: string; market: string; producerName: string; producerPhone: string };
const blank: Draft = { title: '', description: '', productSet: '', rawMaterials: '', market: '', producerName: '', producerPhone: '' };
const STATUS_COLOR = { submitted: 'yellow', accepted: 'green', returned: 'red' } as const;

function useSetOptions() {
  const { i18n } = useTranslation();
  const classification = useClassification();
  const en = i18n.language === 'en';
  return useMemo(() => (classification?.sectors ?? []).map((s) => ({
    group: `${s.code}. ${en ? s.nameEn : s.name}`,
    items: s.groups.flatMap((g) => g.productSets.map((ps) => ({ value: String(ps.sheet), label: `${ps.code} ${en ? ps.nameEn : ps.name}` }))),
  })), [classification, en]);
}

function IdeaForm({ idea, forProducer, onDone }: { idea?: IdeaOut; forProducer: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const sets = useSetOptions();
  const [d, setD] = useState<Draft>(idea ? { ...blank, title: idea.title, description: idea.description, productSet: idea.productSet ? String(idea.productSet) : '', rawMaterials: idea.rawMaterials ?? '', market: idea.market ?? '' } : blank);
  const { error, field, busy, submit } = useFormErrors();
  const text = (k: keyof Draft) => (e: { currentTarget: { value: string } }) => { const v = e.currentTarget.value; setD((x) => ({ ...x, [k]: v })); };
  const body = { title: d.title, description: d.description, productSet: d.productSet ? Number(d.productSet) : null, rawMaterials: d.rawMaterials.trim() || null, market: d.market.trim() || null };
  const save = () => void submit(() => (idea
    ? api.patch(`/api/v1/product-ideas/${idea.id}`, { ...body, version: idea.version })
    : api.post('/api/v1/product-ideas', forProducer ? { ...body, producerName: d.producerName, producerPhone: d.producerPhone.trim() || null } : body))).then((ok) => ok && onDone());
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="xs">
        <FormAlert error={error} />
        {forProducer && !idea && (
          <Group grow wrap="wrap">
            <TextInput label={t('ideas.producerName')} value={d.producerName} onChange={text('producerName')} error={field('producerName')} required miw={180} />
            <TextInput label={t('ideas.producerPhone')} type="tel" inputMode="tel" value={d.producerPhone} onChange={text('producerPhone')} error={field('producerPhone')} miw={140} />
          </Group>
        )}
        <TextInput label={t('ideas.ideaTitle')} value={d.title} onChange={text('title')} error={field('title')} required name="title" />
        <Textarea label={t('ideas.description')} value={d.description} onChange={text('description')} error={field('description')} required autosize minRows={3} name="description" />
        <Select label={t('ideas.productSet')} data={sets} value={d.productSet || null} onChange={(v) => setD((x) => ({ ...x, productSet: v ?? '' }))} searchable clearable error={field('productSet')} />
        <TextInput label={t('ideas.rawMaterials')} value={d.rawMaterials} onChange={text('rawMaterials')} error={field('rawMaterials')} />
        <TextInput label={t('ideas.market')} value={d.market} onChange={text('market')} error={field('market')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('ideas.cancel')}</Button>
          <Button type="submit" loading={busy}>{idea ? t('ideas.resend') : t('ideas.send')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function BusinessPlanForm({ idea, onDone }: { idea: IdeaOut; onDone(): void }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState('');
  const [investment, setInvestment] = useState<number | ''>('');
  const [output, setOutput] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const { error, field, busy, submit } = useFormErrors();
  const save = () => void submit(() => api.post(`/api/v1/product-ideas/${idea.id}/business-plan`, {
    version: idea.version, summary, investmentVnd: investment === '' ? null : investment, expectedOutput: output.trim() || null, startsOn: startsOn || null,
  })).then((ok) => ok && onDone());
  return (
    <Stack gap="xs" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <FormAlert error={error} />
      <Textarea label={t('ideas.planSummary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={field('summary')} required autosize minRows={3} />
      <Group grow wrap="wrap">
        <NumberInput label={t('ideas.investment')} value={investment} onChange={(v) => setInvestment(typeof v === 'number' ? v : '')} min={0} thousandSeparator="." decimalSeparator="," error={field('investmentVnd')} miw={160} />
        <TextInput label={t('ideas.output')} value={output} onChange={(e) => setOutput(e.currentTarget.value)} miw={140} />
        <TextInput label={t('ideas.startsOn')} type="date" value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={field('startsOn')} miw={140} />
      </Group>
      <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>{t('ideas.sendPlan')}</Button>
    </Stack>
  );
}

function Decide({ idea, onDone }: { idea: IdeaOut; onDone(): void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [reason, setReason] = useState('');
  const [returning, setReturning] = useState(false);
  const { error, field, busy, submit } = useFormErrors();
  const accept = async () => {
    if (!(await confirm.ask({ title: t('ideas.acceptTitle', { title: idea.title }), next: t('ideas.acceptNext'), confirmLabel: t('ideas.accept') }))) return;
    if (await submit(() => api.post(`/api/v1/product-ideas/${idea.id}/accept`, { version: idea.version }))) onDone();
  };
  const doReturn = () => void submit(() => api.post(`/api/v1/product-ideas/${idea.id}/return`, { version: idea.version, reason })).then((ok) => ok && onDone());
  return (
    <Stack gap="xs">
      {confirm.modal}
      <FormAlert error={error} />
      {returning && <Textarea label={t('ideas.returnReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={field('reason')} autosize minRows={2} />}
      <Group gap="xs">
        {!returning && <Button size="xs" color="green" loading={busy} onClick={() => void accept()}>{t('ideas.accept')}</Button>}
        <Button size="xs" color="red" variant={returning ? 'filled' : 'light'} loading={busy} onClick={() => (returning ? doReturn() : setReturning(true))}>{t('ideas.return')}</Button>
      </Group>
    </Stack>
  );
}

function IdeaCard({ idea, user, onChanged }: { idea: IdeaOut; user: User; onChanged(): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { error, busy, submit } = useFormErrors();
  if (editing) return <IdeaForm idea={idea} forProducer={user.role === 'commune'} onDone={() => { setEditing(false); onChanged(); }} />;
  const advance = () => void submit(() => api.post(`/api/v1/product-ideas/${idea.id}/advance`, { version: idea.version })).then((ok) => ok && onChanged());
  return (
    <Card withBorder radius="md" data-idea={idea.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text fw={700}>{idea.title}</Text>
            <Text size="sm" c="dimmed">{t('ideas.producer', { name: idea.producerName })} · {idea.communeName} · {formatDate(idea.createdAt)}</Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Badge color={STATUS_COLOR[idea.status]} variant="light" data-testid="idea-status">{t(`ideas.status.${idea.status}`)}</Badge>
            <Badge variant="outline" size="sm">{t(`productCycle.steps.${idea.step}`)}</Badge>
          </Stack>
        </Group>
        <Text size="sm">{idea.description}</Text>
        {idea.productSetName && <Text size="xs" c="dimmed">{idea.productSetName}</Text>}
        {idea.producerPhone && <Text size="xs">{t('ideas.producerPhone')}: {idea.producerPhone}</Text>}
        {idea.status === 'returned' && idea.statusReason && <Alert color="red" p="xs">{t('ideas.reason', { text: idea.statusReason })}</Alert>}
        {idea.businessPlan && (
          <Card withBorder radius="sm" p="xs">
            <Text size="sm" fw={600}>{t('ideas.businessPlan')}</Text>
            <Text size="sm">{idea.businessPlan.summary}</Text>
            {idea.businessPlan.investmentVnd !== null && <Text size="xs">{t('ideas.investment')}: {formatNumber(idea.businessPlan.investmentVnd)}</Text>}
          </Card>
        )}
        <FormAlert error={error} />
        {idea.actions.includes('edit') && <Button size="xs" variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => setEditing(true)}>{t('ideas.resend')}</Button>}
        {idea.actions.includes('accept') && <Decide idea={idea} onDone={onChanged} />}
        {idea.actions.includes('business_plan') && <BusinessPlanForm idea={idea} onDone={onChanged} />}
        {idea.actions.includes('advance') && <Button size="xs" loading={busy} style={{ alignSelf: 'flex-start' }} onClick={advance}>{t('ideas.advance')}</Button>}
      </Stack>
    </Card>
  );
}

export default function IdeasPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const list = useFetch<{ items: IdeaOut[]; total: number }>(withQuery('/api/v1/product-ideas', { pageSize: 100 }));
  const [adding, setAdding] = useState(false);
  const mayAdd = user.role === 'entity' || user.role === 'commune';
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Stack>
      <Title order={1} size="h3">{t('ideas.title')}</Title>
      <Text size="sm">{t('ideas.intro')}</Text>
      {mayAdd && (adding
        ? <IdeaForm forProducer={user.role === 'commune'} onDone={() => { setAdding(false); list.reload(); }} />
        : <Button onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>{user.role === 'commune' ? t('ideas.addForProducer') : t('ideas.add')}</Button>)}
      {list.loading && !list.data ? <Loading /> : list.data?.items.length === 0 ? <EmptyState title={t('ideas.empty')} /> : (
        list.data?.items.map((i) => <IdeaCard key={`${i.id}-${i.version}`} idea={i} user={user} onChanged={list.reload} />)
      )}
    </Stack>
  );
}
