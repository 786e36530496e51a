// "Đăng ký đánh giá, phân hạng": the entity opens a dossier for one of its products — first rating for a product not
// yet recognised, upgrade or re-rating for a certified one — and lands on the new dossier, where Mẫu 01 and Mẫu 02
// come prefilled from the registry. Which types fit, and the re-rating window, are the API's to decide: its refusal
// is shown on the field it names.
import { Alert, Anchor, Button, Group, Modal, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, withQuery } from '../../api.js';
import { Loading } from '../../components/States.js';
import { useLocalized } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import type { Page, ProductOut } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { DossierItem } from './types.js';

type DossierType = DossierItem['type'];
export type OpenableProduct = { id: string; name: string; status: string };

/** The types worth offering for a product, by its registry status; the API decides (a lapsed certificate starts over
 * with a first rating, a re-rating is refused outside its filing window). */
export function typesFor(status: string): DossierType[] {
  if (status === 'certified') return ['upgrade', 'rerating'];
  if (status === 'expired') return ['first', 'rerating', 'upgrade'];
  return ['first'];
}

function OpenDossierForm({ product, initialProductId, onCancel }: { product?: OpenableProduct; initialProductId?: string; onCancel(): void }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const { user } = useSession();
  const navigate = useNavigate();
  const list = useFetch<Page<ProductOut>>(product || !user?.entityId ? null : withQuery('/api/v1/products', { entity: user.entityId, pageSize: 200, sort: 'name' }));
  const choices = (list.data?.items ?? []).filter((p) => p.status !== 'revoked');
  const [picked, setPicked] = useState(initialProductId ?? '');
  const chosen: OpenableProduct | undefined = product ?? choices.find((p) => p.id === picked);
  const types = chosen ? typesFor(chosen.status) : [];
  const [type, setType] = useState<DossierType | ''>('');
  const effectiveType = type && types.includes(type) ? type : types[0] ?? '';
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const field = (path: string) => (error instanceof ApiError ? pick(error.fieldMessage(path)) : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen || !effectiveType) return;
    setBusy(true);
    setError(null);
    try {
      const d = await api.post<DossierItem>('/api/v1/dossiers', { productId: chosen.id, type: effectiveType });
      navigate(`/ho-so/${d.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const banner = error instanceof ApiError && !error.problem.field ? pick(error.problem.message) : !(error instanceof ApiError) && error ? t('app.error') : null;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('openDossier.intro')}</Text>
        {product ? (
          <div><Text size="sm" c="dark.4">{t('openDossier.product')}</Text><Text fw={600}>{product.name}</Text><Text size="xs" c="dark.4">{t(`productStatus.${product.status}`)}</Text></div>
        ) : list.loading && !list.data ? <Loading /> : (
          <NativeSelect label={t('openDossier.product')} required value={picked} onChange={(e) => { setPicked(e.currentTarget.value); setError(null); }} error={field('productId')}
            data={[{ value: '', label: choices.length ? t('openDossier.pickProduct') : t('openDossier.noProducts') },
              ...choices.map((p) => ({ value: p.id, label: `${p.name} (${t(`productStatus.${p.status}`)})` }))]} />
        )}
        {chosen && (
          <Radio.Group label={t('openDossier.type')} value={effectiveType} onChange={(v) => { setType(v as DossierType); setError(null); }} error={field('type')}>
            <Stack gap={6} mt={4}>
              {types.map((k) => <Radio key={k} value={k} label={t(`dossier.type.${k}`)} description={<Text span size="xs" c="dark.5">{t(`openDossier.typeHint.${k}`)}</Text>} />)}
            </Stack>
          </Radio.Group>
        )}
        {banner && (
          <Alert color="red" role="alert">
            <Text size="sm">{banner}</Text>
            {error instanceof ApiError && error.code === 'dossier_already_open' && chosen && (
              <Anchor component={Link} to={`/ho-so?product=${chosen.id}`} size="sm" onClick={onCancel}>{t('openDossier.seeOpen')}</Anchor>
            )}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>{t('openDossier.cancel')}</Button>
          <Button type="submit" loading={busy} disabled={!chosen || !effectiveType}>{t('openDossier.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The button, and the dialog it opens. Without `product`, the entity picks one of its own products. */
export function OpenDossierButton({ product, initialProductId, size }: { product?: OpenableProduct; initialProductId?: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <>
      <Button size={size} onClick={() => setOpened(true)}>{t('openDossier.button')}</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('openDossier.title')} fullScreen={phone} size="lg"
        closeButtonProps={{ 'aria-label': t('openDossier.close') }}>
        {opened && <OpenDossierForm product={product} initialProductId={initialProductId} onCancel={() => setOpened(false)} />}
      </Modal>
    </>
  );
}
