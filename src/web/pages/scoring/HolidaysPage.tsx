// The holiday calendar the working-day deadlines use (/lam-viec/ngay-nghi): each year with the notice that fixed it
// (or provisional), and, for the central office, a form to load a year's notice without a release: the notice, then
// the days as JSON lines copied from the notice ([{"date","kind","name","nameEn"}]).
import { Badge, Button, Card, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate } from '../../format.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';

type Day = { date: string; kind: 'holiday' | 'compensated' | 'swapped' | 'working_day'; name: string; nameEn: string };
type Year = { year: number; noticeStatus: 'official' | 'provisional'; noticeRef: string | null; noticeNote: string | null; source: 'data' | 'upload'; version: number; days: Day[] };

function UploadForm({ years, onSaved }: { years: Year[]; onSaved(items: Year[]): void }) {
  const { t } = useTranslation();
  const { error, field, busy, submit } = useFormErrors();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [status, setStatus] = useState<'official' | 'provisional'>('official');
  const [ref, setRef] = useState('');
  const [days, setDays] = useState('[\n  {"date": "", "kind": "holiday", "name": "", "nameEn": ""}\n]');
  const [parseError, setParseError] = useState<string | null>(null);
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    let parsed: unknown;
    try { parsed = JSON.parse(days); setParseError(null); } catch { setParseError(t('holidays.badJson')); return; }
    const existing = years.find((y) => String(y.year) === year);
    void submit(async () => {
      const res = await api.put<{ items: Year[] }>(`/api/v1/holidays/${encodeURIComponent(year)}`, { noticeStatus: status, noticeRef: ref.trim() || null, days: parsed, ...(existing ? { version: existing.version } : {}) });
      onSaved(res.items);
    });
  }
  return (
    <Card withBorder radius="md" padding="md" component="form" onSubmit={onSubmit} noValidate aria-labelledby="holiday-upload">
      <Stack gap="sm">
        <Title order={2} size="h5" id="holiday-upload">{t('holidays.uploadTitle')}</Title>
        <FormAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput type="number" label={t('holidays.year')} value={year} onChange={(e) => setYear(e.currentTarget.value)} min={2000} max={2100} />
          <NativeSelect label={t('holidays.noticeStatus')} value={status} onChange={(e) => setStatus(e.currentTarget.value as 'official' | 'provisional')}
            data={[{ value: 'official', label: t('holidays.status.official') }, { value: 'provisional', label: t('holidays.status.provisional') }]} />
          <TextInput label={t('holidays.noticeRef')} value={ref} onChange={(e) => setRef(e.currentTarget.value)} error={field('noticeRef')} maxLength={500} />
        </SimpleGrid>
        <Textarea label={t('holidays.days')} description={t('holidays.daysHint')} value={days} onChange={(e) => setDays(e.currentTarget.value)} autosize minRows={5} ff="monospace"
          error={parseError ?? field('days')} />
        <div><Button type="submit" loading={busy}>{t('holidays.upload')}</Button></div>
      </Stack>
    </Card>
  );
}

export default function HolidaysPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('holidays.title'));
  const { user } = useSession();
  const { data, error, reload, setData } = useFetch<{ items: Year[] }>('/api/v1/holidays');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <Stack>
      <Title order={1} size="h3">{t('holidays.title')}</Title>
      <Text size="sm" c="dark.4">{t('holidays.intro')}</Text>
      {data.items.map((y) => (
        <Card key={y.year} withBorder radius="md" padding="sm" component="section" aria-labelledby={`hy-${y.year}`}>
          <Title order={2} size="h5" id={`hy-${y.year}`}>{y.year}{' '}
            <Badge color={y.noticeStatus === 'official' ? 'green' : 'orange'} variant="light" style={{ textTransform: 'none' }}>{t(`holidays.status.${y.noticeStatus}`)}</Badge>
          </Title>
          {y.noticeRef && <Text size="sm">{y.noticeRef}</Text>}
          {y.noticeNote && <Text size="xs" c="dark.4">{y.noticeNote}</Text>}
          <Table mt={4} fz="sm">
            <Table.Tbody>
              {y.days.map((d) => (
                <Table.Tr key={d.date}><Table.Td>{formatDate(d.date)}</Table.Td><Table.Td>{t(`holidays.kind.${d.kind}`)}</Table.Td><Table.Td>{i18n.language === 'en' ? d.nameEn : d.name}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
      {user?.role === 'central' && <UploadForm years={data.items} onSaved={(items) => setData({ items })} />}
    </Stack>
  );
}
