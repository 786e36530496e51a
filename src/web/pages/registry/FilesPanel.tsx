// A product's photos and documents: what is there, and an upload with a progress bar.
import { Anchor, Button, Card, FileInput, Image, Progress, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { useUpload } from '../../components/useUpload.js';
import type { ProductOut } from '../../types.js';

export function FilesPanel({ product, onUploaded }: { product: ProductOut; onUploaded(): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'image' | 'document'>('image');
  const [caption, setCaption] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const errors = useFormErrors();
  const up = useUpload();
  const files = product.files ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    const form = new FormData();
    form.append('kind', kind);
    if (caption) form.append('caption', caption);
    if (file) form.append('file', file);
    void errors.submit(async () => {
      await up.send(`/api/v1/products/${product.id}/files`, form);
      notifications.show({ color: 'ocop', message: t('files.uploaded', { name: file?.name ?? '' }) });
      setFile(null);
      setCaption('');
      onUploaded();
    });
  }

  return (
    <Stack>
      <Card withBorder radius="lg" padding="lg">
        <Title order={2} size="h4" mb="sm">{t('files.title')}</Title>
        {files.length === 0 ? <Text c="dimmed">{t('files.none')}</Text> : (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {files.map((f) => f.kind === 'image'
              ? <Image key={f.id} src={f.url} alt={f.caption ?? t('product.photo', { name: product.name })} radius="md" h={120} fit="cover" />
              : <Card key={f.id} withBorder padding="sm"><Anchor href={f.url} target="_blank" rel="noopener" size="sm">{f.originalName}</Anchor><Text size="xs" c="dark.3">{f.caption}</Text></Card>)}
          </SimpleGrid>
        )}
      </Card>
      {product.actions.includes('upload') && (
        <Card withBorder radius="lg" padding="lg">
          <form onSubmit={submit} noValidate>
            <Stack>
              <FormAlert error={errors.error} />
              <div>
                <Text component="span" size="sm" fw={500} id="file-kind-label">{t('files.kind')}</Text>
                <SegmentedControl fullWidth aria-labelledby="file-kind-label" value={kind} onChange={(v) => setKind(v as 'image' | 'document')}
                  data={[{ value: 'image', label: t('files.image') }, { value: 'document', label: t('files.document') }]} />
              </div>
              <TextInput label={t('files.caption')} value={caption} onChange={(e) => setCaption(e.currentTarget.value)} error={errors.field('caption')} />
              <FileInput label={t('files.file')} value={file} onChange={setFile} clearable error={errors.field('file')}
                accept={kind === 'image' ? 'image/jpeg,image/png,image/webp' : 'application/pdf,image/jpeg,image/png'} />
              {up.busy && (
                <Stack gap={4}>
                  <Progress value={up.percent ?? 0} animated aria-label={t('files.progress', { percent: up.percent ?? 0 })} />
                  <Text size="xs" c="dark.4">{t('files.progress', { percent: up.percent ?? 0 })}</Text>
                </Stack>
              )}
              <div><Button type="submit" loading={up.busy} disabled={!file}>{t('action.upload')}</Button></div>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
