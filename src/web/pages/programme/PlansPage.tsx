// The yearly plan (/lam-viec/ke-hoach): a province office (the central office for the nation) sets its targets, sees
// each one's progress computed live from the data, keeps every version, submits and approves. Phones first: the
// targets are a table that scrolls sideways below 360 px; the editor is one card per target.
import { ActionIcon, Alert, Badge, Button, Card, Group, NumberInput, Progress, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, withQuery } from '../../api.js';
import { CommunePicker } from '../../components/CommunePicker.js';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatDateTime, formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useProvinces } from '../../reference.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { PlanOut, TargetOut } from '../../../modules/programme/plans.contract.js';

type Kinds = { items: { code: string; vi: string; en: string; unit: string; byStars: boolean; bySector: boolean }[] };
type Versions = { items: { versionNumber: number; status: string; targetCount: number; createdAt: string; createdByName: string | null; approvedByName: string | null; approvedAt: string | null }[] };
type Row = { key: string | null; kind: string; label: string; stars: string; sector: string; target: number | ''; byCommune: { communeCode: string; target: number | '' }[] };
const SECTORS = ['I', 'II', 'III', 'IV', 'V', 'VI'];

const rowOf = (t: TargetOut): Row => ({
  key: t.key, kind: t.kind, label: t.ownLabel ?? '', stars: t.stars ? String(t.stars) : '', sector: t.sector ?? '', target: t.target,
  byCommune: t.byCommune.map((c) => ({ communeCode: c.communeCode, target: c.target })),
});
const bodyOf = (r: Row) => ({
  key: r.key, kind: r.kind, label: r.label.trim() || null, stars: r.stars ? Number(r.stars) : null, sector: r.sector || null, target: r.target === '' ? 0 : r.target,
  byCommune: r.byCommune.filter((c) => c.communeCode).map((c) => ({ communeCode: c.communeCode, target: c.target === '' ? 0 : c.target })),
});

function amount(n: number | null, unit: string) {
  if (n === null) return '—';
  return unit === 'percent' ? `${formatNumber(n)} %` : formatNumber(n);
}

function ProgressCell({ t: x }: { t: { achieved: number | null; progress: number | null; measured?: boolean } }) {
  const { t } = useTranslation();
  if (x.achieved === null) return <Text size="xs" c="dimmed">{t('plans.notMeasured')}</Text>;
  const p = Math.min(100, x.progress ?? 0);
  return (
    <Stack gap={2} miw={90}>
      <Progress value={p} color={p >= 100 ? 'green' : p >= 50 ? 'teal' : 'orange'} aria-label={t('plans.progress')} />
      <Text size="xs">{x.progress === null ? '—' : `${formatNumber(x.progress)} %`}</Text>
    </Stack>
  );
}

function TargetsTable({ plan }: { plan: PlanOut }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table verticalSpacing="xs" striped data-testid="plan-targets">
        <Table.Thead>
          <Table.Tr><Table.Th>{t('plans.kind')}</Table.Th><Table.Th ta="right">{t('plans.target')}</Table.Th><Table.Th ta="right">{t('plans.achieved')}</Table.Th><Table.Th>{t('plans.progress')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.targets.flatMap((x) => [
            <Table.Tr key={x.key} data-target={x.key}>
              <Table.Td><Text size="sm" fw={600}>{pick(x.label)}</Text><Text size="xs" c="dimmed">{t(`plans.units.${x.unit}`)}</Text></Table.Td>
              <Table.Td ta="right">{amount(x.target, x.unit)}</Table.Td>
              <Table.Td ta="right" data-achieved>{x.unit === 'vnd' ? <Text size="xs" c="dimmed">{t('plans.plannedOnly')}</Text> : amount(x.achieved, x.unit)}</Table.Td>
              <Table.Td>{x.unit === 'vnd' ? null : <ProgressCell t={x} />}</Table.Td>
            </Table.Tr>,
            ...x.byCommune.map((c) => (
              <Table.Tr key={`${x.key}-${c.communeCode}`}>
                <Table.Td pl="lg"><Text size="xs">{c.communeName}</Text></Table.Td>
                <Table.Td ta="right"><Text size="xs">{amount(c.target, x.unit)}</Text></Table.Td>
                <Table.Td ta="right"><Text size="xs">{amount(c.achieved, x.unit)}</Text></Table.Td>
                <Table.Td><ProgressCell t={c} /></Table.Td>
              </Table.Tr>
            )),
          ])}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PlanEditor({ plan, year, province, onSaved, onCancel }: { plan: PlanOut | null; year: number; province: string | null; onSaved(n: number): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { pickName } = useLocalized();
  const kinds = useFetch<Kinds>('/api/v1/plan-target-kinds');
  const [rows, setRows] = useState<Row[]>(() => plan?.targets.map(rowOf) ?? [{ key: null, kind: 'new_products', label: '', stars: '', sector: '', target: '', byCommune: [] }]);
  const [note, setNote] = useState(plan?.planNote ?? '');
  const { error, field, busy, submit } = useFormErrors();
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = () => void submit(async () => {
    const saved = await api.put<PlanOut>(withQuery(`/api/v1/plans/${year}`, { province }), { basedOn: plan?.latestVersion ?? null, targets: rows.map(bodyOf), note: note.trim() || null });
    onSaved(saved.versionNumber);
  });
  const kindOf = (code: string) => kinds.data?.items.find((k) => k.code === code);
  return (
    <Card withBorder radius="md" component="form" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <Stack gap="sm">
        <FormAlert error={error} />
        {rows.map((r, i) => {
          const k = kindOf(r.kind);
          return (
            <Card key={i} withBorder radius="sm" p="sm" data-editor-row={i}>
              <Stack gap={6}>
                <Group grow align="flex-end" wrap="wrap">
                  <Select label={t('plans.kind')} value={r.kind} allowDeselect={false} miw={200} error={field(`targets.${i}.kind`)}
                    data={(kinds.data?.items ?? [{ code: r.kind, vi: r.kind, en: r.kind }]).map((x) => ({ value: x.code, label: pickName(x.vi, x.en) }))}
                    onChange={(v) => set(i, { kind: v ?? r.kind, stars: '', sector: '' })} />
                  <NumberInput label={`${t('plans.value')} (${t(`plans.units.${k?.unit ?? 'products'}`)})`} value={r.target} min={0} thousandSeparator="." decimalSeparator="," miw={140}
                    onChange={(v) => set(i, { target: typeof v === 'number' ? v : '' })} error={field(`targets.${i}.target`)} required />
                </Group>
                {(k?.byStars || k?.bySector) && (
                  <Group grow>
                    {k.byStars && <Select label={t('plans.stars')} value={r.stars} data={[{ value: '', label: t('plans.anyStars') }, ...['3', '4', '5'].map((s) => ({ value: s, label: `${s} ★` }))]} onChange={(v) => set(i, { stars: v ?? '' })} error={field(`targets.${i}.stars`)} />}
                    {k.bySector && <Select label={t('plans.sector')} value={r.sector} data={[{ value: '', label: t('plans.anySector') }, ...SECTORS.map((s) => ({ value: s, label: s }))]} onChange={(v) => set(i, { sector: v ?? '' })} error={field(`targets.${i}.sector`)} />}
                  </Group>
                )}
                <TextInput label={t('plans.label')} value={r.label} onChange={(e) => set(i, { label: e.currentTarget.value })} error={field(`targets.${i}.label`)} />
                {province && r.byCommune.map((c, j) => (
                  <Group key={j} align="flex-end" wrap="nowrap" gap="xs">
                    <div style={{ flex: 1, minWidth: 0 }}><CommunePicker value={c.communeCode} province={province} label={t('plans.commune')} error={field(`targets.${i}.byCommune.${j}.communeCode`)}
                      onChange={(code) => set(i, { byCommune: r.byCommune.map((x, m) => (m === j ? { ...x, communeCode: code } : x)) })} /></div>
                    <NumberInput w={100} label={t('plans.target')} value={c.target} min={0} onChange={(v) => set(i, { byCommune: r.byCommune.map((x, m) => (m === j ? { ...x, target: typeof v === 'number' ? v : '' } : x)) })} />
                    <ActionIcon variant="subtle" color="red" aria-label={t('plans.removeCommune')} onClick={() => set(i, { byCommune: r.byCommune.filter((_, m) => m !== j) })}>✕</ActionIcon>
                  </Group>
                ))}
                {field(`targets.${i}.byCommune`) && <Text size="xs" c="red">{field(`targets.${i}.byCommune`)}</Text>}
                <Group gap="xs">
                  {province && <Button size="xs" variant="subtle" onClick={() => set(i, { byCommune: [...r.byCommune, { communeCode: '', target: '' }] })}>{t('plans.addCommune')}</Button>}
                  <Button size="xs" variant="subtle" color="red" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>{t('plans.removeTarget')}</Button>
                </Group>
              </Stack>
            </Card>
          );
        })}
        <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => setRows((rs) => [...rs, { key: null, kind: 'new_products', label: '', stars: '', sector: '', target: '', byCommune: [] }])}>{t('plans.addTarget')}</Button>
        <Textarea label={t('plans.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('plans.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('plans.save')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function VersionsList({ year, province, onView }: { year: number; province: string | null; onView(n: number): void }) {
  const { t } = useTranslation();
  const list = useFetch<Versions>(withQuery(`/api/v1/plans/${year}/versions`, { province }));
  if (!list.data?.items.length) return null;
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h5" mb="xs">{t('plans.history')}</Title>
      <Stack gap={4}>
        {list.data.items.map((v) => (
          <Group key={v.versionNumber} justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">{t('plans.version', { n: v.versionNumber })} · <Badge size="sm" variant="light" color={v.status === 'approved' ? 'green' : v.status === 'submitted' ? 'yellow' : 'gray'}>{t(`plans.status.${v.status}`)}</Badge>
              {' '}<Text span size="xs" c="dimmed">{t('plans.by', { name: v.createdByName ?? '—', date: formatDateTime(v.createdAt) })} · {t('plans.targets', { count: v.targetCount })}</Text></Text>
            <Button size="compact-xs" variant="subtle" onClick={() => onView(v.versionNumber)}>{t('plans.view')}</Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

export default function PlansPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const { pickName } = useLocalized();
  const provinces = useProvinces();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [province, setProvince] = useState<string | null>(user.role === 'central' ? null : user.provinceCode);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [stamp, setStamp] = useState(0);
  const plan = useFetch<PlanOut>(withQuery(`/api/v1/plans/${year}`, { province, version }));
  const confirm = useConfirm();
  const { error, busy, submit } = useFormErrors();
  const missing = plan.error instanceof ApiError && plan.error.status === 404;
  const mayCreate = user.role === 'central' ? province === null : user.role === 'province' && province === user.provinceCode;
  const reload = (n?: number) => { setVersion(n); setEditing(false); setStamp((s) => s + 1); plan.reload(); };
  const p = plan.data && !missing ? plan.data : null;

  const step = async (which: 'submit' | 'approve') => {
    if (!p) return;
    const ok = await confirm.ask({ title: t(`plans.${which}Title`, { n: p.versionNumber }), next: t(`plans.${which}Next`), confirmLabel: t(`plans.${which}`) });
    if (!ok) return;
    await submit(() => api.post(withQuery(`/api/v1/plans/${year}/${which}`, { province }), { versionNumber: p.versionNumber }));
    reload(p.versionNumber);
  };

  return (
    <Stack>
      {confirm.modal}
      <Title order={1} size="h3">{t('plans.title')}</Title>
      <Text size="sm">{t('plans.intro')}</Text>
      <Group grow wrap="wrap">
        <Select label={t('plans.year')} value={String(year)} allowDeselect={false} data={[thisYear - 1, thisYear, thisYear + 1].map(String)} onChange={(v) => { setYear(Number(v)); reload(); }} />
        {user.role === 'central' && (
          <Select label={t('plans.scope')} value={province ?? ''} allowDeselect={false} searchable
            data={[{ value: '', label: t('plans.nation') }, ...(provinces ?? []).map((x) => ({ value: x.code, label: pickName(x.name, x.nameEn) }))]}
            onChange={(v) => { setProvince(v || null); reload(); }} />
        )}
      </Group>
      <FormAlert error={error} />
      {plan.loading && !plan.data && !plan.error ? <Loading /> : missing ? (
        editing ? <PlanEditor plan={null} year={year} province={province} onSaved={reload} onCancel={() => setEditing(false)} />
          : <EmptyState title={t('plans.none', { year })} action={mayCreate ? <Button onClick={() => setEditing(true)}>{t('plans.create')}</Button> : undefined} />
      ) : plan.error ? <ErrorState error={plan.error} onRetry={() => reload()} /> : p && (
        <>
          <Card withBorder radius="md">
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={2}>
                <Text fw={700}>{p.provinceName ?? t('plans.nation')} · {p.year}</Text>
                <Group gap={6}>
                  <Badge variant="light" color={p.status === 'approved' ? 'green' : p.status === 'submitted' ? 'yellow' : 'gray'} data-testid="plan-status">{t(`plans.status.${p.status}`)}</Badge>
                  <Text size="sm">{t('plans.version', { n: p.versionNumber })}</Text>
                  {p.approvedVersion !== null && p.approvedVersion !== p.versionNumber && <Text size="xs" c="dimmed">{t('plans.approvedVersion', { n: p.approvedVersion })}</Text>}
                </Group>
                <Text size="xs" c="dimmed">{t('plans.asOf', { date: formatDate(p.asOf) })}</Text>
              </Stack>
              <Group gap="xs">
                {p.actions?.includes('edit') && !editing && <Button size="xs" variant="light" onClick={() => { setVersion(undefined); setEditing(true); }}>{t('plans.edit')}</Button>}
                {p.actions?.includes('submit') && p.versionNumber === p.latestVersion && <Button size="xs" loading={busy} onClick={() => void step('submit')}>{t('plans.submit')}</Button>}
                {p.actions?.includes('approve') && p.versionNumber === p.latestVersion && <Button size="xs" color="green" loading={busy} onClick={() => void step('approve')}>{t('plans.approve')}</Button>}
              </Group>
            </Group>
            {p.planNote && <Alert color="gray" mt="xs" p="xs">{p.planNote}</Alert>}
          </Card>
          {editing ? <PlanEditor plan={p} year={year} province={province} onSaved={reload} onCancel={() => setEditing(false)} /> : <TargetsTable plan={p} />}
          <VersionsList key={stamp} year={year} province={province} onView={(n) => reload(n)} />
        </>
      )}
    </Stack>
  );
}
