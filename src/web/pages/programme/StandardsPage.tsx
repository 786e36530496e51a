// Standards checklists in the workspace (/lam-viec/tieu-chuan[?product=id]): the entity keeps each product's
// checklist (state, certificate number, issuer, dates, evidence, chosen export markets); officers read it and the
// list of certificates lapsing soon in their area.
import { Alert, Anchor, Badge, Button, Card, FileInput, Group, MultiSelect, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, withQuery } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { useUpload } from '../../components/useUpload.js';
import { formatDate } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { ChecklistOut, ComplianceLineOut } from '../../../modules/programme/standards.contract.js';

function Expiry({ line }: { line: ComplianceLineOut }) {
  const { t } = useTranslation();
  if (!line.expiry || line.expiry.state === 'valid') return line.expiresOn ? <Text size="sm">{t('cap.standards.expiresOn')}: {formatDate(line.expiresOn)}</Text> : null;
  return <Alert color={line.expiry.state === 'expired' ? 'red' : 'orange'} p="xs" data-warning={line.requirement.code}>
    {line.expiry.state === 'expired' ? t('cap.standards.expired', { days: -line.expiry.daysLeft }) : t('cap.standards.expiring', { days: line.expiry.daysLeft })} ({formatDate(line.expiresOn)})
  </Alert>;
}

function LineForm({ productId, line, onDone }: { productId: string; line: ComplianceLineOut; onDone: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState({ status: line.status === 'missing' ? 'met' : line.status, certificateNumber: line.certificateNumber ?? '', issuer: line.issuer ?? '', issuedOn: line.issuedOn ?? '', expiresOn: line.expiresOn ?? '', note: line.note ?? '' });
  const { error, field, busy, submit } = useFormErrors();
  const { busy: uploading, send } = useUpload();
  const [upErr, setUpErr] = useState<unknown>(null);
  const save = () => void submit(() => api.put(`/api/v1/products/${productId}/compliance/${line.requirement.code}`, {
    status: d.status, certificateNumber: d.certificateNumber || null, issuer: d.issuer || null, issuedOn: d.issuedOn || null, expiresOn: d.expiresOn || null, note: d.note || null, ...(line.version ? { version: line.version } : {}),
  })).then((ok) => ok && onDone());
  const pick = (file: File | null) => { if (!file) return; const f = new FormData(); f.append('file', file); setUpErr(null); send(`/api/v1/products/${productId}/compliance/${line.requirement.code}/evidence`, f).then(onDone, setUpErr); };
  const set = (k: keyof typeof d) => (v: string | null) => setD((x) => ({ ...x, [k]: v ?? '' }));
  return (
    <Stack gap="xs">
      <FormAlert error={error} />
      <Select label={t('cap.trainings.kind')} data={['met', 'in_progress', 'not_applicable'].map((s) => ({ value: s, label: t(`cap.standards.status.${s}`) }))} value={d.status} onChange={set('status')} allowDeselect={false} />
      <Group grow><TextInput label={t('cap.standards.number')} value={d.certificateNumber} onChange={(e) => set('certificateNumber')(e.currentTarget.value)} /><TextInput label={t('cap.standards.issuer')} value={d.issuer} onChange={(e) => set('issuer')(e.currentTarget.value)} /></Group>
      <Group grow><TextInput type="date" label={t('cap.standards.issuedOn')} value={d.issuedOn} onChange={(e) => set('issuedOn')(e.currentTarget.value)} /><TextInput type="date" label={t('cap.standards.expiresOn')} value={d.expiresOn} onChange={(e) => set('expiresOn')(e.currentTarget.value)} error={field('expiresOn')} /></Group>
      <Button size="xs" loading={busy} onClick={save} style={{ alignSelf: 'flex-start' }}>{t('cap.standards.save')}</Button>
      <FileInput label={t('cap.standards.upload')} accept="application/pdf,image/jpeg,image/png,image/webp" onChange={pick} disabled={uploading} clearable={false} />
      <FormAlert error={upErr} />
    </Stack>
  );
}

export function Checklist({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const c = useFetch<ChecklistOut>(`/api/v1/products/${productId}/compliance`);
  const [editing, setEditing] = useState<string | null>(null);
  const [markets, setMarkets] = useState<string[] | null>(null);
  if (c.error) return <ErrorState error={c.error} onRetry={c.reload} />;
  const d = c.data;
  if (!d) return <Loading />;
  const edit = d.actions.includes('edit');
  const done = () => { setEditing(null); c.reload(); };
  return (
    <Stack>
      <Title order={2} size="h4">{d.product.name}</Title>
      <Text size="sm">{d.product.entity.name} · {d.product.code}</Text>
      <Text size="sm" fw={600}>{t('cap.standards.summary', d.summary)}</Text>
      {edit && d.availableMarkets.length > 0 && (
        <Group align="flex-end">
          <MultiSelect label={t('cap.standards.markets')} data={d.availableMarkets.map((m) => ({ value: m.code, label: pick(m) ?? m.code }))} value={markets ?? d.markets} onChange={setMarkets} style={{ flex: 1 }} />
          <Button size="xs" variant="light" onClick={() => void api.put(`/api/v1/products/${productId}/compliance/markets`, { markets: markets ?? d.markets }).then(c.reload)}>{t('cap.standards.saveMarkets')}</Button>
        </Group>
      )}
      {d.items.map((line) => (
        <Card key={line.requirement.code} withBorder radius="md" data-requirement={line.requirement.code}>
          <Stack gap={4}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text fw={600} size="sm">{pick(line.requirement)}</Text>
              <Badge color={line.status === 'met' ? 'green' : line.status === 'missing' ? 'gray' : line.status === 'in_progress' ? 'yellow' : 'blue'} variant="light">{t(`cap.standards.status.${line.status}`)}</Badge>
            </Group>
            {line.requirement.market && <Badge size="xs" variant="outline">{line.requirement.market}</Badge>}
            <Text size="xs" c="dimmed">{line.requirement.reference ? `${line.requirement.reference} · ` : ''}{t('cap.standards.source', { source: line.requirement.source })}</Text>
            {line.certificateNumber && <Text size="sm">{t('cap.standards.number')}: {line.certificateNumber}{line.issuer ? ` — ${line.issuer}` : ''}</Text>}
            <Expiry line={line} />
            {line.evidence && <Anchor size="sm" href={line.evidence.url} target="_blank">{t('cap.standards.openEvidence')}</Anchor>}
            {edit && (editing === line.requirement.code ? <LineForm productId={productId} line={line} onDone={done} /> : <Button size="xs" variant="light" onClick={() => setEditing(line.requirement.code)} style={{ alignSelf: 'flex-start' }}>{t('cap.standards.edit')}</Button>)}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

type Expiring = { warnDays: number; items: { product: { id: string; name: string }; entity: { name: string }; requirement: { vi: string; en: string; code: string }; certificateNumber: string | null; expiresOn: string; expiry: { state: string; daysLeft: number } | null }[] };
function ExpiringList() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const list = useFetch<Expiring>('/api/v1/compliance/expiring');
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('cap.standards.expiringTitle', { days: list.data.warnDays })}</Title>
      {list.data.items.length === 0 ? <EmptyState title={t('cap.standards.expiringEmpty')} /> : list.data.items.map((i) => (
        <Card key={`${i.product.id}-${i.requirement.code}`} withBorder radius="md" data-expiring={i.requirement.code}>
          <Text fw={600} size="sm">{i.product.name} — {i.entity.name}</Text>
          <Text size="sm">{pick(i.requirement)}{i.certificateNumber ? ` (${i.certificateNumber})` : ''}</Text>
          <Text size="sm" c={i.expiry?.state === 'expired' ? 'red' : 'orange'}>{i.expiry?.state === 'expired' ? t('cap.standards.expired', { days: -(i.expiry?.daysLeft ?? 0) }) : t('cap.standards.expiring', { days: i.expiry?.daysLeft ?? 0 })} · {formatDate(i.expiresOn)}</Text>
          <Anchor component={Link} size="sm" to={`/lam-viec/tieu-chuan?product=${i.product.id}`}>{t('cap.standards.openChecklist')}</Anchor>
        </Card>
      ))}
    </Stack>
  );
}

export default function StandardsPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const productId = params.get('product');
  const products = useFetch<{ items: { id: string; name: string }[] }>(user.role === 'entity' ? withQuery('/api/v1/products', { entity: user.entityId, pageSize: 200 }) : null);
  return (
    <Stack>
      <Title order={1} size="h3">{t('cap.standards.title')}</Title>
      <Text size="sm">{t('cap.standards.intro')}</Text>
      {user.role === 'entity' && <Select label={t('cap.standards.product')} data={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} value={productId} onChange={(v) => setParams(v ? { product: v } : {})} searchable />}
      {productId ? <Checklist key={productId} productId={productId} /> : null}
      <ExpiringList />
    </Stack>
  );
}
