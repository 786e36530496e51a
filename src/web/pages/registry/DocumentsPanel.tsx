// The producer's papers (business registration, food safety…): list and upload with progress.
import { Anchor, Button, Card, FileInput, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { ErrorState, Loading } from '../../components/States.js';
import { useUpload } from '../../components/useUpload.js';
import { formatDate } from '../../format.js';
import { DOC_TYPES, type EntityDocument } from '../../types.js';
import { useFetch } from '../../useFetch.js';

export function DocumentsPanel({ entityId }: { entityId: string }) {
  const { t } = useTranslation();
  const list = useFetch<{ items: EntityDocument[] }>(`/api/v1/entities/${entityId}/documents`);
  const [docType, setDocType] = useState<string>('business_registration');
  const [number, setNumber] = useState('');
  const [issuer, setIssuer] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const errors = useFormErrors();
  const up = useUpload();

  function submit(e: FormEvent) {
    e.preventDefault();
    const form = new FormData();
    for (const [k, v] of Object.entries({ docType, number, issuer, issuedOn, expiresOn })) if (v) form.append(k, v);
    if (file) form.append('file', file);
    void errors.submit(async () => {
      await up.send(`/api/v1/entities/${entityId}/documents`, form);
      notifications.show({ color: 'ocop', message: t('files.uploaded', { name: file?.name ?? '' }) });
      setFile(null); setNumber(''); setIssuer(''); setIssuedOn(''); setExpiresOn('');
      list.reload();
    });
  }

  return (
    <Stack>
      <Card withBorder radius="lg" padding="lg">
        <Title order={2} size="h4" mb="sm">{t('files.documents')}</Title>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : !list.data ? <Loading /> : list.data.items.length === 0 ? <Text c="dimmed">{t('files.none')}</Text> : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead><Table.Tr><Table.Th>{t('files.docType')}</Table.Th><Table.Th>{t('files.number')}</Table.Th><Table.Th>{t('files.issuedOn')}</Table.Th><Table.Th>{t('files.expiresOn')}</Table.Th><Table.Th>{t('files.file')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {list.data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{t(`docType.${d.docType}`)}</Table.Td><Table.Td>{d.number ?? '—'}</Table.Td>
                    <Table.Td>{formatDate(d.issuedOn)}</Table.Td><Table.Td>{formatDate(d.expiresOn)}</Table.Td>
                    <Table.Td><Anchor href={d.file.url} target="_blank" rel="noopener">{d.file.originalName}</Anchor></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Card withBorder radius="lg" padding="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert error={errors.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('files.docType')} value={docType} onChange={(v) => setDocType(v ?? docType)} allowDeselect={false} error={errors.field('docType')}
                data={DOC_TYPES.map((d) => ({ value: d, label: t(`docType.${d}`) }))} />
              <TextInput label={t('files.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={errors.field('number')} />
              <TextInput label={t('files.issuer')} value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} error={errors.field('issuer')} />
              <TextInput label={t('files.issuedOn')} type="date" value={issuedOn} onChange={(e) => setIssuedOn(e.currentTarget.value)} error={errors.field('issuedOn')} />
              <TextInput label={t('files.expiresOn')} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.currentTarget.value)} error={errors.field('expiresOn')} />
              <FileInput label={t('files.file')} value={file} onChange={setFile} accept="application/pdf,image/jpeg,image/png,image/webp" required error={errors.field('file')} clearable />
            </SimpleGrid>
            {up.busy && <Progress value={up.percent ?? 0} animated aria-label={t('files.progress', { percent: up.percent ?? 0 })} />}
            <div><Button type="submit" loading={up.busy} disabled={!file}>{t('action.upload')}</Button></div>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
