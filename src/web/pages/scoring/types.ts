// Shapes of the scoring API as the web app reads them (mirrors src/modules/scoring/*.contract.ts).
export type CertificateStatus = 'valid' | 'expired' | 'replaced' | 'revoked';
export type CertificateKind = 'first' | 'upgrade' | 're_rating' | 'legacy';
type Ref = { id: string; name: string };

export type Verification = {
  valid: boolean; status: CertificateStatus; number: string; stars: number;
  product: Ref & { code: string }; entity: Ref; province: { code: string; name: string };
  issuedOn: string; expiresOn: string; authority: string; decisionNumber: string; decidedOn: string; instrument: string;
  kind: CertificateKind; replacedBy: string | null; replaces: string | null;
  revocation?: { ground: string; groundText: { vi: string; en: string }; decisionNumber: string; decidedOn: string; authority: string; note: string | null };
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
};
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
  nextStar: {
    currentStars: number | null; targetStars: number | null; pointsNeeded: number; minimumsToMeet: UnmetMinimum[];
    improvements: { criterion: string; part: PartCode; chosenOption: string | null; chosenPoints: number; missesMinimum: boolean;
      options: { id: string; points: number; gain: number; meetsTargetMinimum: boolean }[] }[];
  };
};
