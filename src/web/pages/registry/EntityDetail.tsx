// A producer in the workspace: status, approval (officers), profile form, documents and the audit history.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { HistoryPanel } from '../../components/History.js';
import { ErrorState, Loading } from '../../components/States.js';
import type { EntityAnyOut, EntityOut } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { DocumentsPanel } from './DocumentsPanel.js';
import { STATUS_COLOR } from './EntitiesList.js';
import { EntityForm } from './EntityForm.js';
import { EntityTrainingHistory } from '../programme/TrainingHistory.js';

function DecisionPanel({ entity, onDone }: { entity: EntityOut; onDone(e: EntityOut): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [deciding, setDeciding] = useState<'approve' | 'refuse' | null>(null);
  const errors = useFormErrors();
  const busy = errors.busy ? deciding : null;
  function decide(kind: 'approve' | 'refuse') {
    setDeciding(kind);
    void errors.submit(async () => {
      const body = kind === 'approve' ? { version: entity.version } : { version: entity.version, reason };
      const e = await api.post<EntityOut>(`/api/v1/entities/${entity.id}/${kind}`, body);
      notifications.show({ color: kind === 'approve' ? 'ocop' : 'orange', message: t(kind === 'approve' ? 'form.approved' : 'form.refusedDone') });
      onDone(e);
    });
  }
  return (
    <Card withBorder radius="lg" padding="md" id="refuse" bg="#fffaf0">
      <Stack gap="sm">
        <FormAlert error={errors.error} />
        {entity.actions.includes('refuse') && (
          <Textarea label={t('form.refuseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.field('reason')} autosize minRows={2} />
        )}
        <Group>
          {entity.actions.includes('approve') && <Button loading={busy === 'approve'} onClick={() => void decide('approve')}>{t('action.approve')}</Button>}
          {entity.actions.includes('refuse') && <Button color="red" variant="outline" loading={busy === 'refuse'} onClick={() => void decide('refuse')}>{t('action.refuse')}</Button>}
        </Group>
      </Stack>
    </Card>
  );
}

export default function EntityDetail({ id: given }: { id?: string }) {
  const params = useParams();
  const id = given ?? params.id ?? '';
  const { t } = useTranslation();
  const { data: e, error, loading, reload, setData } = useFetch<EntityAnyOut>(`/api/v1/entities/${id}`);
  const [historyKey, setHistoryKey] = useState(0);
  usePageTitle(e?.name);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !e) return <Loading />;
  const saved = (next: EntityOut) => { setData(next); setHistoryKey((k) => k + 1); };
  // Outside their scope an officer reads the public fields only (registry.fields.ts).
  const full = 'address' in e ? e : null;
  const canEdit = e.actions.includes('edit') && full !== null;
  const decides = (e.actions.includes('approve') || e.actions.includes('refuse')) && full !== null;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">{e.name}</Title>
          <Group gap="xs" mt={4}>
            <Badge color={STATUS_COLOR[e.status]} variant="light">{t(`entityStatus.${e.status}`)}</Badge>
            <Text size="sm" c="dark.4">{t(`entityType.${e.type}`)} · {e.communeName}, {e.provinceName}</Text>
          </Group>
        </div>
        <Group gap="xs">
          {e.actions.includes('createProduct') && <Button component={Link} to={`/lam-viec/san-pham/moi?entity=${e.id}`}>{t('action.createProduct')}</Button>}
          {e.status === 'approved' && <Button component="a" href={`/chu-the/${e.id}`} variant="default">{t('action.view')}</Button>}
        </Group>
      </Group>
      {e.status === 'pending' && !decides && <Alert color="orange" title={t('entityStatus.pending')}>{t('ws.pending')}</Alert>}
      {e.status === 'refused' && <Alert color="red" title={t('entityStatus.refused')}>{t('ws.refused', { reason: full?.statusReason ?? '—' })}</Alert>}
      {decides && full && <DecisionPanel entity={full} onDone={saved} />}
      <Tabs defaultValue="profile" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="profile">{t('ws.myEntity')}</Tabs.Tab>
          {canEdit && <Tabs.Tab value="documents">{t('files.documents')}</Tabs.Tab>}
          {canEdit && <Tabs.Tab value="history">{t('history.title')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md">
          <Card withBorder radius="lg" padding="lg">
            {canEdit && full ? <EntityForm key={full.version} entity={full} onSaved={saved} /> : (
              <Stack gap={4}>
                <Text>{[full?.address, e.communeName, e.provinceName].filter(Boolean).join(', ')}</Text>
                {full && <Text size="sm" c="dark.4">{full.registrationNumber}</Text>}
                <Anchor href={`/chu-the/${e.id}`}>{t('action.view')}</Anchor>
              </Stack>
            )}
          </Card>
          {canEdit && <Stack mt="md"><EntityTrainingHistory entityId={e.id} /></Stack>}
        </Tabs.Panel>
        {canEdit && <Tabs.Panel value="documents" pt="md"><DocumentsPanel entityId={e.id} /></Tabs.Panel>}
        {canEdit && <Tabs.Panel value="history" pt="md"><HistoryPanel key={historyKey} url={`/api/v1/entities/${e.id}/history`} /></Tabs.Panel>}
      </Tabs>
    </Stack>
  );
}
