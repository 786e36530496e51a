// Create or edit a product in the workspace, upload its photos and documents, and read its history.
import { Alert, Badge, Button, Card, Grid, Group, Select, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { HistoryPanel } from '../../components/History.js';
import { ProductImage } from '../../components/ProductImage.js';
import { Stars } from '../../components/Stars.js';
import { ErrorState, Loading } from '../../components/States.js';
import { useClassification } from '../../reference.js';
import type { ProductOut } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { STATUS_COLOR } from './EntitiesList.js';
import { FilesPanel } from './FilesPanel.js';
import { ProductScoringLinks } from '../scoring/ProductScoringLinks.js';
import { CyclePanel } from '../programme/CyclePanel.js';

type Values = { name: string; productSet: string; description: string; ingredients: string; rawMaterialArea: string; standard: string; status: string };
const empty: Values = { name: '', productSet: '', description: '', ingredients: '', rawMaterialArea: '', standard: '', status: 'draft' };
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function ProductForm({ product, entityId, onSaved }: { product?: ProductOut; entityId?: string; onSaved(p: ProductOut): void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const classification = useClassification();
  const [v, setV] = useState<Values>(() => product ? {
    name: product.name, productSet: String(product.productSet.sheet), description: product.description ?? '', ingredients: product.ingredients ?? '',
    rawMaterialArea: product.rawMaterialArea ?? '', standard: product.standard ?? '', status: product.status,
  } : empty);
  const errors = useFormErrors();
  const text = (k: keyof Values) => (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setV((p) => ({ ...p, [k]: value })); };
  const setOptions = useMemo(() => (classification?.sectors ?? []).map((s) => ({
    group: `${s.code}. ${en ? s.nameEn : s.name}`,
    items: s.groups.flatMap((g) => g.productSets.map((ps) => ({ value: String(ps.sheet), label: `${ps.code} ${en ? ps.nameEn : ps.name}` }))),
  })), [classification, en]);
  // Only draft and registered can be chosen here; certification comes from scoring.
  const editableStatus = !product || product.status === 'draft' || product.status === 'registered';

  function submit(e: FormEvent) {
    e.preventDefault();
    const fields = {
      name: v.name, productSet: v.productSet ? Number(v.productSet) : undefined, description: orNull(v.description), ingredients: orNull(v.ingredients),
      rawMaterialArea: orNull(v.rawMaterialArea), standard: orNull(v.standard), ...(editableStatus ? { status: v.status } : {}),
    };
    void errors.submit(async () => {
      const saved = product
        ? await api.patch<ProductOut>(`/api/v1/products/${product.id}`, { ...fields, version: product.version })
        : await api.post<ProductOut>('/api/v1/products', { ...fields, entityId });
      notifications.show({ color: 'ocop', message: t('form.saved') });
      onSaved(saved);
    });
  }

  const f = errors.field;
  return (
    <form onSubmit={submit} noValidate aria-label={t(product ? 'form.editProduct' : 'form.newProduct')}>
      <Stack>
        <FormAlert error={errors.error} />
        <TextInput label={t('form.productName')} required value={v.name} onChange={text('name')} error={f('name')} name="name" />
        <Select label={t('form.productSet')} required searchable value={v.productSet || null} data={setOptions} error={f('productSet')}
          onChange={(x) => setV((p) => ({ ...p, productSet: x ?? '' }))} />
        {editableStatus && (
          <Select label={t('form.productStatus')} value={v.status} allowDeselect={false} error={f('status')}
            data={['draft', 'registered'].map((s) => ({ value: s, label: t(`productStatus.${s}`) }))} onChange={(x) => setV((p) => ({ ...p, status: x ?? p.status }))} />
        )}
        <Textarea label={t('form.description')} autosize minRows={3} value={v.description} onChange={text('description')} error={f('description')} name="description" />
        <Textarea label={t('form.ingredients')} autosize minRows={2} value={v.ingredients} onChange={text('ingredients')} error={f('ingredients')} />
        <Textarea label={t('form.rawMaterialArea')} autosize minRows={2} value={v.rawMaterialArea} onChange={text('rawMaterialArea')} error={f('rawMaterialArea')} />
        <TextInput label={t('form.standard')} value={v.standard} onChange={text('standard')} error={f('standard')} />
        <Group><Button type="submit" loading={errors.busy}>{t('action.save')}</Button></Group>
      </Stack>
    </form>
  );
}

export default function ProductDetail() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { data: p, error, loading, reload, setData } = useFetch<ProductOut>(id ? `/api/v1/products/${id}` : null);
  const [historyKey, setHistoryKey] = useState(0);
  usePageTitle(p?.name ?? t('form.newProduct'));

  if (!id) {
    return (
      <Stack>
        <Title order={1} size="h2">{t('form.newProduct')}</Title>
        <Card withBorder radius="lg" padding="lg">
          <ProductForm entityId={search.get('entity') ?? undefined} onSaved={(created) => navigate(`/lam-viec/san-pham/${created.id}`, { replace: true })} />
        </Card>
      </Stack>
    );
  }
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !p) return <Loading />;
  const canEdit = p.actions.includes('edit');
  const saved = (next: ProductOut) => { setData(next); setHistoryKey((k) => k + 1); };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">{p.name}</Title>
          <Group gap="xs" mt={4}>
            <Badge color={STATUS_COLOR[p.status]} variant="light">{t(`productStatus.${p.status}`)}</Badge>
            <Text size="sm" c="dark.4" ff="monospace">{p.code}</Text>
            <Stars count={p.stars} size={16} />
          </Group>
          <ProductScoringLinks product={p} />
          <Text size="sm" mt={4}>{t('trace.gtin')}: <Text span ff="monospace">{p.gtin ?? t('trace.noGtin')}</Text></Text>
          {p.digitalLink && <Text size="xs" c="dark.4">{t('trace.digitalLink')}: <Text span ff="monospace" style={{ wordBreak: 'break-all' }}>{p.digitalLink}</Text></Text>}
        </div>
        {p.status !== 'draft' && <Button component="a" href={`/san-pham/${p.id}`} variant="default">{t('action.view')}</Button>}
      </Group>
      {!canEdit && <Alert color="gray">{t('productStatus.' + p.status)}</Alert>}
      <CyclePanel productId={p.id} />
      <Tabs defaultValue="edit" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="edit">{t('form.editProduct')}</Tabs.Tab>
          <Tabs.Tab value="files">{t('files.title')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('history.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit" pt="md">
          <Grid>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Card withBorder radius="lg" padding="lg">
                {canEdit ? <ProductForm key={p.version} product={p} onSaved={saved} /> : <Text>{p.description}</Text>}
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Card withBorder radius="lg" padding={0} style={{ overflow: 'hidden' }}><ProductImage product={p} radius="0" /></Card>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="md"><FilesPanel product={p} onUploaded={reload} /></Tabs.Panel>
        <Tabs.Panel value="history" pt="md"><HistoryPanel key={historyKey} url={`/api/v1/products/${p.id}/history`} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
