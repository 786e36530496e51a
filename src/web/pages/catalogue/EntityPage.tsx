// A producer's public page and its published products.
import { Anchor, Badge, Box, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, withQuery } from '../../api.js';
import { Pager } from '../../components/Pager.js';
import { ProductCard } from '../../components/ProductCard.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import type { EntityPublicOut, Page, ProductOut } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { useState } from 'react';

export default function EntityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data: e, error, loading, reload } = useFetch<EntityPublicOut>(`/api/v1/entities/${encodeURIComponent(id)}`);
  const { data: products } = useFetch<Page<ProductOut>>(e ? withQuery('/api/v1/products', { entity: e.id, page, pageSize: 12, sort: '-stars' }) : null);
  usePageTitle(e?.name);

  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Container size="lg" py="xl">
        <Title order={1} size="h2" mb="md">{missing ? t('entity.notFound') : t('app.error')}</Title>
        {missing ? <Anchor component={Link} to="/">{t('app.backHome')}</Anchor> : <ErrorState error={error} onRetry={reload} />}
      </Container>
    );
  }
  if (loading || !e) return <Container size="lg" py="xl"><Loading /></Container>;

  return (
    <Container size="lg" py="lg">
      <Card withBorder radius="lg" padding="lg">
        <Stack gap="sm">
          <Group gap="xs"><Badge variant="light">{t(`entityType.${e.type}`)}</Badge></Group>
          <Title order={1} fz={{ base: 24, sm: 32 }}>{e.name}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {/* The public page shows the commune and province, never the street or hamlet (a household's home). */}
            <Box><Text size="xs" tt="uppercase" fw={700} c="dark.3">{t('entity.address')}</Text><Text size="sm">{e.communeName}, {e.provinceName}</Text></Box>
            {(e.contact || e.website) && <Box><Text size="xs" tt="uppercase" fw={700} c="dark.3">{t('entity.contact')}</Text><Text size="sm">{[e.contact?.phone, e.contact?.email, e.website].filter(Boolean).join(' · ')}</Text></Box>}
          </SimpleGrid>
        </Stack>
      </Card>
      <Box component="section" mt="xl">
        <Title order={2} size="h3" mb="md">{t('entity.products', { count: products?.total ?? 0 })}</Title>
        {products && products.items.length === 0 ? <EmptyState title={t('entity.noProducts')} /> : (
          <>
            <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="md">{(products?.items ?? []).map((p) => <ProductCard key={p.id} product={p} />)}</SimpleGrid>
            {products && <Pager total={products.total} pageSize={12} page={page} onChange={setPage} />}
          </>
        )}
      </Box>
    </Container>
  );
}
