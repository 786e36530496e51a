// A council member scores one product of a session (/phien-hop/:id/:itemId): the sheet as radio buttons with the
// running totals, saved as a draft or submitted. Scoring is independent: the council's overview (each member's
// total and parts against the mean, and the spread warning) is shown only once the API lets the caller see it.
// The chair asks for re-scoring from here; the members asked are told at the top that they must score again.
import { Alert, Anchor, Box, Button, Card, Checkbox, Container, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { api, ApiError } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { SheetForm } from './SheetForm.js';
import type { Findings, MemberScore, Overview, Session, SessionItem, Sheet } from './types.js';
import type { Answers } from './useEvaluation.js';

/** The chair asks members (all by default) to score this product again, with the reason. */
function RescoreForm({ session, item, overview, onDone }: { session: Session; item: SessionItem; overview: Overview; onDone(text: string): void }) {
  const { t } = useTranslation();
  const { error, field, busy, submit } = useFormErrors();
  const everyone = overview.members.map((m) => m.userId);
  const [members, setMembers] = useState<string[]>(everyone);
  const [reason, setReason] = useState('');
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit(async () => {
      const all = everyone.every((id) => members.includes(id));
      const res = await api.post<{ round: number }>(`/api/v1/sessions/${session.id}/items/${item.id}/rescore`, { reason: reason.trim(), ...(all ? {} : { members }) });
      setReason('');
      onDone(t('session.rescoreSent', { round: res.round }));
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="rescore-title" className="rescore-form">
      <Stack gap="sm" mt="md">
        <Title order={3} size="h5" id="rescore-title">{t('session.rescore')}</Title>
        <FormAlert error={error} />
        <Textarea label={t('session.rescoreReason')} name="reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={field('reason')} autosize minRows={2} maxLength={2000} />
        <Checkbox.Group label={t('session.rescoreMembers')} description={t('session.rescoreMembersHint')} value={members} onChange={setMembers}>
          <Stack gap={6} mt={6}>{overview.members.map((m) => <Checkbox key={m.userId} value={m.userId} label={`${m.fullName ?? m.userId} (${formatNumber(m.total)})`} />)}</Stack>
        </Checkbox.Group>
        <Button type="submit" color="orange" loading={busy} disabled={!reason.trim() || members.length === 0} style={{ alignSelf: 'flex-start' }}>{t('session.rescore')}</Button>
      </Stack>
    </form>
  );
}

function CouncilOverview({ session, item, onRescored }: { session: Session; item: SessionItem; onRescored(text: string): void }) {
  const { t } = useTranslation();
  const { data: o, error } = useFetch<Overview>(`/api/v1/sessions/${session.id}/items/${item.id}/overview`);
  if (error) return error instanceof ApiError && error.status === 403 ? <Alert color="gray">{t('session.hiddenUntilSubmit')}</Alert> : <ErrorState error={error} />;
  if (!o) return <Loading />;
  const args = { spread: formatNumber(o.spread), max: formatNumber(o.maxSpread) };
  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="overview-title">
      <Title order={2} size="h4" id="overview-title" mb="sm">{t('session.overview')}</Title>
      {/* The spread rule decides whether the session can close: the warning comes first, in full colour. */}
      {o.withinLimit
        ? <Alert color="green" role="status" mb="sm" className="spread-check">{t('session.spreadOk', args)}</Alert>
        : (
          <Alert color="red.9" variant="filled" role="alert" mb="sm" className="spread-check spread-warning" title={t('session.spreadTitle')}>
            {t(session.mode === 'written' ? 'session.spreadWarnWritten' : 'session.spreadWarn', args)}
          </Alert>
        )}
      <Table.ScrollContainer minWidth={520}>
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th>{t('session.member')}</Table.Th><Table.Th>A</Table.Th><Table.Th>B</Table.Th><Table.Th>C</Table.Th><Table.Th>{t('sheet.total')}</Table.Th><Table.Th>{t('session.diff')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {o.members.map((m) => {
              const extreme = !o.withinLimit && (o.lowest.includes(m.userId) || o.highest.includes(m.userId));
              return (
                <Table.Tr key={m.userId} className={extreme ? 'import-error-row' : undefined}>
                  <Table.Td fw={extreme ? 700 : undefined}>{m.fullName ?? m.userId}</Table.Td>
                  <Table.Td>{formatNumber(m.parts.A)}</Table.Td><Table.Td>{formatNumber(m.parts.B)}</Table.Td><Table.Td>{formatNumber(m.parts.C)}</Table.Td>
                  <Table.Td fw={700}>{formatNumber(m.total)}</Table.Td>
                  <Table.Td>{m.diffFromMean > 0 ? '+' : ''}{formatNumber(m.diffFromMean)}</Table.Td>
                </Table.Tr>
              );
            })}
            {o.mean !== null && o.parts && (
              <Table.Tr fw={700}><Table.Td>{t('session.mean')}</Table.Td><Table.Td>{formatNumber(o.parts.A)}</Table.Td><Table.Td>{formatNumber(o.parts.B)}</Table.Td><Table.Td>{formatNumber(o.parts.C)}</Table.Td><Table.Td>{formatNumber(o.mean)}</Table.Td><Table.Td /></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {session.actions.includes('requestRescore') && o.members.length > 0 && <RescoreForm session={session} item={item} overview={o} onDone={onRescored} />}
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
  const canScore = s.status === 'open' && s.actions.includes('score') && !item.conflicted && mine?.status !== 'submitted';
  const refresh = (text: string, ok = true) => { setMessage({ ok, text }); reload(); setTick((n) => n + 1); };
  async function save(answers: Answers, findings: Findings, submit: boolean) {
    setBusy(true);
    setMessage(null);
    try {
      await api.put<MemberScore>(`/api/v1/sessions/${s!.id}/items/${item!.id}/score`, { answers, knockOuts: findings.knockOuts, conditions: findings.conditions, submit, version: mine?.version });
      refresh(t(submit ? 'session.submitted' : 'session.saved'));
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
      <Text c="dark.4">{item.entity.name} · <Anchor component={Link} to={`/ho-so/${item.dossierId}`} underline="always">{t('session.dossierLink', { number: item.dossierNumber })}</Anchor></Text>
      {item.mustRescore && item.rescoreRequest && (
        <Alert color="red.9" variant="filled" role="alert" mt="sm" className="must-rescore" title={t('session.mustRescoreBadge')}>
          {t('session.mustRescore', { round: item.rescoreRequest.round, reason: item.rescoreRequest.reason })}
        </Alert>
      )}
      <Alert color="blue" mt="sm">{t('session.independent')}</Alert>
      {item.conflicted && <Alert color="orange" mt="sm">{t('session.conflicted')}</Alert>}
      {message && <Alert mt="sm" color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>{message.text}</Alert>}
      <Box mt="md"><CouncilOverview key={tick} session={s} item={item} onRescored={(text) => refresh(text)} /></Box>
      <Title order={2} size="h3" mt="xl">{t('session.myScore')}</Title>
      {!sheet ? <Loading /> : (
        <SheetForm key={`${item.id}.${mine?.version ?? 0}.${mine?.status ?? ''}`} sheet={sheet} initial={mine?.answers} initialFindings={mine ? { knockOuts: mine.knockOuts, conditions: mine.conditions } : undefined} readOnly={!canScore}
          actions={canScore ? (answers, findings) => (
            <>
              <Button variant="light" loading={busy} onClick={() => void save(answers, findings, false)}>{t('session.saveDraft')}</Button>
              <Button loading={busy} onClick={() => void save(answers, findings, true)}>{t('session.submit')}</Button>
            </>
          ) : undefined} />
      )}
    </Container>
  );
}
