// A council member scores one product of a session (/phien-hop/:id/:itemId): the sheet as radio buttons with the
// running totals, saved as a draft or submitted. Scoring is independent: the council's overview (each member's
// total and parts against the mean, and the spread warning) is shown only once the API lets the caller see it.
import { Alert, Anchor, Box, Button, Card, Container, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { api, ApiError } from '../../api.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { SheetForm } from './SheetForm.js';
import type { MemberScore, Overview, Session, Sheet } from './types.js';
import type { Answers } from './useEvaluation.js';

function CouncilOverview({ url }: { url: string }) {
  const { t } = useTranslation();
  const { data: o, error } = useFetch<Overview>(url);
  if (error) return error instanceof ApiError && error.status === 403 ? <Alert color="gray">{t('session.hiddenUntilSubmit')}</Alert> : <ErrorState error={error} />;
  if (!o) return <Loading />;
  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="overview-title">
      <Title order={2} size="h4" id="overview-title" mb="sm">{t('session.overview')}</Title>
      <Alert color={o.withinLimit ? 'green' : 'red'} role={o.withinLimit ? 'status' : 'alert'} mb="sm" className="spread-check">
        {t(o.withinLimit ? 'session.spreadOk' : 'session.spreadWarn', { spread: formatNumber(o.spread), max: formatNumber(o.maxSpread) })}
      </Alert>
      <Table.ScrollContainer minWidth={520}>
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th>{t('session.member')}</Table.Th><Table.Th>A</Table.Th><Table.Th>B</Table.Th><Table.Th>C</Table.Th><Table.Th>{t('sheet.total')}</Table.Th><Table.Th>{t('session.diff')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {o.members.map((m) => (
              <Table.Tr key={m.userId} className={o.withinLimit ? undefined : 'import-error-row'}>
                <Table.Td>{m.fullName ?? m.userId}</Table.Td>
                <Table.Td>{formatNumber(m.parts.A)}</Table.Td><Table.Td>{formatNumber(m.parts.B)}</Table.Td><Table.Td>{formatNumber(m.parts.C)}</Table.Td>
                <Table.Td fw={700}>{formatNumber(m.total)}</Table.Td>
                <Table.Td>{m.diffFromMean > 0 ? '+' : ''}{formatNumber(m.diffFromMean)}</Table.Td>
              </Table.Tr>
            ))}
            {o.mean !== null && o.parts && (
              <Table.Tr fw={700}><Table.Td>{t('session.mean')}</Table.Td><Table.Td>{formatNumber(o.parts.A)}</Table.Td><Table.Td>{formatNumber(o.parts.B)}</Table.Td><Table.Td>{formatNumber(o.parts.C)}</Table.Td><Table.Td>{formatNumber(o.mean)}</Table.Td><Table.Td /></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

export default function SessionItemPage() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const { user, ready } = useSession();
  const { id = '', itemId = '' } = useParams();
  const { data: s, error, reload } = useFetch<Session>(user ? `/api/v1/sessions/${encodeURIComponent(id)}` : null);
  const item = s?.items.find((i) => i.id === itemId);
  const { data: sheet } = useFetch<Sheet>(item ? `/api/v1/score-sheets/${item.sheet}` : null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  usePageTitle(item?.product.name ?? t('session.sessions'));

  if (!ready) return <Loading />;
  if (!user) return <Navigate to="/dang-nhap" replace />;
  if (error) return <Container size="lg" py="lg"><ErrorState error={error} onRetry={reload} /></Container>;
  if (!s || !item) return <Loading />;

  const mine = item.myScore;
  const canScore = s.status === 'open' && !item.conflicted && mine?.status !== 'submitted';
  async function save(answers: Answers, submit: boolean) {
    setBusy(true);
    setMessage(null);
    try {
      await api.put<MemberScore>(`/api/v1/sessions/${s!.id}/items/${item!.id}/score`, { answers, submit, version: mine?.version });
      setMessage({ ok: true, text: t(submit ? 'session.submitted' : 'session.saved') });
      reload();
      setTick((n) => n + 1);
    } catch (e) {
      setMessage({ ok: false, text: (e instanceof ApiError && pick(e.problem.message)) || t('app.error') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size="lg" py="lg">
      <Anchor component={Link} to={`/phien-hop/${s.id}`} size="sm">{s.title}</Anchor>
      <Title order={1} size="h2" mt="xs">{item.product.name}</Title>
      <Text c="dark.4">{item.entity.name} · {item.dossierNumber}</Text>
      <Alert color="blue" mt="sm">{t('session.independent')}</Alert>
      {item.conflicted && <Alert color="orange" mt="sm">{t('session.conflicted')}</Alert>}
      {message && <Alert mt="sm" color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>{message.text}</Alert>}
      <Box mt="md"><CouncilOverview key={tick} url={`/api/v1/sessions/${s.id}/items/${item.id}/overview`} /></Box>
      <Title order={2} size="h3" mt="xl">{t('session.myScore')}</Title>
      {!sheet ? <Loading /> : (
        <SheetForm key={`${item.id}.${mine?.version ?? 0}.${mine?.status ?? ''}`} sheet={sheet} initial={mine?.answers} readOnly={!canScore}
          actions={canScore ? (answers) => (
            <>
              <Button variant="light" loading={busy} onClick={() => void save(answers, false)}>{t('session.saveDraft')}</Button>
              <Button loading={busy} onClick={() => void save(answers, true)}>{t('session.submit')}</Button>
            </>
          ) : undefined} />
      )}
    </Container>
  );
}
