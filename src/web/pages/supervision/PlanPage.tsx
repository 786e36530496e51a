// One inspection plan (/lam-viec/thanh-tra/ke-hoach/:id): its products, the risk-based suggestions to add (ticked,
// each with its date), and the province office's approval.
import { Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, withQuery } from '../../api.js';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { Stars } from '../../components/Stars.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate } from '../../format.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { inspectionPath, Reasons, StateBadge, type Inspection, type Plan, type Suggestion } from './common.js';

function Suggestions({ plan, onAdded }: { plan: Plan; onAdded: () => void }) {
  const { t } = useTranslation();
  const list = useFetch<{ items: Suggestion[] }>(`/api/v1/inspection-plans/${plan.id}/suggestions`);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const { error, field, busy, submit } = useFormErrors();
  const defaultDue = `${plan.year}-${String(Math.min(12, new Date().getMonth() + 2)).padStart(2, '0')}-15`;
  const add = () => void submit(async () => {
    const items = list.data!.items.filter((s) => chosen[s.productId]).map((s) => ({ productId: s.productId, dueOn: chosen[s.productId], reasons: s.reasons }));
    await api.post(`/api/v1/inspection-plans/${plan.id}/items`, { items });
    setChosen({});
    list.reload();
    onAdded();
  });
  const count = Object.keys(chosen).length;
  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="sug-title">
      <Title order={2} size="h4" id="sug-title">{t('insp.suggestions')}</Title>
      <Text size="sm" c="dark.4" mb="xs">{t('insp.suggestionsIntro')}</Text>
      <FormAlert error={error} />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : !list.data ? <Loading /> : !list.data.items.length ? <Text c="dark.4">{t('insp.noSuggestions')}</Text> : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.data.items.map((s) => (
            <Card key={s.productId} withBorder radius="md" padding="sm" component="li" data-testid="suggestion">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Checkbox label={<Text fw={600} component="span">{s.productName}</Text>} checked={Boolean(chosen[s.productId])}
                  onChange={(e) => { const on = e.currentTarget.checked; setChosen((c) => { const n = { ...c }; if (on) n[s.productId] = defaultDue; else delete n[s.productId]; return n; }); }} />
                <Stars count={s.stars} size={14} />
              </Group>
              <Text size="xs" c="dark.4">{s.entityName}{s.communeName ? ` · ${s.communeName}` : ''} · {t('insp.expiresOn', { date: formatDate(s.expiresOn) })}{s.complaints ? ` · ${t('insp.complaintsCount', { count: s.complaints })}` : ''}</Text>
              <Reasons reasons={s.reasons} />
              {chosen[s.productId] !== undefined && (
                <TextInput mt={6} type="date" label={t('insp.dueOn')} value={chosen[s.productId]} onChange={(e) => { const v = e.currentTarget.value; setChosen((c) => ({ ...c, [s.productId]: v })); }}
                  error={field(`items.${list.data!.items.filter((x) => chosen[x.productId] !== undefined).findIndex((x) => x.productId === s.productId)}.dueOn`)} />
              )}
            </Card>
          ))}
        </Stack>
      )}
      {count > 0 && <Button mt="sm" loading={busy} onClick={add}>{t('insp.addSelected', { count })}</Button>}
    </Card>
  );
}

export default function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = useFetch<Plan>(`/api/v1/inspection-plans/${id}`);
  const items = useFetch<{ items: Inspection[] }>(withQuery('/api/v1/inspections', { plan: id, pageSize: 200 }));
  const confirm = useConfirm();
  const { error, busy, submit } = useFormErrors();
  usePageTitle(plan.data?.title ?? t('insp.plans'));
  if (plan.error) return <ErrorState error={plan.error} onRetry={plan.reload} />;
  const p = plan.data;
  if (!p) return <Loading />;
  const approve = async () => {
    if (!(await confirm.ask({ title: t('insp.approve'), next: t('insp.approveConfirm'), confirmLabel: t('insp.approve') }))) return;
    await submit(async () => { plan.setData(await api.post<Plan>(`/api/v1/inspection-plans/${p.id}/approve`, { version: p.version })); items.reload(); });
  };
  return (
    <Stack>
      {confirm.modal}
      <Anchor component={Link} to="/lam-viec/thanh-tra" size="sm">← {t('insp.back')}</Anchor>
      <div>
        <Group gap="xs"><Title order={1} size="h2">{p.title}</Title><Badge color={p.status === 'approved' ? 'green' : 'yellow'} variant="light">{t(`insp.planStatus.${p.status}`)}</Badge></Group>
        <Text c="dark.4">{p.provinceName} · {t(`insp.levels.${p.level}`)} · {t('insp.counts', p.counts)}</Text>
      </div>
      <FormAlert error={error} />
      {p.actions.includes('approve') && <div><Button color="green" loading={busy} onClick={() => void approve()}>{t('insp.approve')}</Button></div>}
      <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="items-title">
        <Title order={2} size="h4" id="items-title" mb="xs">{t('insp.items')}</Title>
        {items.error ? <ErrorState error={items.error} onRetry={items.reload} /> : !items.data ? <Loading /> : !items.data.items.length ? <Text c="dark.4">{t('insp.noItems')}</Text> : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.data.items.map((i) => (
              <Card key={i.id} withBorder radius="md" padding="sm" component="li">
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={inspectionPath(i.id)} fw={600}>{i.product.name}</Anchor>
                    <Text size="xs" c="dark.4">{i.entity.name} · {t('insp.deadline', { date: formatDate(i.dueOn) })}</Text>
                  </div>
                  <StateBadge i={i} />
                </Group>
                <Reasons reasons={i.reasons} />
              </Card>
            ))}
          </Stack>
        )}
      </Card>
      {p.actions.includes('add_items') && <Suggestions plan={p} onAdded={() => { items.reload(); plan.reload(); }} />}
    </Stack>
  );
}
