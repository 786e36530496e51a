// One product in a grid: photo, name, producer, place and stars; the whole card is one link.
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductOut } from '../types.js';
import { ProductImage } from './ProductImage.js';
import { Stars } from './Stars.js';

export const productPath = (id: string) => `/san-pham/${id}`;
export const entityPath = (id: string) => `/chu-the/${id}`;

export function ProductCard({ product }: { product: ProductOut }) {
  const { t, i18n } = useTranslation();
  const group = i18n.language === 'en' ? product.productSet.groupNameEn : product.productSet.groupName;
  return (
    <Card component="a" href={productPath(product.id)} className="product-card" withBorder padding="sm" radius="lg" style={{ height: '100%' }}>
      <Card.Section>
        <ProductImage product={product} radius="0" />
      </Card.Section>
      <Stack gap={6} mt="sm">
        <Badge variant="light" color="ocop" size="sm" style={{ alignSelf: 'flex-start', maxWidth: '100%' }}>{group}</Badge>
        <Title order={3} size="h5" lineClamp={2} c="dark.8">{product.name}</Title>
        <Text size="sm" c="dark.4" lineClamp={1}>{product.entity.name}</Text>
        <Text size="xs" c="dark.3" lineClamp={1}>{product.communeName}, {product.provinceName}</Text>
        <Group justify="space-between" mt={2}>
          <Stars count={product.stars} size={16} showNone={false} />
          {!product.stars && <Text size="xs" c="dark.3">{t(`productStatus.${product.status}`)}</Text>}
        </Group>
      </Stack>
    </Card>
  );
}
