// The officers' side of a dossier as the API returns it (dossiers.contract.ts, dossiers.tables.ts): the commune's
// Mẫu 03 report, the advisory reviews, the councils' results, the decision and the rejection; and what the
// certificate API says about revocation.
import type { Message } from '../../api.js';
import type { Dossier, PartCode } from './types.js';

export type Assessment = 'meets' | 'partly' | 'not_meets';
export const ASSESSMENTS: Assessment[] = ['meets', 'partly', 'not_meets'];
export const REVIEW_ITEMS = ['a', 'b', 'c', 'd'] as const;
export type ReviewItem = (typeof REVIEW_ITEMS)[number];

export type CommuneReview = {
  items: Record<ReviewItem, { assessment: Assessment; note: string }>;
  conclusion: string | null; signer: string | null; reviewedAt: string; reviewedBy: string;
};
export type AdvisoryReview = {
  fieldVisit: { on: string | null; findings: string | null } | null;
  extraTests: { requested: string; result: string | null }[];
  answers: Record<string, string>;
  preScore: { total: number; parts: Record<PartCode, number>; stars: number } | null;
  report: string | null; updatedAt: string; updatedBy: string;
};
export type CouncilResult = { sessionId: string; mean: number; parts: Record<PartCode, number>; stars: number; band: number; members: number; closedAt: string };
export type Decision = {
  level: 'province' | 'central'; outcome: 'certified' | 'sent_to_central' | 'not_recognised'; stars: number | null;
  decisionNumber: string | null; decisionDate: string | null; basis: 'province_council' | 'central_council'; decidedAt: string;
};
export type PlannedDecision = { outcome: Decision['outcome']; stars: number | null; basis: Decision['basis']; mean: number };
export type Rejection = { condition: string; note: string | null; stage: 'commune' | 'province' | 'central'; at: string };

export type OfficeDossier = Dossier & {
  provinceCode: string;
  rejectionConditions: string[];
  communeReview: CommuneReview | null;
  advisoryReview: AdvisoryReview | null;
  centralAdvisory: AdvisoryReview | null;
  provinceResult: CouncilResult | null;
  centralResult: CouncilResult | null;
  decision: Decision | null;
  rejection: Rejection | null;
  plannedDecision: PlannedDecision | null;
};

/** The dossier page's `Dossier` carries these fields too: the API sends them to everyone who may read the dossier. */
export const asOffice = (d: Dossier) => d as OfficeDossier;

export type RevocationGrounds = { instrument: string; deadlineDays: number; grounds: { code: string; text: Message }[] };
