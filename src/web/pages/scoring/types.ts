// Shapes of the scoring API as the web app reads them (mirrors src/modules/scoring/*.contract.ts).
export type CertificateStatus = 'valid' | 'expired' | 'replaced' | 'revoked';
export type CertificateKind = 'first' | 'upgrade' | 're_rating' | 'legacy';
type Ref = { id: string; name: string };

export type Verification = {
  valid: boolean; status: CertificateStatus; number: string; stars: number;
  product: Ref & { code: string }; entity: Ref; province: { code: string; name: string };
  issuedOn: string; expiresOn: string; authority: string; decisionNumber: string; decidedOn: string; instrument: string;
  kind: CertificateKind; replacedBy: string | null; replaces: string | null;
  revocation?: { ground: string; groundText: { vi: string; en: string }; groundFoundOn: string | null; decisionNumber: string; decidedOn: string; authority: string; note: string | null; deadlineOn: string | null; daysLate: number | null };
};

export type RegisterItem = {
  number: string; product: Ref & { code: string }; entity: Ref; province: { code: string; name: string };
  stars: number; issuedOn: string; expiresOn: string; status: CertificateStatus;
};
export type RegisterPage = { total: number; page: number; pageSize: number; items: RegisterItem[] };

export type SheetSummary = { number: number; productSet: string; sector: string; group: string; instrument: string; instrumentDate: string };
export type SheetOption = { id: string; label: string; points: number; minStar: 3 | 4 | 5 | null };
export type SheetCriterion = {
  code: string; name: string; max: number; description?: string; requirement?: string; note?: string;
  appliesOnlyWhen?: string; knockOut?: string; notEvaluatedWhen?: string; zeroIfNoOptionApplies: boolean; options: SheetOption[];
  /** The notes that decide, as rules (knockOut / stopIfFound are ticked by the scorer; appliesWhen asks a question). */
  rules?: SheetRule[];
};
export type SheetRule =
  | { kind: 'knockOut' | 'stopIfFound'; text: string; source: string }
  | { kind: 'appliesWhen'; condition: 'hasProductStory'; falseWhenChosen?: string[]; whenNot: 'scoredZero'; text: string; source: string };
/** What the scorer found: knock-out ticks by criterion code and the facts applicability depends on. */
export type Findings = { knockOuts: string[]; conditions: { hasProductStory?: boolean } };
export type PartCode = 'A' | 'B' | 'C';
export type Sheet = {
  instrument: string; number: number; productSet: string; sector: string; group: string;
  rejectionConditions: string[]; rejectionText: string | null; notes: string[];
  parts: { code: PartCode; name: string; max: number; groups: { code: string; name: string; max: number; note?: string; criteria: SheetCriterion[] }[] }[];
};

export type UnmetMinimum = { criterion: string; requiredStar: number; requiredOption: string; chosenOption: string | null };
export type Evaluation = {
  total: number; parts: Record<PartCode, number>; band: number; stars: number | null; recognised: boolean;
  unmetMinimums: UnmetMinimum[];
  knockedOutBy: string[]; stoppedAt: string | null; notApplicable: { criterion: string; condition: string }[];
  nextStar: {
    currentStars: number | null; targetStars: number | null; pointsNeeded: number; minimumsToMeet: UnmetMinimum[];
    improvements: { criterion: string; part: PartCode; chosenOption: string | null; chosenPoints: number; missesMinimum: boolean;
      options: { id: string; points: number; gain: number; meetsTargetMinimum: boolean }[] }[];
  };
};

export type DossierStatus = 'draft' | 'submitted' | 'commune_reviewed' | 'forwarded' | 'returned' | 'advisory_review' | 'council_scoring' | 'scored'
  | 'sent_to_central' | 'central_advisory' | 'central_scoring' | 'central_scored' | 'certified' | 'not_recognised' | 'rejected';
export const DOSSIER_STATUSES: DossierStatus[] = ['draft', 'submitted', 'commune_reviewed', 'forwarded', 'returned', 'advisory_review', 'council_scoring', 'scored',
  'sent_to_central', 'central_advisory', 'central_scoring', 'central_scored', 'certified', 'not_recognised', 'rejected'];
export type DossierItem = {
  id: string; number: string; type: 'first' | 'upgrade' | 'rerating'; status: DossierStatus; stage: string;
  product: Ref & { code: string }; entity: Ref; sheet: number; provinceName: string; communeName: string;
  submittedOn: string | null; due: string | null; overdue: boolean; workingDaysLeft: number | null;
  filedUnder: string; transitionDueOn: string | null;
  stars: number | null; certificateNumber: string | null; updatedAt: string; version: number; actions: string[];
};
export type DossierPage = { total: number; totalExact?: boolean; page: number; pageSize: number; nextCursor?: string | null; items: DossierItem[] };
export type Dossier = DossierItem & {
  answers: Record<string, string>;
  knockOuts: string[]; conditions: { hasProductStory?: boolean };
  selfEvaluation: Omit<Evaluation, 'nextStar' | 'recognised'>;
  deadlines: { communeDueOn: string | null; provinceFinishBefore: string | null; centralFinishBefore: string | null };
  returns: { id: string; stage: string; reasons: string[]; knockOuts: string[]; returnedAt: string; resubmittedAt: string | null }[];
  /** The criteria of the dossier's sheet with a knock-out note ("Bị loại nếu …") the office may cite on a return or rejection. */
  knockOutNotes: { criterion: string; text: string }[];
  submissions: { seq: number; submittedAt: string }[];
  registration: DossierRegistration;
  selfReport: DossierSelfReport;
  answerNotes: Record<string, string>;
  files: DossierFile[];
  /** Re-rating only: the filing window of the certificate re-rated, as the API computes it. */
  reRating?: ReRatingWindow | null;
};
export type ReRatingWindow = {
  certificateNumber: string; expiresOn: string; opensOn: string; closesOn: string;
  stage: 'not_yet' | 'open' | 'closed' | 'expired'; late: boolean; graceEndsOn: string | null;
};

/** Mẫu 01 (registration) and Mẫu 02 (self-report) as the dossier API returns them; see dossiers.contract.ts. */
export type DossierRegistration = {
  unitName?: string; representativeName?: string; representativeTitle?: string; address?: string; phone?: string | null; email?: string | null;
  productName?: string; sampleCount?: number | null; year?: number;
};
export const SELF_REPORT_CHECKS = ['businessRegistration', 'qualityDeclared', 'foodSafetyCertificate', 'productionConditionCertificate', 'ipRegistered',
  'trademark', 'geographicalIndication', 'patent', 'industrialDesign', 'copyright', 'ipOther'] as const;
export type SelfReportCheck = (typeof SELF_REPORT_CHECKS)[number];
export type DossierSelfReport = {
  orgType?: string | null; foundedOn?: string | null; registrationNumber?: string | null;
  representative?: { fullName: string; sex: 'male' | 'female'; ethnicity: string; permanentAddress?: string | null };
  productSpec?: string | null; checks?: Partial<Record<SelfReportCheck, boolean>>; ipOther?: string | null;
  history?: string | null; organisation?: string | null; businessResults?: string | null; changesSinceRecognition?: string | null; plan?: string | null;
};
export type DossierFile = { id: string; criterionCode: string | null; url: string; mimeType: string; sizeBytes: number; originalName: string; caption: string | null; createdAt: string };
export type CriterionNote = { id: string; criterionCode: string; authorId: string; authorName: string | null; side: string; body: string; createdAt: string };

export type MemberScore = {
  id: string; userId: string; fullName: string | null; answers: Record<string, string>; total: number; parts: Record<PartCode, number>;
  stars: number | null; status: 'draft' | 'submitted'; round: number; comment: string | null; submittedAt: string | null; version: number;
  knockOuts: string[]; conditions: { hasProductStory?: boolean };
};
export type SessionResult = { mean: number; parts: Record<PartCode, number>; band: number; stars: number; spread: number; members: number };
export type RescoreRequest = { round: number; reason: string; members: string[]; at: string };
export type SessionItem = {
  id: string; position: number; dossierId: string; dossierNumber: string; dossierStatus: string; sheet: number;
  product: { name: string; code: string }; entity: Ref; rescoreRound: number; submittedCount: number; expectedCount: number;
  /** Submitted scores needed to close: all expected in a meeting, the quorum share by written opinion. */
  requiredCount: number; rescoreRequest: RescoreRequest | null; mustRescore: boolean;
  myScore: MemberScore | null; conflicted: boolean; result: SessionResult | null;
};
export type SessionMode = 'meeting' | 'written';
export type SessionStatus = 'planned' | 'open' | 'closed';
export type Session = {
  id: string; councilId: string; councilName: string; level: string; title: string; scheduledOn: string; location: string | null;
  status: SessionStatus; mode: SessionMode; convertedAt: string | null; present: string[];
  quorum: { members: number; present: number; required: number; chairPresent: boolean; met: boolean } | null; minutesNote: string | null;
  openedAt: string | null; closedAt: string | null; items: SessionItem[]; version: number; actions: string[];
};
export type CouncilMember = {
  id: string; userId: string; fullName: string; email: string; team: 'council' | 'advisory'; role: 'chair' | 'secretary' | 'member'; title: string | null; active: boolean;
};
export type Council = {
  id: string; name: string; level: 'province' | 'central'; provinceCode: string | null;
  settings: { maxSpread: number; quorumShare: number; quorumRequiresChair: boolean };
  members: CouncilMember[]; version: number; actions: string[];
};
/** One reason the server refused to close a session (close-session.ts). */
export type CloseProblem = { itemId: string; product: string; code: 'scores_missing' | 'spread_exceeded'; members: string[]; spread?: number; submitted?: number; required?: number };
export type Overview = {
  mean: number | null; parts: Record<PartCode, number> | null; spread: number; maxSpread: number; withinLimit: boolean; lowest: string[]; highest: string[];
  members: { userId: string; fullName: string | null; status: string; total: number; parts: Record<PartCode, number>; diffFromMean: number }[];
};
