// The public register of OCOP certificates (/giay-chung-nhan): search without diacritics, province, stars and
// status filters, paging; filters live in the URL so a link shows the same list. Each row links to its verification.
import { Anchor, Box, Card, Container, Group, NativeSelect, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../api.js';
import { Pager } from '../../components/Pager.js';
import { Stars } from '../../components/Stars.js';
import { EmptyState, ErrorState } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import { useProvinces } from '../../reference.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { useListParams } from '../registry/useListParams.js';
import { CertificateStatusBadge } from './CertificateStatus.js';
import { LateRevocations } from './LateRevocations.js';
import type { RegisterPage } from './types.js';

const PAGE_SIZE = 20;
const KEYS = ['q', 'province', 'stars', 'status'] as const;

export default function CertificatesPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  usePageTitle(t('cert.registerTitle'));
  const { values, page, set } = useListParams(KEYS);
  const [text, setText] = useState(values.q);
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => { if (debounced.trim() !== values.q) set({ q: debounced.trim() }); }, [debounced]);

  const { data, error, loading, reload } = useFetch<RegisterPage>(withQuery('/api/v1/certificates', { ...values, page, pageSize: PAGE_SIZE }));
  const provinces = useProvinces();
  const provinceOptions = useMemo(() => (provinces ?? []).map((p) => ({ value: p.code, label: en ? p.nameEn : p.name })), [provinces, en]);

  return (
    <Container size="lg" py="lg">
      <Title order={1} size="h2">{t('cert.registerTitle')}</Title>
      <Text c="dark.4" mt={4} mb="md">{t('cert.registerIntro')}</Text>
      <LateRevocations />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" role="search">
        <TextInput type="search" label={t('cert.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} autoComplete="off" />
        <NativeSelect label={t('catalogue.province')} value={values.province} onChange={(e) => set({ province: e.currentTarget.value })}
          data={[{ value: '', label: t('catalogue.allProvinces') }, ...provinceOptions]} />
        <NativeSelect label={t('catalogue.stars')} value={values.stars} onChange={(e) => set({ stars: e.currentTarget.value })}
          data={[{ value: '', label: t('catalogue.anyStars') }, ...[5, 4, 3].map((n) => ({ value: String(n), label: t('catalogue.starsOption', { count: n }) }))]} />
        <NativeSelect label={t('cert.statusFilter')} value={values.status} onChange={(e) => set({ status: e.currentTarget.value })}
          data={[{ value: '', label: t('cert.anyStatus') }, ...(['valid', 'expired', 'revoked', 'replaced'] as const).map((s) => ({ value: s, label: t(`cert.status.${s}`) }))]} />
      </SimpleGrid>

      <Title order={2} size="h5" c="dark.6" mt="lg" mb="sm" aria-live="polite">{data ? t('cert.results', { n: formatNumber(data.total) }) : '\u00a0'}</Title>
      {error ? <ErrorState error={error} onRetry={reload} />
        : !data ? <Stack>{Array.from({ length: 5 }, (_, i) => <Skeleton key={i} height={90} radius="md" />)}</Stack>
        : data.items.length === 0 ? <EmptyState title={t('cert.empty')} hint={t('catalogue.emptyHint')} />
        : (
          <Box style={{ opacity: loading ? 0.6 : 1 }}>
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {data.items.map((c) => (
                <Card key={c.number} component="li" withBorder radius="md" padding="sm" className="certificate-row">
                  <Group justify="space-between" align="flex-start" gap="xs">
                    <Box style={{ minWidth: 0, flex: 1 }}>
                      <Anchor component={Link} to={`/san-pham/${c.product.id}`} fw={700}>{c.product.name}</Anchor>
                      <Text size="sm" c="dark.4">{c.entity.name} · {c.province.name}</Text>
                      <Group gap="xs" mt={4}><Stars count={c.stars} size={16} /><CertificateStatusBadge status={c.status} /></Group>
                    </Box>
                    <Box ta="right">
                      <Anchor component={Link} to={`/xac-minh/${encodeURIComponent(c.number)}`} ff="monospace" size="sm" aria-label={`${t('cert.verify')} ${c.number}`}>{c.number}</Anchor>
                      <Text size="xs" c="dark.4">{t('cert.issuedOn')}: {formatDate(c.issuedOn)}</Text>
                      <Text size="xs" c="dark.4">{t('cert.expiresOn')}: {formatDate(c.expiresOn)}</Text>
                      <Anchor href={`/api/v1/certificates/${encodeURIComponent(c.number)}/pdf`} target="_blank" rel="noopener" size="xs">PDF</Anchor>
                    </Box>
                  </Group>
                </Card>
              ))}
            </Stack>
            <Pager total={data.total} pageSize={PAGE_SIZE} page={page} onChange={(p) => { set({ page: String(p) }); window.scrollTo({ top: 0 }); }} />
          </Box>
        )}
    </Container>
  );
}
