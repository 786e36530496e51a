// "Thu hồi giấy chứng nhận" on the verification page, for the competent authority only (the province office for
// 3★–4★ in its province, the Ministry for 5★; the API says so in /certificates/:number/actions): one of the six
// grounds of Điều 8.1 (from the API), the date the ground was established, the decision number and date, a note.
// The deadline of Điều 8.4 is shown as the officer types; the API's refusal is shown as it comes.
import { Anchor, Box, Button, Card, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api.js';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert } from '../../components/FormErrors.js';
import { formatDate } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import type { RevocationGrounds } from './officeTypes.js';
import { vnToday } from './today.js';
import type { Verification } from './types.js';

/** Points a, b, c, d, đ, e of Điều 8.1 (the data spells đ as "dd"). */
export const groundLetter = (code: string) => (code === 'dd' ? 'đ' : code);

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

type Proposal = { ground: string; groundFoundOn: string; deadlineOn: string; evidence: string; sourcePath: string | null };

function Form({ cert, grounds, onRevoked, proposal }: { cert: Verification; grounds: RevocationGrounds; onRevoked: (v: Verification) => void; proposal?: Proposal | null }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  // A pending proposal (an inspection's conclusion) fills in its ground, the conclusion's date and the finding.
  const [ground, setGround] = useState(proposal?.ground ?? '');
  const [groundFoundOn, setGroundFoundOn] = useState(proposal?.groundFoundOn ?? '');
  const [decisionNumber, setDecisionNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState(vnToday);
  const [note, setNote] = useState(proposal?.evidence.slice(0, 2000) ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const field = (path: string) => (error instanceof ApiError ? pick(error.fieldMessage(path)) : undefined);
  const deadline = groundFoundOn ? addDays(groundFoundOn, grounds.deadlineDays) : null;
  const late = deadline !== null && decidedOn > deadline;

  const confirm = useConfirm();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!(await confirm.ask({ title: t('confirm.revoke.title', { number: cert.number }), next: t('confirm.revoke.next', { decision: decisionNumber.trim() }), confirmLabel: t('revoke.submit'), danger: true }))) return;
    setBusy(true);
    setError(null);
    try {
      onRevoked(await api.post<Verification>(`/api/v1/certificates/${encodeURIComponent(cert.number)}/revoke`, {
        ground, groundFoundOn, decisionNumber: decisionNumber.trim(), decidedOn, note: note.trim() || null,
      }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('revoke.title')}>
      {confirm.modal}
      <Stack gap="sm">
        <FormAlert error={error} />
        <Radio.Group name="revoke-ground" value={ground} onChange={setGround} label={t('revoke.ground')} withAsterisk error={field('ground')}>
          <Stack gap={8} mt={6}>
            {grounds.grounds.map((g) => (
              <Radio key={g.code} value={g.code} label={`${groundLetter(g.code)}) ${pick(g.text)}`} styles={{ body: { alignItems: 'flex-start' } }} />
            ))}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="date" label={t('revoke.groundFoundOn')} value={groundFoundOn} onChange={(e) => setGroundFoundOn(e.currentTarget.value)} withAsterisk error={field('groundFoundOn')} />
          <TextInput label={t('revoke.decisionNumber')} placeholder={t('office.decide.numberExample')} value={decisionNumber} onChange={(e) => setDecisionNumber(e.currentTarget.value)} maxLength={100} withAsterisk error={field('decisionNumber')} />
          <TextInput type="date" label={t('revoke.decidedOn')} value={decidedOn} onChange={(e) => setDecidedOn(e.currentTarget.value)} withAsterisk error={field('decidedOn')} />
        </SimpleGrid>
        <Box p="xs" data-testid="revoke-deadline" style={{ borderLeft: `4px solid ${late ? '#c62828' : 'var(--mantine-color-ocop-8)'}`, background: late ? '#fdeaea' : '#f1faf5' }}>
          <Text size="sm">{t('revoke.deadline', { days: grounds.deadlineDays })}</Text>
          {deadline && <Text size="sm" fw={700}>{t('revoke.deadlineBy', { date: formatDate(deadline) })}</Text>}
          {late && <Text size="sm" fw={700} c="red.9">{t('revoke.late')}</Text>}
        </Box>
        <Textarea label={t('revoke.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} error={field('note')} />
        <div><Button type="submit" color="red.9" loading={busy} disabled={!ground || !groundFoundOn || !decisionNumber.trim() || !decidedOn}>{t('revoke.submit')}</Button></div>
      </Stack>
    </form>
  );
}

/** Shown only to a logged-in caller the API lets revoke this certificate. */
export function RevokePanel({ cert, onRevoked }: { cert: Verification; onRevoked: (v: Verification) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const n = encodeURIComponent(cert.number);
  const { data: allowed } = useFetch<{ actions: string[]; proposal?: Proposal | null }>(user && cert.status === 'valid' ? `/api/v1/certificates/${n}/actions` : null);
  const may = !!user && cert.status === 'valid' && !!allowed?.actions.includes('revoke');
  const { data: grounds } = useFetch<RevocationGrounds>(may ? '/api/v1/certificates/revocation-grounds' : null);
  const [open, setOpen] = useState(false);
  if (!may || !grounds) return null;
  return (
    <Card withBorder radius="lg" padding="md" mt="md" component="section" aria-labelledby="revoke-title" className="revoke-panel">
      <Title order={2} size="h4" id="revoke-title">{t('revoke.title')}</Title>
      <Text size="sm" c="dark.4" mb="sm">{t('revoke.intro')}</Text>
      {allowed?.proposal && (
        <Text size="sm" fw={700} mb="xs" data-testid="revocation-proposal">
          {t('insp.proposedBanner', { date: formatDate(allowed.proposal.groundFoundOn), deadline: formatDate(allowed.proposal.deadlineOn) })}
          {allowed.proposal.sourcePath && <> · <Anchor component={Link} to={allowed.proposal.sourcePath}>{t('insp.proposalSource')}</Anchor></>}
        </Text>
      )}
      {open ? <Form cert={cert} grounds={grounds} onRevoked={onRevoked} proposal={allowed?.proposal} />
        : <Button variant="outline" color="red.9" onClick={() => setOpen(true)}>{t('revoke.open')}</Button>}
    </Card>
  );
}
