// The dossier queue (/ho-so): the entity sees its own dossiers, the commune and province offices those in their
// area, with each one's deadline in working days; overdue first when filtered. Filters live in the URL.
import { Anchor, Badge, Checkbox, Container, Group, NativeSelect, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { withQuery } from '../../api.js';
import { PagedTable } from '../../components/PagedTable.js';
import { Stars } from '../../components/Stars.js';
import { EmptyState, Loading } from '../../components/States.js';
import { formatDate, formatTotal } from '../../format.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { useListParams } from '../registry/useListParams.js';
import { DossierDue } from './DossierDue.js';
import { OpenDossierButton } from './OpenDossier.js';
import { DOSSIER_STATUSES, type DossierPage } from './types.js';

const PAGE_SIZE = 20;
const KEYS = ['q', 'status', 'overdue', 'product'] as const;

function Queue() {
  const { t } = useTranslation();
  const { values, paging, pager, set } = useListParams(KEYS);
  const [text, setText] = useState(values.q);
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => { if (debounced.trim() !== values.q) set({ q: debounced.trim() }); }, [debounced]);
  const { data, error, loading, reload } = useFetch<DossierPage>(withQuery('/api/v1/dossiers', { ...values, ...paging, pageSize: PAGE_SIZE }));

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" role="search">
        <TextInput type="search" label={t('dossier.product')} value={text} onChange={(e) => setText(e.currentTarget.value)} autoComplete="off" />
        <NativeSelect label={t('dossier.statusLabel')} value={values.status} onChange={(e) => set({ status: e.currentTarget.value })}
          data={[{ value: '', label: t('dossier.anyStatus') }, ...DOSSIER_STATUSES.map((s) => ({ value: s, label: t(`dossier.status.${s}`) }))]} />
        <Checkbox mt={{ sm: 30 }} label={t('dossier.overdueOnly')} checked={values.overdue === 'true'} onChange={(e) => set({ overdue: e.currentTarget.checked ? 'true' : '' })} />
      </SimpleGrid>
      <Title order={2} size="h5" c="dark.6" mt="lg" mb="sm" aria-live="polite">{data ? t('dossier.results', { n: formatTotal(t, data.total, data.totalExact !== false) }) : '\u00a0'}</Title>
      <PagedTable result={{ data, error, loading, reload }} {...pager} pageSize={PAGE_SIZE} minWidth={760} showTotal={false}
        rowKey={(d) => d.id} rowClassName="dossier-row" empty={<EmptyState title={t('dossier.empty')} />}
        columns={[
          { header: t('dossier.product'), card: 'title', cell: (d) => (
            <>
              <Anchor component={Link} to={`/ho-so/${d.id}`} fw={600} size="sm">{d.product.name}</Anchor>
              <Text size="xs" c="dark.4">{d.entity.name} · {d.communeName}, {d.provinceName} · {t(`dossier.type.${d.type}`)}</Text>
            </>
          ) },
          { header: t('dossier.number'), card: 'detail', cell: (d) => <Text span ff="monospace" size="xs">{d.number}</Text> },
          { header: t('dossier.statusLabel'), card: 'status', cell: (d) => <Badge variant="light" color={d.status === 'returned' || d.status === 'rejected' ? 'orange' : d.status === 'certified' ? 'green' : 'blue'} style={{ textTransform: 'none', color: '#1f2a33' }}>{t(`dossier.status.${d.status}`)}</Badge> },
          { header: t('listCard.stars'), card: 'stars', cell: (d) => (d.stars ? <Stars count={d.stars} size={14} /> : null) },
          { header: t('dossier.submittedOn'), cell: (d) => <Text size="sm">{formatDate(d.submittedOn)}</Text> },
          { header: t('dossier.due'), card: 'deadline', cell: (d) => <DossierDue d={d} /> },
        ]} />
    </>
  );
}

export default function DossiersPage() {
  const { t } = useTranslation();
  const { user, ready } = useSession();
  const productId = useListParams(KEYS).values.product;
  usePageTitle(t('dossier.queueTitle'));
  if (!ready) return <Loading />;
  if (!user) return <Navigate to="/dang-nhap" replace />;
  return (
    <Container size="lg" py="lg">
      <Group justify="space-between" mb="md">
        <Title order={1} size="h2">{t('dossier.queueTitle')}</Title>
        {user.role === 'entity' && <OpenDossierButton initialProductId={productId || undefined} />}
      </Group>
      <Queue />
    </Container>
  );
}
