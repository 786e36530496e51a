// The inspector's workspace (/lam-viec/thanh-tra): the year's plans, the inspections due, the corrective actions being
// followed up, the revocations proposed, the complaints awaiting triage (the reports' queue) and the integrity flags.
// Phone first: cards, one column at 360 px.
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, withQuery } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate } from '../../format.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { TodoList } from '../workspace/TodoList.js';
import { inspectionPath, planPath, Reasons, StateBadge, type CorrectiveAction, type Inspection, type Plan, type Summary } from './common.js';

function Figure({ label, value, danger }: { label: string; value: number | undefined; danger?: boolean }) {
  return (
    <Card withBorder radius="lg" padding="sm">
      <Text size="xs" c="dark.4" fw={600}>{label}</Text>
      <Text fz={26} fw={800} c={danger && value ? 'red.8' : 'ocop.9'}>{value ?? '…'}</Text>
    </Card>
  );
}

function NewPlan({ user, onCreated }: { user: User; onCreated: (p: Plan) => void }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const central = user.role === 'central' || (user.role === 'inspector' && !user.provinceCode);
  const [d, setD] = useState({ provinceCode: user.provinceCode ?? '', level: central ? 'central' : 'province', year: String(year), title: t('insp.planTitleDefault', { year }) });
  const { error, field, busy, submit } = useFormErrors();
  const save = () => void submit(async () => onCreated(await api.post<Plan>('/api/v1/inspection-plans', { ...d, year: Number(d.year) })));
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }} aria-label={t('insp.newPlan')}>
      <Stack gap="xs">
        <FormAlert error={error} />
        <TextInput label={t('insp.planTitle')} value={d.title} onChange={(e) => setD({ ...d, title: e.currentTarget.value })} error={field('title')} required />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <TextInput label={t('insp.year')} type="number" inputMode="numeric" value={d.year} onChange={(e) => setD({ ...d, year: e.currentTarget.value })} error={field('year')} required />
          {central && <TextInput label={t('insp.province')} inputMode="numeric" maxLength={2} value={d.provinceCode} onChange={(e) => setD({ ...d, provinceCode: e.currentTarget.value })} error={field('provinceCode')} required />}
          {central && <Select label={t('insp.level')} data={['province', 'central'].map((v) => ({ value: v, label: t(`insp.levels.${v}`) }))} value={d.level} onChange={(v) => setD({ ...d, level: v ?? 'province' })} allowDeselect={false} />}
        </SimpleGrid>
        <div><Button type="submit" loading={busy}>{t('insp.newPlan')}</Button></div>
      </Stack>
    </Card>
  );
}

function InspectionCard({ i }: { i: Inspection }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" component="li">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} to={inspectionPath(i.id)} fw={600}>{i.product.name}</Anchor>
          <Text size="xs" c="dark.4">{i.entity.name}{i.communeName ? ` · ${i.communeName}` : ''}</Text>
          <Text size="xs" c={i.overdue ? 'red.8' : 'dark.4'}>{i.revocation?.status === 'pending' ? t('insp.revocationDeadline', { date: formatDate(i.revocation.deadlineOn) }) : t('insp.deadline', { date: formatDate(i.dueOn) })}</Text>
        </div>
        <StateBadge i={i} />
      </Group>
      <Reasons reasons={i.reasons} />
    </Card>
  );
}

export default function InspectorWorkspace({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('insp.title'));
  const summary = useFetch<Summary>('/api/v1/inspections/summary');
  const plans = useFetch<{ items: Plan[] }>('/api/v1/inspection-plans');
  const due = useFetch<{ items: Inspection[] }>(withQuery('/api/v1/inspections', { status: 'planned', pageSize: 20 }));
  const proposals = useFetch<{ items: Inspection[] }>(withQuery('/api/v1/inspections', { proposal: 'pending', pageSize: 20 }));
  const actions = useFetch<{ items: CorrectiveAction[] }>(withQuery('/api/v1/corrective-actions', { status: 'open', pageSize: 20 }));
  const [creating, setCreating] = useState(false);
  if (summary.error) return <ErrorState error={summary.error} onRetry={summary.reload} />;
  const s = summary.data;
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">{t('insp.title')}</Title>
        <Text c="dark.4">{t('insp.intro')}</Text>
      </div>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Figure label={t('insp.summary.planned')} value={s?.planned} />
        <Figure label={t('insp.summary.overdue')} value={s?.overdue} danger />
        <Figure label={t('insp.summary.openActions')} value={s?.openActions} />
        <Figure label={t('insp.summary.pendingRevocations')} value={s?.pendingRevocations} danger />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Card withBorder radius="md" padding="sm">
          <Group justify="space-between" gap="xs">
            <Text fw={600}>{t('insp.complaints')}</Text>
            <Badge size="lg" color={s?.complaintsAwaiting ? 'red' : 'gray'} data-testid="complaints-awaiting">{s?.complaintsAwaiting ?? '…'}</Badge>
          </Group>
          <Anchor component={Link} to="/lam-viec/phan-anh" size="sm">{t('insp.complaintsLink')}</Anchor>
        </Card>
        <Card withBorder radius="md" padding="sm">
          <Text fw={600}>{t('insp.integrity')}</Text>
          <Anchor component={Link} to="/lam-viec/lien-chinh" size="sm">{t('insp.integrityLink')}</Anchor>
        </Card>
      </SimpleGrid>

      <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="plans-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="plans-title">{t('insp.plans')}</Title>
          <Button size="xs" variant="light" onClick={() => setCreating((v) => !v)}>{t('insp.newPlan')}</Button>
        </Group>
        {creating && <NewPlan user={user} onCreated={(p) => navigate(planPath(p.id))} />}
        {plans.error ? <ErrorState error={plans.error} onRetry={plans.reload} /> : !plans.data ? <Loading /> : !plans.data.items.length ? <Text c="dark.4">{t('insp.noPlans')}</Text> : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {plans.data.items.map((p) => (
              <Card key={p.id} withBorder radius="md" padding="sm" component="li">
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={planPath(p.id)} fw={600}>{p.title}</Anchor>
                    <Text size="xs" c="dark.4">{p.provinceName} · {t(`insp.levels.${p.level}`)} · {t('insp.counts', p.counts)}</Text>
                  </div>
                  <Badge color={p.status === 'approved' ? 'green' : 'yellow'} variant="light">{t(`insp.planStatus.${p.status}`)}</Badge>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </Card>

      <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="due-title">
        <Title order={2} size="h4" id="due-title" mb="xs">{t('insp.due')}</Title>
        {due.error ? <ErrorState error={due.error} onRetry={due.reload} /> : !due.data ? <Loading /> : !due.data.items.length ? <Text c="dark.4">{t('insp.noDue')}</Text> : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>{due.data.items.map((i) => <InspectionCard key={i.id} i={i} />)}</Stack>
        )}
      </Card>

      {!!proposals.data?.items.length && (
        <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="proposals-title">
          <Title order={2} size="h4" id="proposals-title" mb="xs">{t('insp.proposals')}</Title>
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>{proposals.data.items.map((i) => <InspectionCard key={i.id} i={i} />)}</Stack>
        </Card>
      )}

      {/* The inspector's certificates and late revocations (the to-do list every workspace home shows). */}
      {user.role === 'inspector' && <TodoList intro={t('todo.home.inspector')} />}

      <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="actions-title">
        <Title order={2} size="h4" id="actions-title" mb="xs">{t('insp.actionsOpen')}</Title>
        {actions.error ? <ErrorState error={actions.error} onRetry={actions.reload} /> : !actions.data ? <Loading /> : !actions.data.items.length ? <Text c="dark.4">{t('insp.noActions')}</Text> : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {actions.data.items.map((a) => (
              <Card key={a.id} withBorder radius="md" padding="sm" component="li">
                <Anchor component={Link} to={inspectionPath(a.inspectionId)} fw={600}>{a.product?.name ?? '—'}</Anchor>
                <Text size="sm">{a.description}</Text>
                <Text size="xs" c={a.overdue ? 'red.8' : 'dark.4'} fw={a.overdue ? 700 : 400}>{t('insp.deadline', { date: formatDate(a.dueOn) })}{a.overdue ? ` · ${t('insp.overdue')}` : ''}</Text>
              </Card>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
