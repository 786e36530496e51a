// The councils the member or office sits on (/hoi-dong) with their sessions, and one session's agenda (/phien-hop/:id).
import { Anchor, Badge, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate } from '../../format.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import type { Council, Session } from './types.js';

const STATUS_COLOR = { planned: 'gray', open: 'green', closed: 'dark' } as const;

function CouncilSessions({ council }: { council: Council }) {
  const { t } = useTranslation();
  const { data } = useFetch<{ items: Omit<Session, 'items'>[] }>(`/api/v1/councils/${council.id}/sessions`);
  return (
    <Card withBorder radius="lg" padding="md" component="section">
      <Title order={2} size="h4">{council.name}</Title>
      <Stack gap={6} mt="sm">
        {!data ? <Loading /> : data.items.length === 0 ? <Text c="dark.4" size="sm">{t('session.none')}</Text> : data.items.map((s) => (
          <Group key={s.id} gap="xs">
            <Anchor component={Link} to={`/phien-hop/${s.id}`} fw={600}>{s.title}</Anchor>
            <Text size="sm" c="dark.4">{formatDate(s.scheduledOn)}</Text>
            <Badge color={STATUS_COLOR[s.status]} variant="light" style={{ textTransform: 'none', color: '#1f2a33' }}>{t(`session.status.${s.status}`)}</Badge>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

export function CouncilsPage() {
  const { t } = useTranslation();
  const { user, ready } = useSession();
  usePageTitle(t('session.councilsTitle'));
  const { data, error, reload } = useFetch<{ items: Council[] }>(user ? '/api/v1/councils' : null);
  if (!ready) return <Loading />;
  if (!user) return <Navigate to="/dang-nhap" replace />;
  return (
    <Container size="lg" py="lg">
      <Title order={1} size="h2" mb="md">{t('session.councilsTitle')}</Title>
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading />
        : data.items.length === 0 ? <EmptyState title={t('session.none')} />
        : <Stack>{data.items.map((c) => <CouncilSessions key={c.id} council={c} />)}</Stack>}
    </Container>
  );
}

export function SessionPage() {
  const { t } = useTranslation();
  const { user, ready } = useSession();
  const id = useParams().id ?? '';
  const { data: s, error, reload } = useFetch<Session>(user ? `/api/v1/sessions/${encodeURIComponent(id)}` : null);
  usePageTitle(s?.title ?? t('session.sessions'));
  if (!ready) return <Loading />;
  if (!user) return <Navigate to="/dang-nhap" replace />;
  if (error) return <Container size="lg" py="lg"><ErrorState error={error} onRetry={reload} /></Container>;
  if (!s) return <Loading />;
  return (
    <Container size="lg" py="lg">
      <Anchor component={Link} to="/hoi-dong" size="sm">{s.councilName}</Anchor>
      <Title order={1} size="h2" mt="xs">{s.title}</Title>
      <Group gap="xs" mt={4}>
        <Text c="dark.4">{formatDate(s.scheduledOn)}{s.location ? ` · ${s.location}` : ''}</Text>
        <Badge color={STATUS_COLOR[s.status]} variant="light" style={{ textTransform: 'none', color: '#1f2a33' }}>{t(`session.status.${s.status}`)}</Badge>
      </Group>
      <Title order={2} size="h4" mt="lg" mb="sm">{t('session.agenda')}</Title>
      <Stack gap="sm">
        {s.items.map((it) => (
          <Card key={it.id} withBorder radius="md" padding="sm" className="session-item">
            <Group justify="space-between" gap="xs">
              <div>
                <Text fw={700}>{it.position}. {it.product.name}</Text>
                <Text size="sm" c="dark.4">{it.entity.name} · {it.dossierNumber} · {t('sheet.sheetName', { number: it.sheet, name: '' }).replace(/:\s*$/, '')}</Text>
                <Text size="sm">{t('session.submittedCount', { n: it.submittedCount, total: it.expectedCount })}</Text>
              </div>
              {it.conflicted ? <Badge color="orange" variant="light" style={{ textTransform: 'none', color: '#1f2a33' }}>{t('session.conflicted')}</Badge>
                : <Anchor component={Link} to={`/phien-hop/${s.id}/${it.id}`} fw={600}>{t('session.score')}{it.myScore ? ` (${it.myScore.total})` : ''}</Anchor>}
            </Group>
          </Card>
        ))}
      </Stack>
    </Container>
  );
}
