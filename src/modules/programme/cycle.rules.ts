// The OCOP cycle's pure rules: the six steps (data/programme/cycle.json), the step a product or an idea is at, and a
// certified product's upgrade path — from its council's score sheets, which criteria stand between it and the next
// star, as points missing per criterion group, the largest gains first. No I/O beyond reading the data file at load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { criteriaOf, nextStarAdvice, type Answers, type LegalRules, type Sheet } from '../scoring/index.js';

const text = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });
export const STEP_CODES = ['promotion', 'idea', 'business_plan', 'implementation', 'rating', 'trade_promotion'] as const;
export type StepCode = (typeof STEP_CODES)[number];
const cycleData = z.strictObject({
  version: z.string(), instrument: z.string(), source: z.string(), principle: text,
  steps: z.array(z.strictObject({ code: z.enum(STEP_CODES), order: z.number().int(), vi: z.string(), en: z.string(), who: z.enum(['office', 'commune', 'entity', 'province']), months: text })),
}).refine((d) => d.steps.length === STEP_CODES.length && d.steps.every((s, i) => s.code === STEP_CODES[i] && s.order === i + 1), 'the six steps, in order');
export type CycleData = z.infer<typeof cycleData>;
export const parseCycleData = (raw: unknown): CycleData => cycleData.parse(raw);
export const CYCLE: CycleData = parseCycleData(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'programme', 'cycle.json'), 'utf8')));

// ── the step ────────────────────────────────────────────────────────────────────────────────────────────────────

export type StepReason = 'certified' | 'dossier_in_progress' | 'product_registered' | 'certificate_lapsed' | 'idea_submitted' | 'idea_returned' | 'idea_accepted'
  | 'business_plan_received' | 'implementing';
const CLOSED_DOSSIER = new Set(['certified', 'not_recognised', 'rejected']);

/** A product's step, derived: a certificate in force → trade promotion; a dossier under way → evaluation and rating;
 * otherwise it is carrying out its plan (a lapsed certificate included: the product must be rated again). */
export function productStep(f: { certificateInForce: boolean; latestDossierStatus: string | null; hadCertificate: boolean }): { step: StepCode; reason: StepReason } {
  if (f.certificateInForce) return { step: 'trade_promotion', reason: 'certified' };
  if (f.latestDossierStatus && !CLOSED_DOSSIER.has(f.latestDossierStatus)) return { step: 'rating', reason: 'dossier_in_progress' };
  return { step: 'implementation', reason: f.hadCertificate ? 'certificate_lapsed' : 'product_registered' };
}

/** An idea's step: at "idea" until the commune accepts it, then the step the commune set (business plan, carrying out). */
export function ideaStep(i: { status: 'submitted' | 'accepted' | 'returned'; step: 'idea' | 'business_plan' | 'implementation'; hasBusinessPlan: boolean }): { step: StepCode; reason: StepReason } {
  if (i.status === 'submitted') return { step: 'idea', reason: 'idea_submitted' };
  if (i.status === 'returned') return { step: 'idea', reason: 'idea_returned' };
  if (i.step === 'implementation') return { step: 'implementation', reason: 'implementing' };
  return { step: 'business_plan', reason: i.hasBusinessPlan ? 'business_plan_received' : 'idea_accepted' };
}

/** The six steps with where the product or idea stands on each. */
export function stepsAround(current: StepCode, data: CycleData = CYCLE) {
  const at = STEP_CODES.indexOf(current);
  return data.steps.map((s, i) => ({ code: s.code, order: s.order, vi: s.vi, en: s.en, state: i < at ? 'done' as const : i === at ? 'current' as const : 'ahead' as const }));
}

// ── the upgrade path ────────────────────────────────────────────────────────────────────────────────────────────

/** The council's answers as one sheet: per criterion, the lower median of the members' points (a criterion half the
 * council scored low is not counted as reached). A criterion no member answered stays unanswered (0 points). */
export function consensusAnswers(sheet: Sheet, members: Answers[]): Answers {
  const out: Answers = {};
  for (const c of criteriaOf(sheet)) {
    const chosen = members.map((m) => c.options.find((o) => o.id === m[c.code]) ?? null).sort((a, b) => (a?.points ?? -1) - (b?.points ?? -1));
    const median = chosen[Math.floor((chosen.length - 1) / 2)];
    if (median) out[c.code] = median.id;
  }
  return out;
}

export type UpgradeCriterion = { code: string; name: string; points: number; max: number; gain: number; missesMinimum: boolean };
export type UpgradeGroup = { part: 'A' | 'B' | 'C'; code: string; name: string; gain: number; criteria: UpgradeCriterion[] };
export type UpgradePath = {
  currentStars: number | null; targetStars: number | null; total: number; pointsNeeded: number;
  /** Minimums of the target star not reached: no amount of points elsewhere replaces them. */
  minimumsToMeet: { code: string; name: string; requiredStar: number; requiredOption: string }[];
  /** Criterion groups with points still to gain, the largest gains first; within a group, criteria likewise. */
  groups: UpgradeGroup[];
};

/** What stands between the product and its next star, from its council's member answers (or one self-assessment). */
export function upgradePath(sheet: Sheet, members: Answers[], rules: LegalRules): UpgradePath {
  const answers = consensusAnswers(sheet, members);
  const advice = nextStarAdvice(sheet, answers, rules);
  const criteria = new Map(criteriaOf(sheet).map((c) => [c.code, c]));
  const total = criteriaOf(sheet).reduce((s, c) => s + (c.options.find((o) => o.id === answers[c.code])?.points ?? 0), 0);
  const groups = new Map<string, UpgradeGroup>();
  for (const i of advice.improvements) {
    const c = criteria.get(i.criterion)!;
    const key = `${c.part}.${c.groupCode}`;
    const g = groups.get(key) ?? { part: c.part, code: c.groupCode, name: sheet.parts.find((p) => p.code === c.part)!.groups.find((x) => x.code === c.groupCode)!.name, gain: 0, criteria: [] };
    const gain = Math.max(...i.options.map((o) => o.gain));
    g.criteria.push({ code: c.code, name: c.name, points: i.chosenPoints, max: c.options.reduce((m, o) => Math.max(m, o.points), 0), gain, missesMinimum: i.missesMinimum });
    g.gain += gain;
    groups.set(key, g);
  }
  const ordered = [...groups.values()].map((g) => ({ ...g, criteria: g.criteria.sort((a, b) => Number(b.missesMinimum) - Number(a.missesMinimum) || b.gain - a.gain || a.code.localeCompare(b.code)) }))
    .sort((a, b) => b.gain - a.gain || `${a.part}.${a.code}`.localeCompare(`${b.part}.${b.code}`));
  return {
    currentStars: advice.currentStars, targetStars: advice.targetStars, total, pointsNeeded: advice.pointsNeeded,
    minimumsToMeet: advice.minimumsToMeet.map((m) => ({ code: m.criterion, name: criteria.get(m.criterion)?.name ?? m.criterion, requiredStar: m.requiredStar, requiredOption: m.requiredOption })),
    groups: advice.targetStars === null ? [] : ordered,
  };
}
