// One inspection (/lam-viec/thanh-tra/kiem-tra/:id): recorded on site on a phone (date, team, each item checked,
// the lab's result file, findings, conclusion with corrective actions or a ground of Điều 8), then its result: the
// corrective actions followed up until closed, and a revocation proposal the competent authority completes here.
import { Anchor, Box, Button, Card, FileInput, Group, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api.js';
import { useConfirm } from '../../components/Confirm.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { Stars } from '../../components/Stars.js';
import { ErrorState, Loading } from '../../components/States.js';
import { useUpload } from '../../components/useUpload.js';
import { formatDate } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { groundLetter } from '../scoring/RevokeForm.js';
import type { RevocationGrounds } from '../scoring/officeTypes.js';
import { vnToday } from '../scoring/today.js';
import { planPath, Reasons, StateBadge, type CorrectiveAction, type Inspection } from './common.js';

const CHECKS = ['label', 'logo', 'traceCode', 'samples', 'production', 'dossierClaims'] as const;
type CheckState = Record<(typeof CHECKS)[number], { result: 'ok' | 'issue' | 'not_checked'; note: string }>;

function LabUpload({ i, onDone }: { i: Inspection; onDone: (v: Inspection) => void }) {
  const { t } = useTranslation();
  const { busy, send } = useUpload();
  const [error, setError] = useState<unknown>(null);
  const pick = (file: File | null) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setError(null);
    send<Inspection>(`/api/v1/inspections/${i.id}/lab-result`, form).then(onDone, setError);
  };
  return (
    <Stack gap={4}>
      <FormAlert error={error} />
      {i.labFile && <Anchor href={i.labFile.url} target="_blank" size="sm">{t('insp.labFileOpen')} ({i.labFile.originalName})</Anchor>}
      {i.actions.includes('upload_lab_result') && <FileInput label={t('insp.labFile')} accept="application/pdf,image/jpeg,image/png,image/webp" onChange={pick} disabled={busy} clearable={false} />}
    </Stack>
  );
}

function RecordForm({ i, onDone }: { i: Inspection; onDone: (v: Inspection) => void }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const grounds = useFetch<RevocationGrounds>('/api/v1/certificates/revocation-grounds');
  const today = vnToday();
  const [inspectedOn, setInspectedOn] = useState(today);
  const [concludedOn, setConcludedOn] = useState(today);
  const [team, setTeam] = useState('');
  const [checks, setChecks] = useState<CheckState>(Object.fromEntries(CHECKS.map((k) => [k, { result: 'ok', note: '' }])) as CheckState);
  const [labName, setLabName] = useState('');
  const [labResult, setLabResult] = useState<string | null>(null);
  const [findings, setFindings] = useState('');
  const [conclusion, setConclusion] = useState('compliant');
  const [actions, setActions] = useState([{ description: '', dueOn: '' }]);
  const [ground, setGround] = useState('');
  const { error, field, busy, submit } = useFormErrors();
  const confirm = useConfirm();
  const save = async () => {
    const next = conclusion === 'revocation_proposed' ? t('insp.revocationConfirm') : t('insp.recordConfirm');
    if (!(await confirm.ask({ title: t('insp.submitRecord'), next, confirmLabel: t('insp.submitRecord'), danger: conclusion === 'revocation_proposed' }))) return;
    await submit(async () => onDone(await api.post<Inspection>(`/api/v1/inspections/${i.id}/record`, {
      version: i.version, inspectedOn, concludedOn, team: team.split('\n').map((s) => s.trim()).filter(Boolean),
      checks: Object.fromEntries(CHECKS.map((k) => [k, { result: checks[k].result, note: checks[k].note.trim() || null }])),
      labName: labName.trim() || null, labResult, findings: findings.trim(), conclusion,
      ...(conclusion === 'corrective_action' ? { correctiveActions: actions.filter((a) => a.description.trim()).map((a) => ({ description: a.description.trim(), dueOn: a.dueOn })) } : {}),
      ...(conclusion === 'revocation_proposed' ? { revocationGround: ground || null } : {}),
    })));
  };
  return (
    <Card withBorder radius="lg" padding="md" component="form" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="record-title" noValidate>
      {confirm.modal}
      <Title order={2} size="h4" id="record-title">{t('insp.record')}</Title>
      <Text size="sm" c="dark.4" mb="sm">{t('insp.recordIntro')}</Text>
      <Stack gap="sm">
        <FormAlert error={error} />
        <TextInput type="date" label={t('insp.inspectedOn')} value={inspectedOn} onChange={(e) => setInspectedOn(e.currentTarget.value)} error={field('inspectedOn')} required />
        <Textarea label={t('insp.team')} description={t('insp.teamHint')} value={team} onChange={(e) => setTeam(e.currentTarget.value)} autosize minRows={2} error={field('team')} required />
        {CHECKS.map((k) => (
          <Box key={k} p="xs" style={{ border: '1px solid #e3e8e5', borderRadius: 8 }}>
            <Text fw={600} size="sm" id={`check-${k}`}>{t(`insp.check.${k}`)}</Text>
            <SegmentedControl fullWidth size="xs" mt={4} aria-labelledby={`check-${k}`} value={checks[k].result}
              onChange={(v) => setChecks((c) => ({ ...c, [k]: { ...c[k], result: v as CheckState[typeof k]['result'] } }))}
              data={(['ok', 'issue', 'not_checked'] as const).map((r) => ({ value: r, label: t(`insp.result.${r}`) }))} />
            {checks[k].result === 'issue' && <Textarea mt={4} label={t('insp.note')} value={checks[k].note} onChange={(e) => { const v = e.currentTarget.value; setChecks((c) => ({ ...c, [k]: { ...c[k], note: v } })); }} autosize minRows={1} />}
          </Box>
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('insp.labName')} value={labName} onChange={(e) => setLabName(e.currentTarget.value)} error={field('labName')} />
          <Select label={t('insp.labResult')} clearable data={['pass', 'fail', 'pending'].map((v) => ({ value: v, label: t(`insp.labResults.${v}`) }))} value={labResult} onChange={setLabResult} />
        </SimpleGrid>
        <LabUpload i={i} onDone={onDone} />
        <Textarea label={t('insp.findings')} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} autosize minRows={3} error={field('findings')} required />
        <Radio.Group label={t('insp.conclusion')} value={conclusion} onChange={setConclusion} withAsterisk>
          <Stack gap={6} mt={4}>{(['compliant', 'corrective_action', 'revocation_proposed'] as const).map((c) => <Radio key={c} value={c} label={t(`insp.conclusions.${c}`)} />)}</Stack>
        </Radio.Group>
        <TextInput type="date" label={t('insp.concludedOn')} value={concludedOn} onChange={(e) => setConcludedOn(e.currentTarget.value)} error={field('concludedOn')} required />
        {conclusion === 'corrective_action' && (
          <Stack gap="xs">
            {field('correctiveActions') && <Text c="red.8" size="sm">{field('correctiveActions')}</Text>}
            {actions.map((a, n) => (
              <SimpleGrid key={n} cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput label={t('insp.actionDescription')} value={a.description} onChange={(e) => { const v = e.currentTarget.value; setActions((l) => l.map((x, j) => (j === n ? { ...x, description: v } : x))); }} error={field(`correctiveActions.${n}.description`)} />
                <TextInput type="date" label={t('insp.actionDue')} value={a.dueOn} onChange={(e) => { const v = e.currentTarget.value; setActions((l) => l.map((x, j) => (j === n ? { ...x, dueOn: v } : x))); }} error={field(`correctiveActions.${n}.dueOn`)} />
              </SimpleGrid>
            ))}
            <div><Button variant="subtle" size="xs" onClick={() => setActions((l) => [...l, { description: '', dueOn: '' }])}>{t('insp.addAction')}</Button></div>
          </Stack>
        )}
        {conclusion === 'revocation_proposed' && grounds.data && (
          <Radio.Group name="inspection-ground" label={t('insp.ground')} value={ground} onChange={setGround} withAsterisk error={field('revocationGround')}>
            <Stack gap={6} mt={4}>{grounds.data.grounds.map((g) => <Radio key={g.code} value={g.code} label={`${groundLetter(g.code)}) ${pick(g.text)}`} styles={{ body: { alignItems: 'flex-start' } }} />)}</Stack>
          </Radio.Group>
        )}
        <div><Button type="submit" loading={busy} color={conclusion === 'revocation_proposed' ? 'red.9' : undefined}>{t('insp.submitRecord')}</Button></div>
      </Stack>
    </Card>
  );
}

function CloseAction({ a, onDone }: { a: CorrectiveAction; onDone: () => void }) {
  const { t } = useTranslation();
  const [closedOn, setClosedOn] = useState(vnToday());
  const [note, setNote] = useState('');
  const { error, field, busy, submit } = useFormErrors();
  return (
    <Stack gap={4} component="form" onSubmit={(e) => { e.preventDefault(); void submit(() => api.post(`/api/v1/corrective-actions/${a.id}/close`, { version: a.version, closedOn, closingNote: note.trim() })).then((ok) => { if (ok) onDone(); }); }}>
      <FormAlert error={error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput label={t('insp.closingNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={field('closingNote')} required />
        <TextInput type="date" label={t('insp.closedOn')} value={closedOn} onChange={(e) => setClosedOn(e.currentTarget.value)} error={field('closedOn')} />
      </SimpleGrid>
      <div><Button type="submit" size="xs" loading={busy} disabled={!note.trim()}>{t('insp.close')}</Button></div>
    </Stack>
  );
}

function CompleteRevocation({ i, onDone }: { i: Inspection; onDone: (v: Inspection) => void }) {
  const { t } = useTranslation();
  const [decisionNumber, setDecisionNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState(vnToday());
  const { error, field, busy, submit } = useFormErrors();
  const confirm = useConfirm();
  const go = async () => {
    if (!(await confirm.ask({ title: t('insp.complete'), next: t('insp.completeConfirm', { number: i.certificate.number }), confirmLabel: t('insp.complete'), danger: true }))) return;
    await submit(async () => onDone(await api.post<Inspection>(`/api/v1/inspections/${i.id}/revocation`, { decisionNumber: decisionNumber.trim(), decidedOn })));
  };
  return (
    <Stack gap="xs" component="form" aria-label={t('insp.complete')} onSubmit={(e) => { e.preventDefault(); void go(); }}>
      {confirm.modal}
      <Text size="sm">{t('insp.completeIntro')}</Text>
      <FormAlert error={error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput label={t('insp.decisionNumber')} value={decisionNumber} onChange={(e) => setDecisionNumber(e.currentTarget.value)} error={field('decisionNumber')} required />
        <TextInput type="date" label={t('insp.decidedOn')} value={decidedOn} onChange={(e) => setDecidedOn(e.currentTarget.value)} error={field('decidedOn')} required />
      </SimpleGrid>
      <div><Button type="submit" color="red.9" loading={busy} disabled={!decisionNumber.trim()}>{t('insp.complete')}</Button></div>
    </Stack>
  );
}

function Result({ i, reload, setData }: { i: Inspection; reload: () => void; setData: (v: Inspection) => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="result-title">
        <Title order={2} size="h4" id="result-title">{t('insp.conclusion')}: {t(`insp.conclusions.${i.conclusion}`)}</Title>
        <Text size="sm" c="dark.4">{t('insp.inspectedOn')}: {formatDate(i.inspectedOn)} · {t('insp.concludedOn')}: {formatDate(i.concludedOn)}</Text>
        <Text size="sm" mt={4}>{t('insp.team')}: {i.team.join(', ')}</Text>
        <Stack gap={2} mt="xs" component="ul" p={0} style={{ listStyle: 'none' }}>
          {CHECKS.map((k) => i.checks?.[k] && (
            <Text key={k} size="sm" component="li" c={i.checks[k].result === 'issue' ? 'red.8' : undefined}>
              {t(`insp.check.${k}`)}: <b>{t(`insp.result.${i.checks[k].result}`)}</b>{i.checks[k].note ? ` — ${i.checks[k].note}` : ''}
            </Text>
          ))}
        </Stack>
        {(i.labName || i.labResult) && <Text size="sm" mt="xs">{t('insp.labName')}: {i.labName ?? '—'} · {i.labResult ? t(`insp.labResults.${i.labResult}`) : '—'}</Text>}
        <LabUpload i={i} onDone={setData} />
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}><b>{t('insp.findings')}:</b> {i.findings}</Text>
      </Card>
      {i.revocation && (
        <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="revocation-title" style={{ borderColor: i.revocation.status === 'pending' ? '#c62828' : undefined }}>
          <Title order={2} size="h4" id="revocation-title">{t('insp.revocation')} ({t('insp.ground')}: {groundLetter(i.revocation.ground)})</Title>
          {i.revocation.status === 'pending'
            ? <Text size="sm" fw={700} c={i.revocation.overdue ? 'red.8' : undefined} data-testid="revocation-deadline">{t('insp.revocationDeadline', { date: formatDate(i.revocation.deadlineOn) })}</Text>
            : <Text size="sm" fw={700} data-testid="revocation-done">{t('insp.revocationDone')}</Text>}
          {i.actions.includes('complete_revocation') && <CompleteRevocation i={i} onDone={setData} />}
        </Card>
      )}
      {!!i.correctiveActions.length && (
        <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="ca-title">
          <Title order={2} size="h4" id="ca-title" mb="xs">{t('insp.actionsOpen')}</Title>
          <Stack gap="xs">
            {i.correctiveActions.map((a) => (
              <Box key={a.id} p="xs" style={{ border: '1px solid #e3e8e5', borderRadius: 8 }}>
                <Text size="sm" fw={600}>{a.description}</Text>
                <Text size="xs" c={a.overdue ? 'red.8' : 'dark.4'}>{t('insp.deadline', { date: formatDate(a.dueOn) })}{a.overdue ? ` · ${t('insp.overdue')}` : ''}</Text>
                {a.status === 'closed' ? <Text size="xs" c="green.8">{t('insp.closed', { date: formatDate(a.closedOn), note: a.closingNote })}</Text>
                  : a.actions.includes('close') && <CloseAction a={a} onDone={reload} />}
              </Box>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

export default function InspectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const res = useFetch<Inspection>(`/api/v1/inspections/${id}`);
  usePageTitle(res.data ? `${t('insp.inspection')}: ${res.data.product.name}` : t('insp.inspection'));
  if (res.error) return <ErrorState error={res.error} onRetry={res.reload} />;
  const i = res.data;
  if (!i) return <Loading />;
  return (
    <Stack>
      <Anchor component={Link} to="/lam-viec/thanh-tra" size="sm">← {t('insp.back')}</Anchor>
      <div>
        <Group gap="xs" justify="space-between" align="flex-start">
          <Title order={1} size="h2">{i.product.name}</Title>
          <StateBadge i={i} />
        </Group>
        <Group gap="xs"><Stars count={i.certificate.stars} size={14} /><Text size="sm" c="dark.4">{t('insp.certificate', { number: i.certificate.number, stars: i.certificate.stars })}</Text></Group>
        <Text size="sm" c="dark.4">{i.entity.name}{i.communeName ? ` · ${i.communeName}` : ''}, {i.provinceName} · {t('insp.deadline', { date: formatDate(i.dueOn) })}</Text>
        {i.planId && <Anchor component={Link} to={planPath(i.planId)} size="sm">{t('insp.planLink', { title: i.planTitle })}</Anchor>}
        <Reasons reasons={i.reasons} />
      </div>
      {i.status === 'planned'
        ? (i.actions.includes('record') ? <RecordForm i={i} onDone={res.setData} /> : <Card withBorder radius="md"><Text c="dark.4">{t(`insp.state.${i.state}`)} · {i.planStatus === 'draft' ? t('insp.planStatus.draft') : ''}</Text><LabUpload i={i} onDone={res.setData} /></Card>)
        : <Result i={i} reload={res.reload} setData={res.setData} />}
    </Stack>
  );
}
