// What the competent authority's decision on a council's result will be (Điều 7.3.e, 7.4.e–g), as a pure function:
// the decide command carries it out, and the dossier output shows it to the officer before they sign.
//  - on the provincial council's result: a mean at or above the central threshold → approve and send to the Ministry;
//    a recognised star level → certify it; otherwise not recognised;
//  - on the central council's result: a recognised star level → certify it (5★ by the Ministry, 3★/4★ by the
//    province), otherwise not recognised.
//  - either way, a knock-out or a stop rule the council found (the sheet's deciding notes) means not recognised,
//    whatever the mean: a 95-point product knocked out is not sent to the Ministry.
import type { CouncilResult, DossierStatus } from './dossiers.tables.js';
import type { LegalRules } from './rules.data.js';
import { goesToCentralCouncil } from './scoring.rules.js';

export type PlannedDecision = {
  outcome: 'certified' | 'sent_to_central' | 'not_recognised';
  /** The stars certified (or, when sent to the Ministry, the provincial council's stars); null when not recognised. */
  stars: number | null;
  basis: 'province_council' | 'central_council';
  /** The council mean the decision rests on. */
  mean: number;
};

const eliminatedBy = (r: CouncilResult) => (r.knockedOutBy?.length ?? 0) > 0 || (r.stoppedAt ?? null) !== null;

type Decidable = { status: DossierStatus; provinceResult: CouncilResult | null; centralResult: CouncilResult | null };

/** The decision the result leads to; null while there is no council result to decide on. */
export function plannedDecision(d: Decidable, rules: Pick<LegalRules, 'centralCouncilThreshold' | 'recognisedFromStars'>): PlannedDecision | null {
  const recognised = (stars: number | null | undefined): stars is number => stars != null && stars >= rules.recognisedFromStars;
  if (d.status === 'scored' && d.provinceResult) {
    const r = d.provinceResult;
    if (eliminatedBy(r)) return { outcome: 'not_recognised', stars: null, basis: 'province_council', mean: r.mean };
    if (goesToCentralCouncil(r.mean, rules)) return { outcome: 'sent_to_central', stars: r.stars, basis: 'province_council', mean: r.mean };
    return recognised(r.stars)
      ? { outcome: 'certified', stars: r.stars, basis: 'province_council', mean: r.mean }
      : { outcome: 'not_recognised', stars: null, basis: 'province_council', mean: r.mean };
  }
  if (d.status === 'central_scored' && d.centralResult) {
    const r = d.centralResult;
    return recognised(r.stars) && !eliminatedBy(r)
      ? { outcome: 'certified', stars: r.stars, basis: 'central_council', mean: r.mean }
      : { outcome: 'not_recognised', stars: null, basis: 'central_council', mean: r.mean };
  }
  return null;
}
