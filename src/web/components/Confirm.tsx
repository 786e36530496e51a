// Asking before an irreversible step (submit, forward, accept, return, decide, revoke, close a session): a dialog that
// names the step, says what happens next and who acts then, with Cancel focused first so a stray tap changes nothing.
// One hook for every such step: `const confirm = useConfirm();` … `if (!(await confirm.ask({...}))) return;` and
// `{confirm.modal}` rendered once by the component that asks.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ConfirmRequest = {
  /** The question, e.g. "Nộp hồ sơ cho UBND xã?". */
  title: string;
  /** What happens next, in a sentence or two: who acts now, by when, and what can no longer be changed. */
  next: ReactNode;
  /** The confirming button's label: the step's own verb ("Nộp hồ sơ"), never a bare "OK". */
  confirmLabel: string;
  /** Red confirming button for steps that take something away (return, reject, revoke). */
  danger?: boolean;
};

export function useConfirm(): { ask(request: ConfirmRequest): Promise<boolean>; modal: ReactNode } {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The last request stays shown while the dialog fades out.
  const [shown, setShown] = useState<ConfirmRequest | null>(null);
  const pending = useRef<((ok: boolean) => void) | null>(null);

  const ask = useCallback((request: ConfirmRequest) => new Promise<boolean>((resolve) => {
    pending.current?.(false); // a dialog replaced by another one counts as cancelled
    pending.current = resolve;
    setShown(request);
    setOpen(true);
  }), []);

  const answer = (ok: boolean) => {
    const resolve = pending.current;
    pending.current = null;
    setOpen(false);
    resolve?.(ok);
  };

  const modal = (
    <Modal opened={open} onClose={() => answer(false)} title={shown?.title} centered radius="lg" data-testid="confirm-dialog"
      closeButtonProps={{ 'aria-label': t('confirm.close') }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}>
      <Stack gap="md">
        <div>
          <Text size="sm" fw={600} c="dark.5">{t('confirm.whatNext')}</Text>
          <Text size="sm" data-testid="confirm-next">{shown?.next}</Text>
        </div>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => answer(false)} data-autofocus>{t('confirm.cancel')}</Button>
          <Button color={shown?.danger ? 'red.9' : undefined} onClick={() => answer(true)} data-testid="confirm-ok">{shown?.confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { ask, modal };
}
