// The public catalogue: search as you type, filters and paging, all kept in the URL so a link shows the same list.
import { Box, Button, Container, Group, NativeSelect, SimpleGrid, Skeleton, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { withQuery } from '../../api.js';
import { Pager } from '../../components/Pager.js';
import { ProductCard } from '../../components/ProductCard.js';
import { EmptyState, ErrorState } from '../../components/States.js';
import { formatNumber } from '../../format.js';
import { useClassification, useProvinces } from '../../reference.js';
import { ENTITY_TYPES, type Page, type ProductOut } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';

const PAGE_SIZE = 24;
const FILTERS = ['q', 'province', 'group', 'stars', 'entityType', 'sort', 'page'] as const;

function SearchIcon() {
  return <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" /><path d="M15.5 15.5L20 20" stroke="currentColor" strokeWidth="2" strokeLinecap="round" /></svg>;
}

export default function CataloguePage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  usePageTitle(t('catalogue.title'));
  const [params, setParams] = useSearchParams();
  const get = (k: (typeof FILTERS)[number]) => params.get(k) ?? '';
  const page = Math.max(1, Number(get('page')) || 1);

  // The box updates at once; the URL (and the query) follows 300 ms after the last key.
  const [text, setText] = useState(get('q'));
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    if (debounced.trim() === get('q')) return;
    update({ q: debounced.trim() });
  }, [debounced]);

  function update(changes: Partial<Record<(typeof FILTERS)[number], string>>) {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
      if (!('page' in changes)) next.delete('page');
      return next;
    }, { replace: 'q' in changes });
  }

  const url = withQuery('/api/v1/products', {
    q: get('q'), province: get('province'), group: get('group'), stars: get('stars'), entityType: get('entityType'),
    sort: get('sort') || 'name', page, pageSize: PAGE_SIZE,
  });
  const { data, error, loading, reload } = useFetch<Page<ProductOut>>(url);

  const provinces = useProvinces();
  const classification = useClassification();
  const provinceOptions = useMemo(() => (provinces ?? []).map((p) => ({ value: p.code, label: en ? p.nameEn : p.name })), [provinces, en]);
  const groupOptions = useMemo(() => (classification?.sectors ?? []).map((s) => ({
    group: `${s.code}. ${en ? s.nameEn : s.name}`,
    items: s.groups.map((g) => ({ value: g.code, label: en ? g.nameEn : g.name })),
  })), [classification, en]);
  const hasFilters = FILTERS.some((k) => k !== 'page' && k !== 'sort' && get(k));

  return (
    <>
      <Box className="hero" py={{ base: 28, sm: 44 }} style={{ position: 'relative', overflow: 'hidden' }}>
        <svg className="hero-star" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" /></svg>
        <Container size="lg" style={{ position: 'relative' }}>
          <Title order={1} fz={{ base: 26, sm: 36 }} lh={1.2}>{t('catalogue.title')}</Title>
          <Text mt={6} maw={640} c="#e3f3ea" fz={{ base: 'sm', sm: 'md' }}>{t('catalogue.intro')}</Text>
          <Box mt="md" maw={640} role="search">
            <TextInput
              size="md" radius="xl" type="search" value={text} onChange={(e) => setText(e.currentTarget.value)}
              label={t('catalogue.search')} placeholder={t('catalogue.searchPlaceholder')} description={t('catalogue.searchHint')}
              leftSection={<SearchIcon />} autoComplete="off"
              styles={{ label: { color: '#fff', fontWeight: 600 }, description: { color: '#d5eee1' } }}
            />
          </Box>
        </Container>
      </Box>

      <Container size="lg" py="lg">
        <Box component="section" aria-label={t('catalogue.filters')}>
          <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
            <NativeSelect label={t('catalogue.province')} data={[{ value: '', label: t('catalogue.allProvinces') }, ...provinceOptions]} value={get('province')}
              onChange={(e) => update({ province: e.currentTarget.value })} />
            <NativeSelect label={t('catalogue.group')} data={[{ value: '', label: t('catalogue.allGroups') }, ...groupOptions]} value={get('group')}
              onChange={(e) => update({ group: e.currentTarget.value })} />
            <NativeSelect label={t('catalogue.stars')} value={get('stars')}
              data={[{ value: '', label: t('catalogue.anyStars') }, ...[5, 4, 3].map((n) => ({ value: String(n), label: t('catalogue.starsOption', { count: n }) }))]}
              onChange={(e) => update({ stars: e.currentTarget.value })} />
            <NativeSelect label={t('catalogue.entityType')} value={get('entityType')}
              data={[{ value: '', label: t('catalogue.allTypes') }, ...ENTITY_TYPES.map((k) => ({ value: k, label: t(`entityType.${k}`) }))]} onChange={(e) => update({ entityType: e.currentTarget.value })} />
            <NativeSelect label={t('catalogue.sort')} value={get('sort') || 'name'}
              data={[{ value: 'name', label: t('catalogue.sortName') }, { value: '-stars', label: t('catalogue.sortStars') }, { value: '-updatedAt', label: t('catalogue.sortNew') }]}
              onChange={(e) => update({ sort: e.currentTarget.value === 'name' ? '' : e.currentTarget.value })} />
          </SimpleGrid>
        </Box>

        <Group justify="space-between" mt="lg" mb="sm" mih={30}>
          <Title order={2} size="h5" c="dark.6" aria-live="polite">
            {data ? t('catalogue.results', { n: formatNumber(data.total) }) : '\u00a0'}
          </Title>
          {hasFilters && <Button variant="subtle" size="compact-sm" onClick={() => { setText(''); setParams(new URLSearchParams()); }}>{t('catalogue.clear')}</Button>}
        </Group>

        {error ? <ErrorState error={error} onRetry={reload} />
          : !data && loading ? (
            <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="md">
              {Array.from({ length: 8 }, (_, i) => <Skeleton key={i} height={280} radius="lg" />)}
            </SimpleGrid>
          ) : data && data.items.length === 0 ? (
            <EmptyState title={t('catalogue.emptyTitle')} hint={t('catalogue.emptyHint')}
              action={hasFilters ? <Button variant="light" onClick={() => { setText(''); setParams(new URLSearchParams()); }}>{t('catalogue.clear')}</Button> : undefined} />
          ) : data ? (
            <Box style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 120ms' }}>
              <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing={{ base: 'xs', sm: 'md' }}>
                {data.items.map((p) => <ProductCard key={p.id} product={p} />)}
              </SimpleGrid>
              <Pager total={data.total} pageSize={PAGE_SIZE} page={page} onChange={(p) => { update({ page: String(p) }); window.scrollTo({ top: 0 }); }} />
            </Box>
          ) : null}
      </Container>
    </>
  );
}
