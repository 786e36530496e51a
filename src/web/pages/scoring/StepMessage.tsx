// The outcome of the last step on the dossier page (saved, submitted, or the API's refusal), brought into view: the
// buttons sit at the bottom of a long sheet, the message at the top. A stale version offers a reload (FormAlert).
import { Alert } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { FormAlert } from '../../components/FormErrors.js';

export type StepMessageValue = { ok: boolean; text: string; error?: unknown };

export function StepMessage({ message }: { message: StepMessageValue | null }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [message]);
  if (!message) return null;
  return (
    <div ref={box} style={{ marginTop: 'var(--mantine-spacing-md)' }} className="step-message">
      {message.error ? <FormAlert error={message.error} /> : <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>{message.text}</Alert>}
    </div>
  );
}
