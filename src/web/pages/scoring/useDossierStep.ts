// One officer's step on a dossier: sends the body with the dossier's `version` (a stale one is refused with 409 and
// FormAlert offers a reload), keeps the API's refusal for the banner and for each field, and hands the new
// dossier back to the page.
import { useState } from 'react';
import { api } from '../../api.js';
import { useFormErrors } from '../../components/FormErrors.js';
import type { Dossier } from './types.js';

/** Called with the dossier after the step and the sentence to announce. */
export type StepDone = (d: Dossier, message: string) => void;

export function useDossierStep(d: Dossier, onDone: StepDone) {
  const { error, field, submit } = useFormErrors();
  // Which step is running, so only its button spins (a panel holds several).
  const [busy, setBusy] = useState<string | null>(null);

  /** Runs `work` (given the version to send) as the step `key`; resolves to whether it went through. */
  async function run(key: string, work: (version: number) => Promise<Dossier>, message: string): Promise<boolean> {
    setBusy(key);
    try {
      return await submit(async () => onDone(await work(d.version), message));
    } finally {
      setBusy(null);
    }
  }
  /** POST or PUT /dossiers/:id/<path> with `body` and the version. */
  const send = (key: string, method: 'post' | 'put', path: string, body: object, message: string) =>
    run(key, (version) => api[method]<Dossier>(`/api/v1/dossiers/${d.id}/${path}`, { ...body, version }), message);

  return { busy, error, run, send, field };
}
