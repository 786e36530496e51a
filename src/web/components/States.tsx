// Loading, error and empty states shared by every page.
import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { useLocalized } from '../i18n/index.js';

export function Loading() {
  const { t } = useTranslation();
  return <Center py="xl"><Loader role="status" aria-label={t('app.loading')} /></Center>;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const msg = error instanceof ApiError ? pick(error.problem.message) : undefined;
  return (
    <Alert color="red" title={t('app.error')} role="alert">
      <Stack gap="xs" align="flex-start">
        {msg && <Text size="sm">{msg}</Text>}
        {onRetry && <Button variant="light" color="red" size="xs" onClick={onRetry}>{t('app.retry')}</Button>}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py={48} px="md" ta="center" style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 12 }}>
      <svg width="56" height="56" viewBox="0 0 24 24" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="#8aa39a" strokeWidth="1.6" /><path d="M15.5 15.5L21 21" stroke="#8aa39a" strokeWidth="1.6" strokeLinecap="round" /></svg>
      <Title order={2} size="h4">{title}</Title>
      {hint && <Text c="dimmed" size="sm">{hint}</Text>}
      {action}
    </Stack>
  );
}
