// The dossier queue (/ho-so): the entity sees its own dossiers, the commune and province offices those in their
// area, with each one's deadline in working days; overdue first when filtered. Filters live in the URL.
import { Anchor, Badge, Checkbox, Container, Group, NativeSelect, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { withQuery } from '../../api.js';
import { Pager } from '../../components/Pager.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
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
  const { values, page, set } = useListParams(KEYS);
  const [text, setText] = useState(values.q);
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => { if (debounced.trim() !== values.q) set({ q: debounced.trim() }); }, [debounced]);
  const { data, error, loading, reload } = useFetch<DossierPage>(withQuery('/api/v1/dossiers', { ...values, page, pageSize: PAGE_SIZE }));

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" role="search">
        <TextInput type="search" label={t('dossier.product')} value={text} onChange={(e) => setText(e.currentTarget.value)} autoComplete="off" />
        <NativeSelect label={t('dossier.statusLabel')} value={values.status} onChange={(e) => set({ status: e.currentTarget.value })}
          data={[{ value: '', label: t('dossier.anyStatus') }, ...DOSSIER_STATUSES.map((s) => ({ value: s, label: t(`dossier.status.${s}`) }))]} />
        <Checkbox mt={{ sm: 30 }} label={t('dossier.overdueOnly')} checked={values.overdue === 'true'} onChange={(e) => set({ overdue: e.currentTarget.checked ? 'true' : '' })} />
      </SimpleGrid>
      <Title order={2} size="h5" c="dark.6" mt="lg" mb="sm" aria-live="polite">{data ? t('dossier.results', { n: formatNumber(data.total) }) : '\u00a0'}</Title>
      {error ? <ErrorState error={error} onRetry={reload} />
        : !data ? <Loading />
        : data.items.length === 0 ? <EmptyState title={t('dossier.empty')} />
        : (
          <>
            <Table.ScrollContainer minWidth={720} style={{ opacity: loading ? 0.6 : 1 }}>
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dossier.number')}</Table.Th><Table.Th>{t('dossier.product')}</Table.Th><Table.Th>{t('dossier.statusLabel')}</Table.Th>
                    <Table.Th>{t('dossier.submittedOn')}</Table.Th><Table.Th>{t('dossier.due')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((d) => (
                    <Table.Tr key={d.id} className="dossier-row">
                      <Table.Td><Anchor component={Link} to={`/ho-so/${d.id}`} ff="monospace" size="sm">{d.number}</Anchor></Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>{d.product.name}</Text>
                        <Text size="xs" c="dark.4">{d.entity.name} · {d.communeName}, {d.provinceName} · {t(`dossier.type.${d.type}`)}</Text>
                      </Table.Td>
                      <Table.Td><Badge variant="light" color={d.status === 'returned' || d.status === 'rejected' ? 'orange' : d.status === 'certified' ? 'green' : 'blue'} style={{ textTransform: 'none', color: '#1f2a33' }}>{t(`dossier.status.${d.status}`)}</Badge></Table.Td>
                      <Table.Td><Text size="sm">{formatDate(d.submittedOn)}</Text></Table.Td>
                      <Table.Td><DossierDue d={d} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager total={data.total} pageSize={PAGE_SIZE} page={page} onChange={(p) => set({ page: String(p) })} />
          </>
        )}
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
