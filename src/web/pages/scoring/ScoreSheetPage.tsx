// The score sheet screen (/cham-diem/:sheet): the public "try the score sheet" tool, also the entity's
// self-assessment. The sheet is rendered part by part, group by group; the totals move as options are chosen and
// the evaluate API gives the band, the stars and what the next star takes.
import { Anchor, Box, Container, NativeSelect, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorState, Loading } from '../../components/States.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { SheetForm } from './SheetForm.js';
import type { Sheet, SheetSummary } from './types.js';

function SheetPicker({ current }: { current: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useFetch<SheetSummary[]>('/api/v1/score-sheets');
  return (
    <NativeSelect label={t('sheet.pick')} value={current} maw={560} onChange={(e) => navigate(`/cham-diem/${e.currentTarget.value}`)}
      data={[...(current ? [] : [{ value: '', label: '—' }]), ...(data ?? []).map((s) => ({ value: String(s.number), label: t('sheet.sheetName', { number: s.number, name: s.productSet }) }))]} />
  );
}

export default function ScoreSheetPage() {
  const { t } = useTranslation();
  const number = useParams().sheet ?? '';
  usePageTitle(t('sheet.title'));
  const { data: sheet, error, loading, reload } = useFetch<Sheet>(number ? `/api/v1/score-sheets/${encodeURIComponent(number)}` : null);
  return (
    <Container size="lg" py="lg">
      <Title order={1} size="h2">{t('sheet.title')}</Title>
      <Text c="dark.4" mt={4} mb="md" maw={760}>{t('sheet.intro')}</Text>
      <SheetPicker current={number} />
      {sheet && <Text size="sm" c="dark.4" mt={4}>{sheet.instrument} · {sheet.sector} · {sheet.group}</Text>}
      {!number ? null : error ? <Box mt="md"><ErrorState error={error} onRetry={reload} /></Box>
        : loading || !sheet ? <Loading />
        : <SheetForm key={sheet.number} sheet={sheet} />}
      <Anchor href="/giay-chung-nhan" size="sm" mt="lg" display="inline-block">{t('cert.registerTitle')}</Anchor>
    </Container>
  );
}
