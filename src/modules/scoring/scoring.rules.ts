// Pure scoring rules of QĐ 26/2026/QĐ-TTg: one member's sheet, the council's mean, the star band, the star
// minimums (*** / **** / *****), spread and quorum, and what it takes to reach the next star. No I/O: the sheet and
// the legal numbers come in as arguments (sheets.data.ts, rules.data.ts), so earlier instruments score the same way.
//
// Rounding: every option is worth whole points, so a member's total and part scores are exact integers. The
// council's mean keeps two decimals (rounded half up) for display, but the band is decided on the exact mean:
// 89.996 is 4★, never rounded up into 5★, because the decree says "từ 70 đến dưới 90".
import { AppError, type FieldError } from '../../app/errors.js';
import { assertFindings, eliminated, memberNoteOutcome, noteOutcome, type Findings, type NoteOutcome } from './deciding-notes.rules.js';
import type { CouncilSettings, LegalRules } from './rules.data.js';
import { criteriaOf, type Criterion, type PartCode, type Sheet, type SheetOption } from './sheets.data.js';

/** criterion code → chosen option id; a criterion left out scores 0. */
export type Answers = Record<string, string>;
export type Parts = { A: number; B: number; C: number };

export type UnmetMinimum = {
  criterion: string;
  /** The star level whose marker this is (a 3★ marker also binds 4★ and 5★). */
  requiredStar: number;
  requiredOption: string;
  chosenOption: string | null;
};

export type Evaluation = {
  total: number;
  parts: Parts;
  /** The star band of the total alone (1–5). */
  band: number;
  /** The recognised stars: the band lowered to the highest level whose minimums are all met; null below 3★, and
   * null when a knock-out or a stop rule of the sheet's notes applies. */
  stars: number | null;
  /** The minimums binding at the band (at 3★ when the band is lower) that are not met. */
  unmetMinimums: UnmetMinimum[];
} & NoteOutcome;

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

// ── one member's sheet ──────────────────────────────────────────────────────────────────────────────────────────

/** Field errors for answers naming an unknown criterion or an option of another criterion (empty when all is well). */
export function answerErrors(sheet: Sheet, answers: Answers, prefix = 'answers'): FieldError[] {
  const byCode = new Map(criteriaOf(sheet).map((c) => [c.code, c]));
  const errors: FieldError[] = [];
  for (const [code, optionId] of Object.entries(answers)) {
    const path = `${prefix}.${code}`;
    const c = byCode.get(code);
    if (!c) {
      errors.push({ path, code: 'unknown_criterion', message: { vi: `Phiếu số ${sheet.number} không có tiêu chí ${code}`, en: `Sheet ${sheet.number} has no criterion ${code}` } });
    } else if (!c.options.some((o) => o.id === optionId)) {
      errors.push({ path, code: 'unknown_option', message: { vi: `Tiêu chí ${code} không có lựa chọn ${optionId}`, en: `Criterion ${code} has no option ${optionId}` } });
    }
  }
  return errors;
}

export function assertAnswers(sheet: Sheet, answers: Answers, prefix = 'answers'): void {
  const errors = answerErrors(sheet, answers, prefix);
  if (errors.length) throw new AppError('invalid', errors[0].code, errors[0].message, { field: errors[0].path, errors });
}

function chosen(c: Criterion, answers: Answers): SheetOption | undefined {
  const id = answers[c.code];
  return id === undefined ? undefined : c.options.find((o) => o.id === id);
}

/** Total and part scores of one member's answers (unanswered criteria score 0). */
export function scoreAnswers(sheet: Sheet, answers: Answers): { total: number; parts: Parts } {
  const parts: Parts = { A: 0, B: 0, C: 0 };
  for (const c of criteriaOf(sheet)) parts[c.part] += chosen(c, answers)?.points ?? 0;
  return { total: parts.A + parts.B + parts.C, parts };
}

/** The star band of a total: "từ X đến dưới Y", the lower bound inclusive. */
export function starBand(total: number, rules: Pick<LegalRules, 'starBands'>): number {
  const band = [...rules.starBands].sort((a, b) => b.from - a.from).find((b) => total >= b.from);
  return band?.stars ?? 1;
}

/** The exact lower bound of a star band. */
export function bandFloor(stars: number, rules: Pick<LegalRules, 'starBands'>): number {
  return rules.starBands.find((b) => b.stars === stars)!.from;
}

/**
 * The minimum a product must reach on each criterion to be ranked `level` stars: per criterion, the marked option
 * with the highest marker not above `level` (3★ markers bind 4★ and 5★; a 5★ marker replaces a lower one at 5★).
 */
export function minimumsAt(sheet: Sheet, level: number): { criterion: Criterion; option: SheetOption }[] {
  const out: { criterion: Criterion; option: SheetOption }[] = [];
  for (const c of criteriaOf(sheet)) {
    const marked = c.options.filter((o) => o.minStar !== null && o.minStar <= level);
    if (!marked.length) continue;
    const option = marked.reduce((a, b) => ((b.minStar ?? 0) > (a.minStar ?? 0) ? b : a));
    out.push({ criterion: c, option });
  }
  return out;
}

/** Reaching a marked option means choosing an option worth at least as many points. */
export function reaches(c: Criterion, optionId: string | undefined, required: SheetOption): boolean {
  const o = optionId === undefined ? undefined : c.options.find((x) => x.id === optionId);
  return o !== undefined && o.points >= required.points;
}

type MeetsMinimum = (c: Criterion, required: SheetOption) => boolean;

/** Lowers the band to the highest level whose minimums are all met, as the council's rules say. */
export function recognisedStars(sheet: Sheet, band: number, meets: MeetsMinimum, rules: Pick<LegalRules, 'recognisedFromStars'>, miss: CouncilSettings['minimumMiss']): number | null {
  const lowest = rules.recognisedFromStars;
  for (let level = band; level >= lowest; level--) {
    if (minimumsAt(sheet, level).every((m) => meets(m.criterion, m.option))) return level;
    if (miss === 'not_recognised') return null;
  }
  return null;
}

function unmetAt(sheet: Sheet, level: number, meets: MeetsMinimum, chosenOf: (c: Criterion) => string | null): UnmetMinimum[] {
  return minimumsAt(sheet, level).filter((m) => !meets(m.criterion, m.option)).map((m) => ({
    criterion: m.criterion.code, requiredStar: m.option.minStar!, requiredOption: m.option.id, chosenOption: chosenOf(m.criterion),
  }));
}

/** One member's sheet: total, parts, band, recognised stars, the minimums missed and what the sheet's deciding notes
 * make of the scorer's findings (criteria not applicable score 0). Throws on unknown codes and knock-out codes. */
export function evaluate(sheet: Sheet, given: Answers, rules: LegalRules, miss: CouncilSettings['minimumMiss'] = rules.councilDefaults.minimumMiss, findings: Findings = {}): Evaluation {
  assertAnswers(sheet, given);
  assertFindings(sheet, given, findings);
  const { answers, ...notes } = memberNoteOutcome(sheet, given, findings);
  const { total, parts } = scoreAnswers(sheet, answers);
  const band = starBand(total, rules);
  const meets: MeetsMinimum = (c, required) => reaches(c, answers[c.code], required);
  return {
    total, parts, band,
    stars: eliminated(notes) ? null : recognisedStars(sheet, band, meets, rules, miss),
    unmetMinimums: unmetAt(sheet, Math.max(band, rules.recognisedFromStars), meets, (c) => answers[c.code] ?? null),
    ...notes,
  };
}

// ── the council ─────────────────────────────────────────────────────────────────────────────────────────────────

export type CouncilEvaluation = Omit<Evaluation, 'unmetMinimums'> & {
  members: number;
  /** The exact mean before rounding (for audits; the band is decided on it). */
  exactTotal: number;
  unmetMinimums: (UnmetMinimum & { metBy: number })[];
  /** Every criterion some member ticked as knocked out, with how many did (the majority decides). */
  knockOutVotes: { criterion: string; foundBy: number }[];
};

/** The council's score: the mean of the members' totals and of each part, two decimals kept. */
export function councilMean(members: { total: number; parts: Parts }[]): { total: number; exactTotal: number; parts: Parts } {
  if (!members.length) return { total: 0, exactTotal: 0, parts: { A: 0, B: 0, C: 0 } };
  const mean = (f: (m: { total: number; parts: Parts }) => number) => members.reduce((s, m) => s + f(m), 0) / members.length;
  const exactTotal = mean((m) => m.total);
  return { total: round2(exactTotal), exactTotal, parts: { A: round2(mean((m) => m.parts.A)), B: round2(mean((m) => m.parts.B)), C: round2(mean((m) => m.parts.C)) } };
}

/** Whether the council as a whole meets a minimum, by its judgement rule. */
export function judgeMinimum(metBy: number, members: number, judgement: CouncilSettings['minimumJudgement']): boolean {
  if (members === 0) return false;
  switch (judgement) {
    case 'unanimous': return metBy === members;
    case 'any': return metBy > 0;
    default: return metBy * 2 > members; // a tie is not a majority
  }
}

/**
 * The council's result from every scoring member's answers (and, index for index, their findings): the mean's band,
 * lowered by the minimums as judged. Each member's total counts their own not-applicable criteria as 0. The decree is
 * silent on how members' knock-outs combine, so a knock-out, a stop on a finding and a stop on a zero hold when a
 * majority of the members who scored found them (a tie is not a majority), like the default minimum judgement.
 */
export function evaluateCouncil(sheet: Sheet, memberAnswers: Answers[], rules: LegalRules, settings: CouncilSettings = rules.councilDefaults, memberFindings: Findings[] = []): CouncilEvaluation {
  memberAnswers.forEach((a, i) => assertAnswers(sheet, a, `members.${i}.answers`));
  memberAnswers.forEach((a, i) => assertFindings(sheet, a, memberFindings[i] ?? {}, `members.${i}.`));
  const own = memberAnswers.map((a, i) => memberNoteOutcome(sheet, a, memberFindings[i] ?? {}));
  const counted = own.map((o) => o.answers);
  const mean = councilMean(counted.map((a) => scoreAnswers(sheet, a)));
  const band = starBand(mean.exactTotal, rules);
  const n = memberAnswers.length;
  const majority = (count: number) => n > 0 && count * 2 > n;
  const metBy = (c: Criterion, required: SheetOption) => counted.filter((a) => reaches(c, a[c.code], required)).length;
  const meets: MeetsMinimum = (c, required) => judgeMinimum(metBy(c, required), n, settings.minimumJudgement);
  const level = Math.max(band, rules.recognisedFromStars);
  const foundBy = (code: string) => memberFindings.filter((f, i) => i < n && f.knockOuts?.includes(code)).length;
  const byCode = new Map(criteriaOf(sheet).map((c) => [c.code, c]));
  const zeroBy = (code: string) => counted.filter((a) => (byCode.get(code)!.options.find((o) => o.id === a[code])?.points ?? 0) === 0).length;
  const naBy = (code: string) => own.filter((o) => o.notApplicable.some((x) => x.criterion === code)).length;
  // Reported as not applicable when it was so for a majority (each member's total already counts their own reading).
  const na = own.flatMap((o) => o.notApplicable).filter((x, i, all) => all.findIndex((y) => y.criterion === x.criterion) === i && majority(naBy(x.criterion)));
  const notes = noteOutcome(sheet, (code) => majority(foundBy(code)), (code) => majority(zeroBy(code)), na);
  return {
    total: mean.total, exactTotal: mean.exactTotal, parts: mean.parts, band, members: n,
    stars: eliminated(notes) ? null : recognisedStars(sheet, band, meets, rules, settings.minimumMiss),
    unmetMinimums: minimumsAt(sheet, level).filter((m) => !meets(m.criterion, m.option)).map((m) => ({
      criterion: m.criterion.code, requiredStar: m.option.minStar!, requiredOption: m.option.id, chosenOption: null, metBy: metBy(m.criterion, m.option),
    })),
    ...notes,
    knockOutVotes: [...new Set(memberFindings.slice(0, n).flatMap((f) => f.knockOuts ?? []))].sort().map((criterion) => ({ criterion, foundBy: foundBy(criterion) })),
  };
}

/** Members more than `maxSpread` points apart must discuss and re-score before the session closes. */
export function spreadCheck(totals: { memberId: string; total: number }[], maxSpread: number) {
  if (totals.length < 2) return { spread: 0, withinLimit: true, lowest: [] as string[], highest: [] as string[] };
  const min = Math.min(...totals.map((t) => t.total));
  const max = Math.max(...totals.map((t) => t.total));
  const spread = round2(max - min);
  return {
    spread,
    withinLimit: max - min <= maxSpread,
    lowest: totals.filter((t) => t.total === min).map((t) => t.memberId),
    highest: totals.filter((t) => t.total === max).map((t) => t.memberId),
  };
}

/** Quorum: at least `quorumShare` of the members present (rounded up), and the chair among them if the rules say so. */
export function quorumCheck(input: { members: number; present: number; chairPresent: boolean }, settings: Pick<CouncilSettings, 'quorumShare' | 'quorumRequiresChair'>) {
  const required = Math.ceil(input.members * settings.quorumShare - 1e-9);
  const chairOk = !settings.quorumRequiresChair || input.chairPresent;
  return { required, present: input.present, chairPresent: input.chairPresent, met: input.members > 0 && input.present >= required && chairOk };
}

/** Submitted scores a product needs before the session closes: in a meeting, every expected member's; by written
 * opinion (Điều 7 khoản 6 điểm d), the council's quorum share of the members asked (rounded up, at least one). */
export function requiredScores(mode: 'meeting' | 'written', expected: number, settings: Pick<CouncilSettings, 'quorumShare'>): number {
  if (mode === 'meeting' || expected === 0) return expected;
  return Math.max(1, quorumCheck({ members: expected, present: 0, chairPresent: true }, { quorumShare: settings.quorumShare, quorumRequiresChair: false }).required);
}

/** Which level of government decides: products at or above the threshold go to the Ministry's central council. */
export const goesToCentralCouncil = (meanTotal: number, rules: Pick<LegalRules, 'centralCouncilThreshold'>) => meanTotal >= rules.centralCouncilThreshold;

// ── what it takes to reach the next star (the entity's self-assessment) ─────────────────────────────────────────

export type NextStarAdvice = {
  currentStars: number | null;
  targetStars: number | null;
  /** Points still missing to the target band (0 when the total is already there). */
  pointsNeeded: number;
  /** Minimums binding at the target that the answers do not reach yet. */
  minimumsToMeet: UnmetMinimum[];
  /** Per criterion, the better options and what each adds; the largest gains first. */
  improvements: { criterion: string; part: PartCode; chosenOption: string | null; chosenPoints: number; missesMinimum: boolean; options: { id: string; points: number; gain: number; meetsTargetMinimum: boolean }[] }[];
};

/** A knock-out found leaves no star to aim for (no points make up for it): the advice is then empty. */
export function nextStarAdvice(sheet: Sheet, answers: Answers, rules: LegalRules, miss: CouncilSettings['minimumMiss'] = rules.councilDefaults.minimumMiss, findings: Findings = {}): NextStarAdvice {
  const result = evaluate(sheet, answers, rules, miss, findings);
  const top = Math.max(...rules.starBands.map((b) => b.stars));
  const current = result.stars;
  const target = result.knockedOutBy.length ? null : current === null ? rules.recognisedFromStars : current < top ? current + 1 : null;
  if (target === null) return { currentStars: current, targetStars: null, pointsNeeded: 0, minimumsToMeet: [], improvements: [] };
  const targetMinimums = new Map(minimumsAt(sheet, target).map((m) => [m.criterion.code, m.option]));
  const improvements = criteriaOf(sheet).map((c) => {
    const now = chosen(c, answers);
    const chosenPoints = now?.points ?? 0;
    const required = targetMinimums.get(c.code);
    const options = c.options.filter((o) => o.points > chosenPoints)
      .map((o) => ({ id: o.id, points: o.points, gain: o.points - chosenPoints, meetsTargetMinimum: required ? o.points >= required.points : true }));
    const missesMinimum = required !== undefined && !reaches(c, answers[c.code], required);
    return { criterion: c.code, part: c.part, chosenOption: now?.id ?? null, chosenPoints, missesMinimum, options };
  }).filter((i) => i.options.length)
    // Missing minimums first (no amount of points replaces them), then the largest gains.
    .sort((a, b) => Number(b.missesMinimum) - Number(a.missesMinimum) || Math.max(...b.options.map((o) => o.gain)) - Math.max(...a.options.map((o) => o.gain)));
  return {
    currentStars: current, targetStars: target,
    pointsNeeded: Math.max(0, bandFloor(target, rules) - result.total),
    minimumsToMeet: unmetAt(sheet, target, (c, r) => reaches(c, answers[c.code], r), (c) => answers[c.code] ?? null),
    improvements,
  };
}

/** The answer set that chooses the best option everywhere (a check of the sheet, and the self-assessment's ceiling). */
export function bestAnswers(sheet: Sheet): Answers {
  return Object.fromEntries(criteriaOf(sheet).map((c) => [c.code, c.options.reduce((a, b) => (b.points > a.points ? b : a)).id]));
}
