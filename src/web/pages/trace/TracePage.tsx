// Traceability in the workspace. A producer keeps its places (GLNs) and opens batches; an officer sees the
// traceability status of the products in its scope, the 4★ products without a traceability code flagged.
// Phone first: one column of cards at 360 px, big buttons.
import { Badge, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, withQuery } from '../../api.js';
import { CommunePicker } from '../../components/CommunePicker.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { Stars } from '../../components/Stars.js';
import type { LocationOut, LotOut, ProductOut, TraceStatusList, User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';

const KINDS = ['raw_material_area', 'farm', 'workshop', 'warehouse', 'shop'] as const;
const UOMS = ['KGM', 'LTR', 'H87'] as const;

function PlaceForm({ entityId, onSaved }: { entityId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const { error, field, busy, submit } = useFormErrors();
  const [v, setV] = useState({ kind: 'raw_material_area', name: '', communeCode: '', latitude: '' as string | number, longitude: '' as string | number });
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit(() => api.post('/api/v1/trace/locations', {
      entityId, kind: v.kind, name: v.name, communeCode: v.communeCode || null,
      latitude: v.latitude === '' ? null : Number(v.latitude), longitude: v.longitude === '' ? null : Number(v.longitude),
    }));
    if (ok) { setV({ ...v, name: '', latitude: '', longitude: '' }); onSaved(); }
  };
  return (
    <form onSubmit={send}>
      <Stack gap="xs">
        <FormAlert error={error} />
        <Select label={t('trace.placeKind')} data={KINDS.map((k) => ({ value: k, label: t(`trace.kind.${k}`) }))} value={v.kind} onChange={(k) => setV({ ...v, kind: k ?? 'farm' })} allowDeselect={false} />
        <TextInput label={t('trace.placeName')} required value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={field('name')} />
        <CommunePicker value={v.communeCode} onChange={(c) => setV({ ...v, communeCode: c })} clearable error={field('communeCode')} />
        <SimpleGrid cols={2}>
          <NumberInput label={t('trace.latitude')} decimalScale={6} min={-90} max={90} value={v.latitude} onChange={(n) => setV({ ...v, latitude: n })} error={field('latitude')} />
          <NumberInput label={t('trace.longitude')} decimalScale={6} min={-180} max={180} value={v.longitude} onChange={(n) => setV({ ...v, longitude: n })} error={field('longitude')} />
        </SimpleGrid>
        <Button type="submit" loading={busy} size="md">{t('trace.addPlace')}</Button>
      </Stack>
    </form>
  );
}

function LotForm({ products, onSaved }: { products: ProductOut[]; onSaved: (lot: LotOut) => void }) {
  const { t } = useTranslation();
  const { error, field, busy, submit } = useFormErrors();
  const [v, setV] = useState({ productId: products[0]?.id ?? '', lot: '', producedOn: '', expiresOn: '', quantity: '' as string | number, uom: 'KGM' });
  const send = async (e: FormEvent) => {
    e.preventDefault();
    let created: LotOut | undefined;
    const ok = await submit(async () => {
      created = await api.post<LotOut>('/api/v1/trace/lots', {
        productId: v.productId, ...(v.lot ? { lot: v.lot } : {}), ...(v.producedOn ? { producedOn: v.producedOn } : {}),
        expiresOn: v.expiresOn || null, quantity: v.quantity === '' ? null : Number(v.quantity), uom: v.uom,
      });
    });
    if (ok && created) onSaved(created);
  };
  return (
    <form onSubmit={send}>
      <Stack gap="xs">
        <FormAlert error={error} />
        <Select label={t('trace.product')} required data={products.map((p) => ({ value: p.id, label: p.name }))} value={v.productId} onChange={(id) => setV({ ...v, productId: id ?? '' })} error={field('productId')} allowDeselect={false} />
        <TextInput label={t('trace.lotCode')} value={v.lot} onChange={(e) => setV({ ...v, lot: e.currentTarget.value })} error={field('lot')} />
        <SimpleGrid cols={2}>
          <TextInput type="date" label={t('trace.producedOn')} value={v.producedOn} onChange={(e) => setV({ ...v, producedOn: e.currentTarget.value })} error={field('producedOn')} />
          <TextInput type="date" label={t('trace.expiresOn')} value={v.expiresOn} onChange={(e) => setV({ ...v, expiresOn: e.currentTarget.value })} error={field('expiresOn')} />
          <NumberInput label={t('trace.quantity')} min={0} value={v.quantity} onChange={(n) => setV({ ...v, quantity: n })} error={field('quantity')} />
          <Select label=" " data={UOMS.map((u) => ({ value: u, label: t(`trace.uom.${u}`) }))} value={v.uom} onChange={(u) => setV({ ...v, uom: u ?? 'KGM' })} allowDeselect={false} />
        </SimpleGrid>
        <Button type="submit" loading={busy} size="md">{t('trace.openLot')}</Button>
      </Stack>
    </form>
  );
}

function ProducerTrace({ entityId }: { entityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const places = useFetch<{ items: LocationOut[] }>(`/api/v1/trace/locations?entity=${entityId}`);
  const lots = useFetch<{ items: LotOut[] }>(`/api/v1/trace/lots?entity=${entityId}`);
  const products = useFetch<{ items: ProductOut[] }>(withQuery('/api/v1/products', { entity: entityId, pageSize: 200 }));
  if (places.error) return <ErrorState error={places.error} onRetry={places.reload} />;
  if (places.loading || lots.loading || products.loading) return <Loading />;
  return (
    <Stack>
      <Card withBorder radius="lg" padding="md">
        <Title order={2} size="h4" mb="xs">{t('trace.lots')}</Title>
        <Stack gap="xs">
          {(lots.data?.items ?? []).map((l) => (
            <Button key={l.id} component={Link} to={`/lam-viec/truy-xuat/lo/${l.id}`} variant="light" size="md" justify="space-between" fullWidth
              rightSection={<Text size="xs" c="dark.4">{l.producedOn}</Text>}>
              {l.productName} · {l.lot}
            </Button>
          ))}
          {!lots.data?.items.length && <Text size="sm" c="dark.4">{t('trace.noLots')}</Text>}
          <Button component={Link} to="/lam-viec/truy-xuat/nhap" variant="default" size="md" fullWidth>{t('trace.importSteps.open')}</Button>
        </Stack>
        {(products.data?.items.length ?? 0) > 0 && (
          <Card withBorder radius="md" mt="md" padding="sm">
            <LotForm products={products.data!.items} onSaved={(lot) => navigate(`/lam-viec/truy-xuat/lo/${lot.id}`)} />
          </Card>
        )}
      </Card>
      <Card withBorder radius="lg" padding="md">
        <Title order={2} size="h4" mb="xs">{t('trace.places')}</Title>
        <Stack gap={6}>
          {(places.data?.items ?? []).map((p) => (
            <Group key={p.id} justify="space-between" wrap="nowrap" gap="xs">
              <div><Text fw={600} size="sm">{p.name}</Text><Text size="xs" c="dark.4">{t(`trace.kind.${p.kind}`)}{p.communeName ? ` · ${p.communeName}` : ''}</Text></div>
              <Text size="xs" ff="monospace">{p.gln}</Text>
            </Group>
          ))}
          {!places.data?.items.length && <Text size="sm" c="dark.4">{t('trace.noPlaces')}</Text>}
        </Stack>
        <Card withBorder radius="md" mt="md" padding="sm"><PlaceForm entityId={entityId} onSaved={places.reload} /></Card>
      </Card>
    </Stack>
  );
}

function OfficerTrace() {
  const { t } = useTranslation();
  const [flagged, setFlagged] = useState(false);
  const [pages, setPages] = useState<string[]>(['']);
  const url = (cursor: string) => withQuery('/api/v1/trace/status', { flagged: flagged ? 'true' : undefined, cursor: cursor || undefined });
  return (
    <Stack>
      <Checkbox label={t('trace.status.flaggedOnly')} checked={flagged} onChange={(e) => { setFlagged(e.currentTarget.checked); setPages(['']); }} />
      {pages.map((cursor, i) => <StatusPage key={`${flagged}-${i}`} url={url(cursor)} onMore={i === pages.length - 1 ? (next) => setPages([...pages, next]) : undefined} />)}
    </Stack>
  );
}

function StatusPage({ url, onMore }: { url: string; onMore?: (cursor: string) => void }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useFetch<TraceStatusList>(url);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !data) return <Loading />;
  if (!data.items.length) return <EmptyState title={t('trace.status.none')} />;
  return (
    <>
      <Table.ScrollContainer minWidth={320}>
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th>{t('trace.product')}</Table.Th><Table.Th>{t('trace.gtin')}</Table.Th><Table.Th>{t('trace.status.lots')}</Table.Th><Table.Th>{t('trace.status.events')}</Table.Th><Table.Th>{t('trace.status.last')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.items.map((i) => (
              <Table.Tr key={i.productId}>
                <Table.Td>
                  <Text component={Link} to={`/lam-viec/san-pham/${i.productId}`} size="sm" fw={600}>{i.name}</Text>
                  <Group gap={4}><Stars count={i.stars} size={12} />{i.flagged && <Badge color="red" size="xs">{t('trace.status.flagged')}</Badge>}</Group>
                  <Text size="xs" c="dark.4">{i.entityName}</Text>
                </Table.Td>
                <Table.Td><Text size="xs" ff="monospace">{i.gtin ?? '—'}</Text></Table.Td>
                <Table.Td>{i.lots}</Table.Td>
                <Table.Td>{i.events}</Table.Td>
                <Table.Td><Text size="xs">{i.lastEventAt ? new Date(i.lastEventAt).toLocaleDateString('vi-VN') : '—'}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {onMore && data.nextCursor && <Button variant="default" onClick={() => onMore(data.nextCursor!)}>{t('trace.status.more')}</Button>}
    </>
  );
}

export default function TracePage({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('trace.title'));
  return (
    <Stack>
      <Title order={1} size="h2">{user.role === 'entity' ? t('trace.title') : t('trace.status.title')}</Title>
      {user.role === 'entity' && user.entityId ? <ProducerTrace entityId={user.entityId} /> : <OfficerTrace />}
    </Stack>
  );
}
