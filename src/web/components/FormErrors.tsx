// Turns an API problem into messages beside each field, in the user's language, and one banner for the form.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { useLocalized } from '../i18n/index.js';

export function useFormErrors() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { pick } = useLocalized();
  const field = (path: string) => (error instanceof ApiError ? pick(error.fieldMessage(path)) : undefined);
  /**
   * One submission: forgets the last refusal, marks the form busy while `send` runs, and keeps what the server refused
   * for `field` and the banner. Resolves to whether it went through, for the few forms that do more after a refusal.
   */
  async function submit(send: () => Promise<unknown>): Promise<boolean> {
    setError(null);
    setBusy(true);
    try {
      await send();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, field, busy, submit };
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
