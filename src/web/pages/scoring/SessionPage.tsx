// One council session (/phien-hop/:id): its agenda — each product with its dossier, how many members have submitted
// out of those expected (and, by written opinion, how many are needed), the result once closed — and, for those who
// run it, the steps of the session (SessionRunPanel). Once closed: the minutes and every member's sheet as PDF.
import { Alert, Anchor, Badge, Card, Container, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { SessionBadges } from './SessionBadges.js';
import { SessionRunPanel } from './SessionRunPanel.js';
import type { Council, MemberScore, Session, SessionItem } from './types.js';

const badgeStyle = { textTransform: 'none', color: '#1f2a33' } as const;

/** Once closed, every member's filled sheet for one product, as PDF links. */
function ItemSheets({ session, item }: { session: Session; item: SessionItem }) {
  const { t } = useTranslation();
  const { data } = useFetch<{ items: MemberScore[] }>(`/api/v1/sessions/${session.id}/items/${item.id}/scores`);
  if (!data?.items.length) return null;
  return (
    <details className="item-sheets">
      <summary><Text span size="sm" fw={600}>{t('session.sheets')}</Text></summary>
      <List size="sm" spacing={2} mt={4}>
        {data.items.map((s) => (
          <List.Item key={s.userId}>
            <Anchor href={`/api/v1/sessions/${session.id}/items/${item.id}/members/${s.userId}/sheet.pdf`} target="_blank" rel="noopener" size="sm">
              {t('session.sheetPdf', { name: s.fullName ?? '' })}
            </Anchor>
            <Text span size="sm" c="dark.4"> · {formatNumber(s.total)}</Text>
          </List.Item>
        ))}
      </List>
    </details>
  );
}

function AgendaItem({ session, item: it }: { session: Session; item: SessionItem }) {
  const { t } = useTranslation();
  const scoring = session.actions.includes('score');
  const counting = session.status !== 'closed';
  return (
    <Card withBorder radius="md" padding="sm" className="session-item" component="article" aria-labelledby={`item-${it.id}`}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Title order={3} size="h5" id={`item-${it.id}`}>{it.position}. {it.product.name}</Title>
          {it.mustRescore && <Badge color="orange" variant="light" style={badgeStyle}>{t('session.mustRescoreBadge')}</Badge>}
        </Group>
        <Text size="sm" c="dark.4">
          {it.entity.name} · <Anchor component={Link} to={`/ho-so/${it.dossierId}`} size="sm" underline="always">{t('session.dossierLink', { number: it.dossierNumber })}</Anchor>
        </Text>
        {counting && (
          <Text size="sm" className="item-count">
            {t('session.submittedCount', { n: it.submittedCount, total: it.expectedCount })}
            {session.mode === 'written' ? ` · ${t('session.requiredCount', { n: it.requiredCount })}` : ''}
          </Text>
        )}
        {counting && it.rescoreRequest && <Text size="sm" c="orange.9">{t('session.rescoreRequested', { round: it.rescoreRequest.round, reason: it.rescoreRequest.reason })}</Text>}
        {it.result && (
          <Text size="sm" fw={700} className="item-result">
            {t('session.result', { mean: formatNumber(it.result.mean), stars: it.result.stars ? t('stars.label', { count: it.result.stars }) : t('session.notRecognised') })}
          </Text>
        )}
        <Group gap="sm">
          {it.conflicted ? <Badge color="orange" variant="light" style={badgeStyle}>{t('session.conflicted')}</Badge>
            : <Anchor component={Link} to={`/phien-hop/${session.id}/${it.id}`} fw={600}>
              {scoring ? t('session.score') : t('session.view')}{it.myScore ? ` (${formatNumber(it.myScore.total)})` : ''}
            </Anchor>}
        </Group>
        {session.status === 'closed' && <ItemSheets session={session} item={it} />}
      </Stack>
    </Card>
  );
}

export default function SessionPage() {
  const { t } = useTranslation();
  const { user, ready } = useSession();
  const id = useParams().id ?? '';
  const { data: s, error, reload, setData } = useFetch<Session>(user ? `/api/v1/sessions/${encodeURIComponent(id)}` : null);
  const { data: council } = useFetch<Council>(s ? `/api/v1/councils/${s.councilId}` : null);
  const [message, setMessage] = useState<string | null>(null);
  usePageTitle(s?.title ?? t('session.sessions'));
  if (!ready) return <Loading />;
  if (!user) return <Navigate to="/dang-nhap" replace />;
  if (error) return <Container size="lg" py="lg"><ErrorState error={error} onRetry={reload} /></Container>;
  if (!s) return <Loading />;
  const share = council ? `${formatNumber(Math.round(council.settings.quorumShare * 100))} %` : '';
  return (
    <Container size="lg" py="lg">
      <Anchor component={Link} to="/hoi-dong" size="sm">{s.councilName}</Anchor>
      <Title order={1} size="h2" mt="xs">{s.title}</Title>
      <Group gap="xs" mt={4}>
        <Text c="dark.4">{formatDate(s.scheduledOn)}{s.location ? ` · ${s.location}` : ''}</Text>
        <SessionBadges status={s.status} mode={s.mode} />
      </Group>
      {s.mode === 'written' && s.status !== 'closed' && council && (
        <Alert color="violet" mt="sm">{t('session.writtenInfo', { share, max: formatNumber(council.settings.maxSpread) })}</Alert>
      )}
      {s.convertedAt && <Text size="sm" mt="xs">{t('session.convertedInfo', { date: formatDate(s.convertedAt) })}</Text>}
      {message && <Alert mt="sm" color="green" role="status" withCloseButton closeButtonLabel={t('session.dismiss')} onClose={() => setMessage(null)}>{message}</Alert>}
      {s.status === 'closed' && (
        <Group mt="sm">
          <Anchor href={`/api/v1/sessions/${s.id}/minutes.pdf`} target="_blank" rel="noopener" fw={700} className="minutes-link">{t('session.minutes')}</Anchor>
        </Group>
      )}
      <Title order={2} size="h4" mt="lg" mb="sm">{t('session.agenda')}</Title>
      {s.items.length === 0 ? <Text c="dark.4" size="sm">{t('session.agendaEmpty')}</Text> : (
        <Stack gap="sm">{s.items.map((it) => <AgendaItem key={it.id} session={s} item={it} />)}</Stack>
      )}
      {council && <SessionRunPanel session={s} council={council} onChange={(next, text) => { setData(next); setMessage(text); }} />}
    </Container>
  );
}
