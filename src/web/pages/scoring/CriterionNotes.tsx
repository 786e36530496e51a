// Notes on one criterion between the council, the office and the entity (GET/POST /dossiers/:id/notes), under that
// criterion of the sheet. Anyone who can read the dossier reads them; who may write is the API's `note` action.
import { Badge, Box, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { createContext, useContext, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import type { CriterionNote, Dossier } from './types.js';

type Notes = { dossierId: string; notes: CriterionNote[]; canNote: boolean; add(note: CriterionNote): void };
const NotesContext = createContext<Notes | null>(null);

export function NotesProvider({ d, children }: { d: Dossier; children: ReactNode }) {
  const { user } = useSession();
  // A draft has no notes: only the entity sees it, and notes start once it is submitted.
  const { data, setData } = useFetch<{ items: CriterionNote[] }>(d.status === 'draft' ? null : `/api/v1/dossiers/${d.id}/notes`);
  const add = (n: CriterionNote) => setData((prev) => ({ items: [...(prev?.items ?? []), { ...n, authorName: n.authorName ?? user?.fullName ?? null }] }));
  const value = { dossierId: d.id, notes: data?.items ?? [], canNote: d.actions.includes('note'), add };
  return <NotesContext.Provider value={value}>{children}</NotesContext.Provider>;
}

const SIDE_COLOR: Record<string, string> = { entity: 'teal', council: 'grape', office: 'blue' };

export function CriterionNotes({ code }: { code: string }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const ctx = useContext(NotesContext);
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!ctx) return null;
  const notes = ctx.notes.filter((n) => n.criterionCode === code);
  if (!notes.length && !ctx.canNote) return null;

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!ctx || !body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      ctx.add(await api.post<CriterionNote>(`/api/v1/dossiers/${ctx.dossierId}/notes`, { criterionCode: code, body: body.trim() }));
      setBody('');
    } catch (err) {
      setError((err instanceof ApiError && pick(err.problem.message)) || t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box mt={4} className="criterion-notes" data-criterion={code}>
      <Button size="compact-sm" variant="subtle" aria-expanded={open} onClick={() => setOpen((o) => !o)} aria-label={t('criterionNotes.toggle', { n: notes.length, code })}>
        {t('criterionNotes.count', { n: notes.length })}
      </Button>
      {open && (
        <Stack gap={6} mt={4} pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
          {notes.map((n) => (
            <Box key={n.id} className="criterion-note">
              <Group gap={6}>
                <Badge size="xs" variant="light" color={SIDE_COLOR[n.side] ?? 'gray'} c="dark.7" style={{ textTransform: 'none' }}>{t(`criterionNotes.side.${n.side}`, { defaultValue: n.side })}</Badge>
                <Text size="xs" fw={600}>{n.authorName ?? ''}</Text>
                <Text size="xs" c="dark.4">{formatDateTime(n.createdAt)}</Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{n.body}</Text>
            </Box>
          ))}
          {ctx.canNote && (
            <form onSubmit={(e) => void send(e)} noValidate>
              <Stack gap={4}>
                <Textarea label={t('criterionNotes.body', { code })} autosize minRows={2} maxLength={5000} value={body}
                  onChange={(e) => setBody(e.currentTarget.value)} error={error} errorProps={{ role: 'alert' }} />
                <div><Button type="submit" size="xs" loading={busy} disabled={!body.trim()}>{t('criterionNotes.send')}</Button></div>
              </Stack>
            </form>
          )}
        </Stack>
      )}
    </Box>
  );
}
