// The councils the member or office sits on (/hoi-dong): each with its members (role, team) and its sessions; the
// office that runs a council (the province for its own, the Ministry for the central one) schedules a session here,
// as a meeting or, for re-rating, by written opinion (Điều 7 khoản 6 điểm d, e).
import { Anchor, Badge, Button, Card, Checkbox, Container, Group, List, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { SessionBadges } from './SessionBadges.js';
import type { Council, CouncilMember, Session, SessionMode } from './types.js';

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function Members({ members }: { members: CouncilMember[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2} className="council-members">
      {members.map((m) => (
        <List.Item key={m.id}>
          <Text span size="sm" fw={600} td={m.active ? undefined : 'line-through'}>{m.fullName}</Text>
          <Text span size="sm" c="dark.4"> · {t(`session.role.${m.role}`)}{m.team === 'advisory' ? ` · ${t('session.team.advisory')}` : ''}{m.title ? ` · ${m.title}` : ''}{m.active ? '' : ` (${t('session.inactive')})`}</Text>
        </List.Item>
      ))}
    </List>
  );
}

function ScheduleForm({ council, onCancel }: { council: Council; onCancel(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { error, field, busy, submit } = useFormErrors();
  const [title, setTitle] = useState('');
  const [scheduledOn, setScheduledOn] = useState(localToday());
  const [location, setLocation] = useState('');
  const [mode, setMode] = useState<SessionMode>('meeting');
  const idp = `schedule-${council.id}`;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit(async () => {
      const s = await api.post<Session>(`/api/v1/councils/${council.id}/sessions`, { title, scheduledOn, location: location.trim() || null, mode });
      navigate(`/phien-hop/${s.id}`);
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${idp}-title`} className="schedule-form">
      <Stack gap="sm" mt="sm" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
        <Title order={3} size="h5" id={`${idp}-title`}>{t('session.scheduleTitle')}</Title>
        <FormAlert error={error} />
        <TextInput label={t('session.title')} name="title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={field('title')} maxLength={300} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="date" label={t('session.date')} name="scheduledOn" required value={scheduledOn} onChange={(e) => setScheduledOn(e.currentTarget.value)} error={field('scheduledOn')} />
          <TextInput label={t('session.location')} name="location" value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={field('location')} maxLength={300} />
        </SimpleGrid>
        <NativeSelect label={t('session.modeLabel')} name="mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as SessionMode)} description={t('session.modeHint')}
          data={[{ value: 'meeting', label: t('session.mode.meeting') }, { value: 'written', label: t('session.mode.written') }]} error={field('mode')} />
        <Group gap="sm">
          <Button type="submit" loading={busy} disabled={!title.trim() || !scheduledOn}>{t('session.schedule')}</Button>
          <Button type="button" variant="default" onClick={onCancel}>{t('session.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The council's own operating rules (Điều 7.3.b, 7.4.b leave them to its Quy chế hoạt động): the spread allowed between
 * members and the quorum, shown to everyone on the council and edited by its office. */
function CouncilRules({ council, onSaved }: { council: Council; onSaved(c: Council): void }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const { data: defaults } = useFetch<{ source: { vi: string; en: string } }>('/api/v1/councils/settings-defaults');
  const { error, field, busy, submit } = useFormErrors();
  const [editing, setEditing] = useState(false);
  const [spread, setSpread] = useState(String(council.settings.maxSpread));
  const [share, setShare] = useState(String(Math.round(council.settings.quorumShare * 100)));
  const [chair, setChair] = useState(council.settings.quorumRequiresChair);
  const idp = `rules-${council.id}`;
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit(async () => {
      const settings = { maxSpread: Number(spread), quorumShare: Number(share) / 100, quorumRequiresChair: chair };
      onSaved(await api.patch<Council>(`/api/v1/councils/${council.id}`, { settings, version: council.version }));
      setEditing(false);
    });
  }
  return (
    <Stack gap={4} mt="sm" className="council-rules">
      <Title order={3} size="h5" id={idp}>{t('session.rulesTitle')}</Title>
      <Text size="sm">{t('session.rulesSummary', { spread: formatNumber(council.settings.maxSpread), share: `${formatNumber(Math.round(council.settings.quorumShare * 100))} %` })}</Text>
      {defaults && <Text size="xs" c="dark.4">{pick(defaults.source)}</Text>}
      {council.actions.includes('edit') && !editing && <div><Button size="xs" variant="light" onClick={() => setEditing(true)}>{t('session.editRules')}</Button></div>}
      {editing && (
        <form onSubmit={onSubmit} noValidate aria-labelledby={idp}>
          <Stack gap="xs">
            <FormAlert error={error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput type="number" min={0} max={100} step="0.5" label={t('session.maxSpread')} name="maxSpread" value={spread} onChange={(e) => setSpread(e.currentTarget.value)} error={field('settings.maxSpread')} />
              <TextInput type="number" min={1} max={100} label={t('session.quorumPercent')} name="quorumPercent" value={share} onChange={(e) => setShare(e.currentTarget.value)} error={field('settings.quorumShare')} />
            </SimpleGrid>
            <Checkbox label={t('session.quorumRequiresChair')} checked={chair} onChange={(e) => setChair(e.currentTarget.checked)} />
            <Group gap="sm">
              <Button type="submit" size="xs" loading={busy}>{t('session.saveRules')}</Button>
              <Button type="button" size="xs" variant="default" onClick={() => setEditing(false)}>{t('session.cancel')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function CouncilCard({ council: initial }: { council: Council }) {
  const [council, setCouncil] = useState(initial);
  const { t } = useTranslation();
  const [scheduling, setScheduling] = useState(false);
  const { data, error, reload } = useFetch<{ items: Omit<Session, 'items'>[] }>(`/api/v1/councils/${council.id}/sessions`);
  const titleId = `council-${council.id}`;
  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby={titleId} className="council-card">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h4" id={titleId}>{council.name}</Title>
        <Badge variant="light" color="gray" style={{ textTransform: 'none', color: '#1f2a33' }}>{t(`session.level.${council.level}`)}</Badge>
      </Group>
      <CouncilRules council={council} onSaved={setCouncil} />
      <Title order={3} size="h5" mt="sm" mb={4}>{t('session.members')}</Title>
      <Members members={council.members} />
      <Group justify="space-between" mt="md" mb={4} gap="xs">
        <Title order={3} size="h5">{t('session.sessions')}</Title>
        {council.actions.includes('createSession') && !scheduling && <Button size="xs" onClick={() => setScheduling(true)}>{t('session.schedule')}</Button>}
      </Group>
      {scheduling && <ScheduleForm council={council} onCancel={() => setScheduling(false)} />}
      <Stack gap={8} mt="xs">
        {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading />
          : data.items.length === 0 ? <Text c="dark.4" size="sm">{t('session.none')}</Text>
          : data.items.map((s) => (
            <Group key={s.id} gap="xs" className="council-session" wrap="wrap">
              <Anchor component={Link} to={`/phien-hop/${s.id}`} fw={600}>{s.title}</Anchor>
              <Text size="sm" c="dark.4">{formatDate(s.scheduledOn)}</Text>
              <SessionBadges status={s.status} mode={s.mode} />
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
        : <Stack>{data.items.map((c) => <CouncilCard key={c.id} council={c} />)}</Stack>}
    </Container>
  );
}

export default CouncilsPage;
