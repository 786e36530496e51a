// A product's public page: photo, stars, producer, place, details, and schema.org Product markup for search engines.
import { Anchor, Badge, Box, Breadcrumbs, Card, Container, Grid, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, withQuery } from '../../api.js';
import { ProductCard, entityPath } from '../../components/ProductCard.js';
import { ProductImage } from '../../components/ProductImage.js';
import { Stars } from '../../components/Stars.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate } from '../../format.js';
import type { Page, ProductOut } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { ProductScoringLinks } from '../scoring/ProductScoringLinks.js';

const STATUS_COLOR: Record<string, string> = { certified: 'ocop', registered: 'blue', draft: 'gray', expired: 'orange', revoked: 'red' };

/** schema.org Product, as search engines read it. */
export function productJsonLd(p: ProductOut, origin: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: p.description ?? undefined,
    image: p.imageUrl ? new URL(p.imageUrl, origin).toString() : undefined,
    sku: p.code,
    productID: p.code,
    category: p.productSet.name,
    url: `${origin}/san-pham/${p.id}`,
    brand: { '@type': 'Brand', name: p.entity.name },
    manufacturer: { '@type': 'Organization', name: p.entity.name, url: `${origin}${entityPath(p.entity.id)}`, address: { '@type': 'PostalAddress', addressLocality: p.communeName, addressRegion: p.provinceName, addressCountry: 'VN' } },
    countryOfOrigin: { '@type': 'Country', name: 'VN' },
    additionalProperty: [
      ...(p.stars ? [{ '@type': 'PropertyValue', name: 'OCOP stars', value: p.stars, minValue: 1, maxValue: 5 }] : []),
      { '@type': 'PropertyValue', name: 'OCOP status', value: p.status },
    ],
  };
}

function useJsonLd(data: object | null) {
  useEffect(() => {
    if (!data) return;
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.id = 'product-jsonld';
    script.textContent = JSON.stringify(data);
    document.head.appendChild(script);
    return () => script.remove();
  }, [data]);
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text size="xs" tt="uppercase" fw={700} c="dark.3" style={{ letterSpacing: 0.4 }}>{label}</Text>
      <Box fz="sm" mt={2}>{children}</Box>
    </Box>
  );
}

export default function ProductPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { data: p, error, loading, reload } = useFetch<ProductOut>(`/api/v1/products/${encodeURIComponent(id)}`);
  const { data: siblings } = useFetch<Page<ProductOut>>(p ? withQuery('/api/v1/products', { entity: p.entity.id, pageSize: 5, sort: '-stars' }) : null);
  usePageTitle(p?.name);
  useJsonLd(p ? productJsonLd(p, window.location.origin) : null);

  if (error) {
    return (
      <Container size="lg" py="xl">
        {error instanceof ApiError && error.status === 404
          ? <><Title order={1} size="h2" mb="md">{t('product.notFound')}</Title><EmptyState title={t('product.notFound')} action={<Anchor component={Link} to="/">{t('app.backHome')}</Anchor>} /></>
          : <><Title order={1} size="h2" mb="md">{t('app.error')}</Title><ErrorState error={error} onRetry={reload} /></>}
      </Container>
    );
  }
  if (loading || !p) return <Container size="lg" py="xl"><Loading /></Container>;

  const photos = (p.files ?? []).filter((f) => f.kind === 'image');
  const others = (siblings?.items ?? []).filter((s) => s.id !== p.id).slice(0, 4);
  const ps = p.productSet;
  return (
    <Container size="lg" py="lg">
      <Breadcrumbs mb="md" separator="›" aria-label="breadcrumb">
        <Anchor component={Link} to="/" size="sm">{t('app.catalogue')}</Anchor>
        <Anchor component={Link} to={`/?group=${encodeURIComponent(ps.groupCode)}`} size="sm">{en ? ps.groupNameEn : ps.groupName}</Anchor>
      </Breadcrumbs>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder radius="lg" padding={0} style={{ overflow: 'hidden' }}>
            <ProductImage product={p} ratio={1} radius="0" />
          </Card>
          {photos.length > 1 && (
            <SimpleGrid cols={4} spacing="xs" mt="xs" aria-label={t('product.photos')}>
              {photos.map((f) => <Image key={f.id} src={f.url} alt={f.caption ?? t('product.photo', { name: p.name })} radius="sm" h={72} fit="cover" loading="lazy" />)}
            </SimpleGrid>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Group gap="xs">
              <Badge variant="light" color="ocop">{en ? ps.sectorNameEn : ps.sectorName}</Badge>
              <Badge variant="outline" color={STATUS_COLOR[p.status] ?? 'gray'}>{t(`productStatus.${p.status}`)}</Badge>
            </Group>
            <Title order={1} fz={{ base: 26, sm: 34 }} lh={1.2}>{p.name}</Title>
            <Group gap="sm" align="center">
              <Stars count={p.stars} size={26} />
              {p.stars ? <Text fw={700} c="gold.9">{t('stars.label', { count: p.stars })}</Text> : null}
            </Group>
            <ProductScoringLinks product={p} />
            <Card withBorder radius="md" padding="md" bg="white">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <Fact label={t('product.entity')}>
                  <Anchor component={Link} to={entityPath(p.entity.id)} fw={600}>{p.entity.name}</Anchor>
                  <Text size="xs" c="dark.3">{t(`entityType.${p.entity.type}`)}</Text>
                </Fact>
                <Fact label={t('product.location')}>{p.communeName}, {p.provinceName}</Fact>
                <Fact label={t('product.code')}><Text ff="monospace" size="sm">{p.code}</Text></Fact>
                <Fact label={t('product.productSet')}>{en ? ps.nameEn : ps.name}</Fact>
                {p.standard && <Fact label={t('product.standard')}>{p.standard}</Fact>}
                <Fact label={t('product.status')}>{t(`productStatus.${p.status}`)} · {formatDate(p.updatedAt)}</Fact>
              </SimpleGrid>
            </Card>
            <Box component="section">
              <Title order={2} size="h4" mb={6}>{t('product.description')}</Title>
              <Text style={{ whiteSpace: 'pre-line' }} c={p.description ? undefined : 'dimmed'}>{p.description ?? t('product.noDescription')}</Text>
            </Box>
            {p.ingredients && (
              <Box component="section"><Title order={2} size="h4" mb={6}>{t('product.ingredients')}</Title><Text style={{ whiteSpace: 'pre-line' }}>{p.ingredients}</Text></Box>
            )}
            {p.rawMaterialArea && (
              <Box component="section"><Title order={2} size="h4" mb={6}>{t('product.rawMaterialArea')}</Title><Text style={{ whiteSpace: 'pre-line' }}>{p.rawMaterialArea}</Text></Box>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {others.length > 0 && (
        <Box component="section" mt={48}>
          <Title order={2} size="h3" mb="md">{t('product.otherProducts')}</Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">{others.map((o) => <ProductCard key={o.id} product={o} />)}</SimpleGrid>
        </Box>
      )}
    </Container>
  );
}
