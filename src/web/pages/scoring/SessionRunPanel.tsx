// What those who run a session do on its page (the office, the chair, the secretary; the API's `actions` say which):
// put a ready dossier on the agenda, open with the attendance and the live quorum (or, by written opinion, ask every
// scoring member), close with a minutes note — the server's reasons for refusing shown item by item — and turn a
// written session into a meeting when opinions diverge.
import { Alert, Button, Card, Checkbox, List, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, withQuery } from '../../api.js';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useFetch } from '../../useFetch.js';
import type { CloseProblem, Council, DossierPage, Session } from './types.js';

type Props = { session: Session; council: Council; onChange(s: Session, message: string): void };

function Step({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="xs">{title}</Title>
      {children}
    </Card>
  );
}

function AddItemForm({ session, onChange }: Omit<Props, 'council'>) {
  const { t } = useTranslation();
  const { error, field, busy, submit } = useFormErrors();
  const [dossierId, setDossierId] = useState('');
  // Dossiers the council may take now: through the advisory review of its province (or the Ministry's), and, in
  // writing, re-rating ones only; `schedule` among a dossier's actions is the server's word that it is ready.
  const status = session.level === 'central' ? 'central_advisory' : 'advisory_review';
  const { data, error: loadError, reload } = useFetch<DossierPage>(withQuery('/api/v1/dossiers', { status, type: session.mode === 'written' ? 'rerating' : undefined, pageSize: 200 }));
  const ready = data?.items.filter((d) => d.actions.includes('schedule')) ?? [];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const d = ready.find((x) => x.id === dossierId);
    if (!d) return;
    void submit(async () => {
      const s = await api.post<Session>(`/api/v1/sessions/${session.id}/items`, { dossierId: d.id, version: d.version });
      setDossierId('');
      reload();
      onChange(s, t('session.added'));
    });
  }

  if (loadError) return <ErrorState error={loadError} onRetry={reload} />;
  if (!data) return <Loading />;
  if (!ready.length) return <Text size="sm" c="dark.4">{t(session.mode === 'written' ? 'session.addItemNoneWritten' : 'session.addItemNone')}</Text>;
  return (
    <form onSubmit={onSubmit} noValidate className="add-item-form">
      <Stack gap="sm">
        <FormAlert error={error} />
        <NativeSelect label={t('session.addItemLabel')} name="dossierId" value={dossierId} onChange={(e) => setDossierId(e.currentTarget.value)} error={field('dossierId')}
          data={[{ value: '', label: t('session.choose') }, ...ready.map((d) => ({ value: d.id, label: `${d.product.name} · ${d.number} · ${t(`dossier.type.${d.type}`)}` }))]} />
        <Button type="submit" loading={busy} disabled={!dossierId} style={{ alignSelf: 'flex-start' }}>{t('session.addItemButton')}</Button>
      </Stack>
    </form>
  );
}

/** Attendance checkboxes with the quorum counted as the boxes are ticked; the server checks it again. */
function Attendance({ council, present, onChange }: { council: Council; present: string[]; onChange(ids: string[]): void }) {
  const { t } = useTranslation();
  const members = council.members.filter((m) => m.team === 'council' && m.active);
  const chair = members.find((m) => m.role === 'chair');
  const { quorumShare, quorumRequiresChair } = council.settings;
  const required = Math.ceil(members.length * quorumShare - 1e-9);
  const chairIn = !!chair && present.includes(chair.userId);
  const met = members.length > 0 && present.length >= required && (!quorumRequiresChair || chairIn);
  return (
    <Stack gap="xs">
      <Checkbox.Group label={t('session.attendance')} value={present} onChange={onChange}>
        <Stack gap={8} mt={6}>
          {members.map((m) => <Checkbox key={m.userId} value={m.userId} label={`${m.fullName} — ${t(`session.role.${m.role}`)}`} />)}
        </Stack>
      </Checkbox.Group>
      <Alert color={met ? 'green' : 'orange'} role="status" aria-live="polite" className="quorum-live" p="xs">
        <Text size="sm" fw={700}>{t('session.quorumLive', { present: present.length, members: members.length, required })}</Text>
        <Text size="sm">{t(chairIn ? 'session.chairPresent' : 'session.chairAbsent')} · {t(met ? 'session.quorumMet' : 'session.quorumNotMet')}</Text>
      </Alert>
    </Stack>
  );
}

/** Opens the session, or turns a written one into a meeting (`convert`): both take the attendance, except the opening
 * of a written session, where every scoring member is asked. */
function AttendanceForm({ session, council, onChange, convert = false }: Props & { convert?: boolean }) {
  const { t } = useTranslation();
  const { error, field, busy, submit } = useFormErrors();
  const [present, setPresent] = useState<string[]>([]);
  const noAttendance = !convert && session.mode === 'written';
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const path = convert ? 'convert-to-meeting' : 'open';
    const body = noAttendance ? { version: session.version } : { present, version: session.version };
    void submit(async () => onChange(await api.post<Session>(`/api/v1/sessions/${session.id}/${path}`, body), t(convert ? 'session.converted' : 'session.opened')));
  }
  return (
    <form onSubmit={onSubmit} noValidate className={convert ? 'convert-form' : 'open-form'}>
      <Stack gap="sm">
        {convert && <Text size="sm">{t('session.convertHint')}</Text>}
        <FormAlert error={error} />
        {noAttendance ? <Text size="sm">{t('session.openWrittenHint')}</Text> : <Attendance council={council} present={present} onChange={setPresent} />}
        {field('present') && <Text size="sm" c="red.8">{field('present')}</Text>}
        <Button type="submit" color={convert ? 'violet' : undefined} loading={busy} disabled={!noAttendance && present.length === 0} style={{ alignSelf: 'flex-start' }}>
          {t(convert ? 'session.convert' : noAttendance ? 'session.openWritten' : 'session.open')}
        </Button>
      </Stack>
    </form>
  );
}

/** Why the session cannot close: the server's message, then each product with the spread or the missing members. */
function CloseRefusal({ error, session, council }: { error: ApiError; session: Session; council: Council }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const problems = (error.problem.problems as CloseProblem[] | undefined) ?? [];
  const names = new Map(council.members.map((m) => [m.userId, m.fullName]));
  const who = (ids: string[]) => ids.map((id) => names.get(id) ?? '?').join(', ');
  return (
    <Alert color="red" role="alert" title={t('session.closeRefused')} className="close-refusal">
      <Text size="sm">{pick(error.problem.message)}</Text>
      <List size="sm" mt={4} spacing={2}>
        {problems.map((p) => (
          <List.Item key={`${p.itemId}-${p.code}`}>
            {p.code === 'spread_exceeded' ? t('session.problemSpread', { product: p.product, spread: formatNumber(p.spread), max: formatNumber(council.settings.maxSpread), members: who(p.members) })
              : p.members.length === 0 && !p.submitted ? t('session.problemEmpty', { product: p.product })
              : session.mode === 'written' ? t('session.problemMissingWritten', { product: p.product, submitted: p.submitted ?? 0, required: p.required ?? 0, members: who(p.members) })
              : t('session.problemMissing', { product: p.product, members: who(p.members) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function CloseForm({ session, council, onChange }: Props) {
  const { t } = useTranslation();
  const { error, busy, submit } = useFormErrors();
  const [note, setNote] = useState(session.minutesNote ?? '');
  const confirm = useConfirm();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!(await confirm.ask({ title: t('confirm.closeSession.title'), next: t('confirm.closeSession.next'), confirmLabel: t('session.close') }))) return;
    await submit(async () => onChange(await api.post<Session>(`/api/v1/sessions/${session.id}/close`, { minutesNote: note.trim() || null, version: session.version }), t('session.closed')));
  }
  const refusal = error instanceof ApiError && Array.isArray(error.problem.problems);
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="close-form">
      {confirm.modal}
      <Stack gap="sm">
        {refusal ? <CloseRefusal error={error} session={session} council={council} /> : <FormAlert error={error} />}
        <Textarea label={t('session.minutesNote')} name="minutesNote" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={20000} />
        <Button type="submit" color="dark" loading={busy} style={{ alignSelf: 'flex-start' }}>{t('session.close')}</Button>
      </Stack>
    </form>
  );
}

export function SessionRunPanel(props: Props) {
  const { t } = useTranslation();
  const { session: s } = props;
  const can = (a: string) => s.actions.includes(a);
  if (!['addItem', 'open', 'close', 'convertToMeeting'].some(can)) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="run-title" mt="xl" className="session-run">
      <Title order={2} size="h4" id="run-title">{t('session.run')}</Title>
      {can('addItem') && <Step id="step-add" title={t('session.addItem')}><AddItemForm session={s} onChange={props.onChange} /></Step>}
      {can('open') && <Step id="step-open" title={t(s.mode === 'written' ? 'session.openWritten' : 'session.open')}><AttendanceForm {...props} /></Step>}
      {can('convertToMeeting') && <Step id="step-convert" title={t('session.convert')}><AttendanceForm {...props} convert /></Step>}
      {can('close') && <Step id="step-close" title={t('session.closeTitle')}><CloseForm key={s.version} {...props} /></Step>}
    </Stack>
  );
}
