// Turns an API problem into messages beside each field, in the user's language, and one banner for the form.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { useLocalized } from '../i18n/index.js';

export function useFormErrors() {
  const [error, setError] = useState<unknown>(null);
  const { pick } = useLocalized();
  const field = (path: string) => (error instanceof ApiError ? pick(error.fieldMessage(path)) : undefined);
  return { error, setError, field, clear: () => setError(null) };
}

/** The banner above a form: stale version → reload; field errors → "see each field"; anything else → the server's words. */
export function FormAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  if (!error) return null;
  if (error instanceof ApiError && error.code === 'stale_version') {
    return (
      <Alert color="orange" role="alert">
        <Group justify="space-between" gap="xs">
          <Text size="sm">{t('form.stale')}</Text>
          <Button size="xs" variant="white" color="orange" onClick={() => window.location.reload()}>{t('action.reload')}</Button>
        </Group>
      </Alert>
    );
  }
  const hasFields = error instanceof ApiError && (error.problem.errors?.length || error.problem.field);
  const msg = error instanceof ApiError ? pick(error.problem.message) : String(error);
  return (
    <Alert color="red" role="alert">
      <Text size="sm">{msg}</Text>
      {hasFields ? <Text size="sm" mt={4}>{t('form.invalid')}</Text> : null}
    </Alert>
  );
}
