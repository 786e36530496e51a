// A product photo, or a tinted placeholder by sector when the producer has not uploaded one yet.
import { AspectRatio, Box, Image, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductOut } from '../types.js';

const SECTOR_TINT: Record<string, [string, string]> = {
  I: ['#e9f6ec', '#cde9d4'], II: ['#fdf1e3', '#f6d9b6'], III: ['#eef3fb', '#d4e0f3'],
  IV: ['#f6eefa', '#e4d2ee'], V: ['#fbf2e8', '#ecd7c0'], VI: ['#eaf6f6', '#c9e6e6'],
};

function Leaf() {
  return (
    <svg width="44" height="44" viewBox="0 0 48 48" aria-hidden="true">
      <path d="M40 8C22 8 10 18 10 32c0 3 .6 5.5 1.6 7.6C14 30 22 22 32 18 23 24 16 32 13.6 41.5 16 43 19 44 22 44c12 0 20-12 18-36z" fill="#0b6e4f" opacity=".55" />
    </svg>
  );
}

export function ProductImage({ product, ratio = 4 / 3, radius = 'md' }: { product: ProductOut; ratio?: number; radius?: string }) {
  const { t, i18n } = useTranslation();
  if (product.imageUrl) {
    return (
      <AspectRatio ratio={ratio}>
        <Image src={product.imageUrl} alt={t('product.photo', { name: product.name })} radius={radius} loading="lazy" fit="cover" />
      </AspectRatio>
    );
  }
  const [a, b] = SECTOR_TINT[product.productSet.sectorCode] ?? ['#eef2f0', '#d8e2dc'];
  const group = i18n.language === 'en' ? product.productSet.groupNameEn : product.productSet.groupName;
  return (
    <AspectRatio ratio={ratio}>
      <Box role="img" aria-label={t('product.noPhoto')} style={{ background: `linear-gradient(135deg, ${a}, ${b})`, borderRadius: `var(--mantine-radius-${radius})`, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 6, padding: 12 }}>
        <Leaf />
        <Text size="xs" fw={600} c="#2f4a3e" ta="center" lineClamp={2} aria-hidden="true">{group}</Text>
      </Box>
    </AspectRatio>
  );
}
