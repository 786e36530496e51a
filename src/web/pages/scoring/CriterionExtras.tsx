// What the dossier page shows under each criterion of the sheet: the evidence files and the notes on it.
import type { ReactNode } from 'react';
import { CriterionEvidence, EvidenceProvider } from './DossierEvidence.js';
import { CriterionNotes, NotesProvider } from './CriterionNotes.js';
import type { Dossier, DossierFile } from './types.js';

export function DossierCriterionProvider({ d, onUploaded, children }: { d: Dossier; onUploaded(file: DossierFile): void; children: ReactNode }) {
  return <EvidenceProvider d={d} onUploaded={onUploaded}><NotesProvider d={d}>{children}</NotesProvider></EvidenceProvider>;
}

export function CriterionExtras({ code }: { code: string }) {
  return <><CriterionEvidence code={code} /><CriterionNotes code={code} /></>;
}
