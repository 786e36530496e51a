// "Schedule": the office puts the dossier on the agenda of a planned or open session of the competent council — its
// province's council, or the central council for a dossier at the central stage (POST /sessions/:id/items).
import { Anchor, Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { FormAlert } from '../../components/FormErrors.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate } from '../../format.js';
import { asOffice } from './officeTypes.js';
import type { Dossier } from './types.js';
import { useDossierStep, type StepDone } from './useDossierStep.js';

type CouncilHead = { id: string; name: string; level: 'province' | 'central'; provinceCode: string | null };
type SessionHead = { id: string; title: string; scheduledOn: string; status: 'planned' | 'open' | 'closed'; actions: string[] };
type Choice = { council: CouncilHead; session: SessionHead };

/** The sessions of the competent council(s) that are not closed and take new items from the caller. */
function useAgendaChoices(d: Dossier) {
  const central = d.status === 'central_advisory';
  const province = asOffice(d).provinceCode;
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    (async () => {
      const { items } = await api.get<{ items: CouncilHead[] }>('/api/v1/councils');
      const competent = items.filter((c) => (central ? c.level === 'central' : c.level === 'province' && c.provinceCode === province));
      const lists = await Promise.all(competent.map(async (council) => {
        const { items: sessions } = await api.get<{ items: SessionHead[] }>(`/api/v1/councils/${council.id}/sessions`);
        return sessions.filter((s) => s.status !== 'closed' && s.actions.includes('addItem')).map((session) => ({ council, session }));
      }));
      if (live) setChoices(lists.flat().sort((a, b) => a.session.scheduledOn.localeCompare(b.session.scheduledOn)));
    })().catch((e: unknown) => { if (live) setError(e); });
    return () => { live = false; };
  }, [central, province, tick]);
  return { choices, error, reload: () => setTick((n) => n + 1) };
}

export function ScheduleForm({ d, onDone }: { d: Dossier; onDone: StepDone }) {
  const { t } = useTranslation();
  const { choices, error, reload } = useAgendaChoices(d);
  const [sessionId, setSessionId] = useState('');
  const step = useDossierStep(d, onDone);

  function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = choices?.find((c) => c.session.id === sessionId);
    if (!chosen) return;
    void step.run('schedule', async (version) => {
      await api.post(`/api/v1/sessions/${sessionId}/items`, { dossierId: d.id, version });
      return api.get<Dossier>(`/api/v1/dossiers/${d.id}`);
    }, t('office.schedule.done', { title: chosen.session.title }));
  }

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!choices) return <Loading />;
  if (choices.length === 0) {
    return (
      <Stack gap={4}>
        <Text size="sm">{t('office.schedule.none')}</Text>
        <Anchor component={Link} to="/hoi-dong" size="sm">{t('office.schedule.councils')}</Anchor>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('office.schedule.title')}>
      <Stack gap="sm">
        <FormAlert error={step.error} />
        <NativeSelect label={t('office.schedule.session')} value={sessionId} onChange={(e) => setSessionId(e.currentTarget.value)} error={step.field('dossierId')}
          data={[{ value: '', label: t('office.schedule.pick') }, ...choices.map((c) => ({
            value: c.session.id,
            label: t('office.schedule.option', { council: c.council.name, title: c.session.title, date: formatDate(c.session.scheduledOn), status: t(`session.status.${c.session.status}`) }),
          }))]} />
        <div><Button type="submit" loading={step.busy === 'schedule'} disabled={!sessionId}>{t('office.schedule.button')}</Button></div>
      </Stack>
    </form>
  );
}
