// Evidence (tài liệu minh chứng, Mẫu 02 part III) per criterion of the self-assessment and for the dossier as a whole:
// the files listed with a link to open each, and, while the API allows `upload`, a form to add one. The file's type
// and size are checked by the API (from the bytes), and its refusal is shown on the file field as it is worded there.
import { Anchor, Button, Card, FileInput, Group, List, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createContext, useContext, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { useUpload } from '../../components/useUpload.js';
import { formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import type { Dossier, DossierFile } from './types.js';

type Evidence = { dossierId: string; files: DossierFile[]; canUpload: boolean; onUploaded(file: DossierFile): void };
const EvidenceContext = createContext<Evidence | null>(null);

/** Gives the criteria of the sheet (rendered deep inside SheetForm) the dossier's files without re-rendering them all. */
export function EvidenceProvider({ d, onUploaded, children }: { d: Dossier; onUploaded(file: DossierFile): void; children: ReactNode }) {
  const value = { dossierId: d.id, files: d.files, canUpload: d.actions.includes('upload'), onUploaded };
  return <EvidenceContext.Provider value={value}>{children}</EvidenceContext.Provider>;
}

const ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp';
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB` : `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`);

function FileList({ files, label }: { files: DossierFile[]; label: string }) {
  return (
    <List size="sm" spacing={2} aria-label={label} listStyleType="none" ml={0} pl={0}>
      {files.map((f) => (
        <List.Item key={f.id} className="evidence-file">
          <Anchor href={f.url} target="_blank" rel="noopener" size="sm" style={{ overflowWrap: 'anywhere' }}>{f.originalName}</Anchor>
          <Text span size="xs" c="dark.4"> · {f.mimeType === 'application/pdf' ? 'PDF' : f.mimeType.replace('image/', '').toUpperCase()} · {size(f.sizeBytes)}</Text>
          {f.caption && <Text size="xs" c="dark.5">{f.caption}</Text>}
        </List.Item>
      ))}
    </List>
  );
}

function UploadForm({ criterionCode, onDone }: { criterionCode: string | null; onDone?(): void }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const ev = useContext(EvidenceContext)!;
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [error, setError] = useState<string | null>(null);
  const up = useUpload();
  const what = criterionCode ? t('evidence.forCriterion', { code: criterionCode }) : t('evidence.forDossier');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    // The API reads the text fields that come before the file part, so they go first.
    const form = new FormData();
    if (criterionCode) form.append('criterionCode', criterionCode);
    if (caption.trim()) form.append('caption', caption.trim());
    form.append('file', file);
    try {
      const saved = await up.send<DossierFile>(`/api/v1/dossiers/${ev.dossierId}/files`, form);
      ev.onUploaded(saved);
      notifications.show({ color: 'ocop', message: t('evidence.uploaded', { name: saved.originalName }) });
      setFile(null);
      setCaption('');
      onDone?.();
    } catch (err) {
      setError((err instanceof ApiError && pick(err.problem.message)) || t('app.error'));
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={what} className="evidence-upload">
      <Stack gap={6}>
        <FileInput autoFocus={Boolean(onDone)} label={t('evidence.file')} description={<Text span size="xs" c="dark.5">{t('evidence.accepted')}</Text>}
          value={file} onChange={(f) => { setFile(f); setError(null); }} accept={ACCEPT} clearable error={error} errorProps={{ role: 'alert' }} />
        <TextInput label={t('evidence.caption')} value={caption} onChange={(e) => setCaption(e.currentTarget.value)} maxLength={300} />
        {up.busy && <Progress value={up.percent ?? 0} animated aria-label={t('files.progress', { percent: up.percent ?? 0 })} />}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={up.busy} disabled={!file}>{t('evidence.upload')}</Button>
          {onDone && <Button size="xs" variant="subtle" onClick={onDone}>{t('evidence.cancel')}</Button>}
        </Group>
      </Stack>
    </form>
  );
}

/** Under one criterion of the sheet: its files, and "add evidence" for the entity while it may upload. */
export function CriterionEvidence({ code }: { code: string }) {
  const { t } = useTranslation();
  const ev = useContext(EvidenceContext);
  const [open, setOpen] = useState(false);
  if (!ev) return null;
  const files = ev.files.filter((f) => f.criterionCode === code);
  if (!files.length && !ev.canUpload) return null;
  return (
    <Stack gap={4} mt={6} className="criterion-evidence" data-criterion={code}>
      {files.length > 0 && (
        <>
          <Text size="xs" fw={700} c="dark.5">{t('evidence.count', { n: files.length })}</Text>
          <FileList files={files} label={t('evidence.listFor', { code })} />
        </>
      )}
      {ev.canUpload && (open
        ? <UploadForm criterionCode={code} onDone={() => setOpen(false)} />
        : (
          <div>
            <Button size="compact-sm" variant="subtle" aria-expanded={false} onClick={() => setOpen(true)}
              aria-label={t('evidence.addFor', { code })}>
              {t('evidence.add')}
            </Button>
          </div>
        ))}
    </Stack>
  );
}

/** Files for the dossier as a whole (business registration, financial reports…), not tied to one criterion. */
export function DossierFilesSection() {
  const { t } = useTranslation();
  const ev = useContext(EvidenceContext);
  if (!ev) return null;
  const files = ev.files.filter((f) => !f.criterionCode);
  const all = ev.files.length;
  return (
    <Card withBorder radius="lg" padding="md" mt="md" component="section" aria-labelledby="dossier-files-title">
      <Title order={2} size="h4" id="dossier-files-title">{t('evidence.dossierTitle')}</Title>
      <Text size="sm" c="dark.4" mb="xs">{t('evidence.dossierHint', { n: all - files.length })}</Text>
      {files.length ? <FileList files={files} label={t('evidence.dossierTitle')} /> : <Text size="sm" c="dark.4">{t('evidence.none')}</Text>}
      {ev.canUpload && <Stack mt="sm" maw={520}><UploadForm criterionCode={null} /></Stack>}
    </Card>
  );
}
