// Shown on a product's page (public and in the workspace): its OCOP certificate, if it holds one, with a link to the
// verification page, and the self-assessment on the product set's score sheet; for the producer's own product, the
// button that opens a dossier (đăng ký đánh giá, phân hạng).
import { Anchor, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../api.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import { CertificateStatusBadge } from './CertificateStatus.js';
import { OpenDossierButton } from './OpenDossier.js';
import type { RegisterPage } from './types.js';

type Props = { product: { id: string; name: string; productSet: { sheet: number }; status?: string; entity?: { id: string } } };

export function ProductScoringLinks({ product }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  // The register has no product filter: search by name, then keep this product's own certificate.
  const { data } = useFetch<RegisterPage>(withQuery('/api/v1/certificates', { q: product.name.slice(0, 100), pageSize: 50 }));
  const mine = data?.items.filter((c) => c.product.id === product.id) ?? [];
  const current = mine.find((c) => c.status === 'valid') ?? mine[0];
  const own = user?.role === 'entity' && Boolean(user.entityId) && user.entityId === product.entity?.id && Boolean(product.status) && product.status !== 'revoked';
  return (
    <Group gap="sm" className="product-scoring-links">
      {current && (
        <Group gap={6}>
          <Anchor href={`/xac-minh/${encodeURIComponent(current.number)}`} fw={600}>{t('cert.number')} {current.number}</Anchor>
          <CertificateStatusBadge status={current.status} />
        </Group>
      )}
      <Button component={Link} to={`/cham-diem/${product.productSet.sheet}`} variant="light" size="xs">{t('sheet.selfAssess')}</Button>
      {user && <Button component={Link} to={`/ho-so?product=${product.id}`} variant="subtle" size="xs">{t('dossier.queueTitle')}</Button>}
      {own && <OpenDossierButton size="xs" product={{ id: product.id, name: product.name, status: product.status! }} />}
    </Group>
  );
}
