// Pure rules of the good-models library: the score before and after (from the product's certificates when it has
// them, else as the office recorded it), and the words of a search. No I/O.
import { fold } from '../registry/index.js';

export type Score = { score: number | null; stars: number | null; on: string | null; source: 'certificate' | 'recorded' };
export type CertificateSpan = { first: { score: number | null; stars: number; issuedOn: string }; last: { score: number | null; stars: number; issuedOn: string }; count: number };
export type Recorded = { scoreBefore: number | null; starsBefore: number | null; scoreAfter: number | null; starsAfter: number | null };

/** After: the product's latest certificate, else what was recorded. Before: its first certificate when it has had
 * more than one (the rating the model improved on), else what was recorded (a rating before the system, or none). */
export function beforeAfter(recorded: Recorded, certs: CertificateSpan | undefined): { before: Score | null; after: Score | null } {
  const typed = (score: number | null, stars: number | null): Score | null => (score === null && stars === null ? null : { score, stars, on: null, source: 'recorded' });
  const fromCert = (c: CertificateSpan['first']): Score => ({ score: c.score, stars: c.stars, on: c.issuedOn, source: 'certificate' });
  return {
    before: certs && certs.count > 1 ? fromCert(certs.first) : typed(recorded.scoreBefore, recorded.starsBefore),
    after: certs ? fromCert(certs.last) : typed(recorded.scoreAfter, recorded.starsAfter),
  };
}

/** The words of a search, folded (no diacritics, đ → d), at most 8, each at least one letter or digit. */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return fold(q).split(/[^a-z0-9]+/).filter(Boolean).slice(0, 8);
}
