// Scoring-integrity analytics: pure functions over the closed sessions' figures (no I/O). The thresholds come from the
// star bands of the instrument in force (data/rules), the spread limit from each council's settings, the deadlines
// from the dossier's own stored dates (computed from data/rules and the holiday calendar when it was filed).
import type { LegalRules } from '../scoring/index.js';

const round = (x: number, d = 2) => { const f = 10 ** d; return Math.round(x * f) / f; };

/** The points where a product gains a recognised star (3★, 4★, 5★: 50, 70, 90 under QĐ 26/2026/QĐ-TTg). */
export function starThresholds(rules: Pick<LegalRules, 'starBands' | 'recognisedFromStars'>): { stars: number; points: number }[] {
  return rules.starBands.filter((b) => b.stars >= rules.recognisedFromStars).map((b) => ({ stars: b.stars, points: b.from }));
}

/** Wilson score interval of a proportion k/n (z = 1.96: 95 %). Null when n is 0. */
export function wilson(k: number, n: number, z = 1.96): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: round(Math.max(0, centre - half), 4), high: round(Math.min(1, centre + half), 4) };
}

/** Counts of means per whole point, 0 … max−1 (a mean of exactly max falls in the last bin). */
export function histogram(means: number[], max = 100, width = 1): { from: number; to: number; count: number }[] {
  const bins = Array.from({ length: Math.ceil(max / width) }, (_, i) => ({ from: i * width, to: Math.min(max, (i + 1) * width), count: 0 }));
  for (const m of means) {
    if (!Number.isFinite(m)) continue;
    const i = Math.min(bins.length - 1, Math.max(0, Math.floor(m / width)));
    bins[i].count++;
  }
  return bins;
}

export type Bunching = {
  stars: number; threshold: number; window: number;
  /** Means in [threshold − window, threshold) and in [threshold, threshold + window). */
  below: number; above: number;
  /** above − below: how many more products sit just above the line than just below it. */
  excess: number;
  /** above / (above + below) with its 95 % Wilson interval; about 0.5 where nothing pushes scores over the line. */
  shareAbove: number | null; interval: { low: number; high: number } | null;
  /** The interval lies wholly above one half: more products just above than chance would put there. */
  flagged: boolean;
};

/** Threshold bunching: for each star threshold, the means just above against just below, within ±window points. */
export function bunching(means: number[], thresholds: { stars: number; points: number }[], window: number): Bunching[] {
  return thresholds.map(({ stars, points }) => {
    let below = 0;
    let above = 0;
    for (const m of means) {
      if (m >= points - window && m < points) below++;
      else if (m >= points && m < points + window) above++;
    }
    const n = above + below;
    const interval = wilson(above, n);
    return { stars, threshold: points, window, below, above, excess: above - below, shareAbove: n ? round(above / n, 4) : null, interval, flagged: !!interval && interval.low > 0.5 };
  });
}

export type ScorePoint = { memberId: string; itemId: string; total: number; mean: number };
export type Leniency = {
  memberId: string; n: number;
  /** Mean of (member's total − the council's mean on the same product). */
  meanDiff: number;
  /** Standard deviation of those differences. */
  sd: number;
  /** meanDiff / (sd / √n): how consistently the member sits away from the council (|z| ≥ 2: not chance). */
  z: number | null;
  flagged: boolean;
};

/** Member leniency: each member's totals against the council's mean on every product they scored. A member is flagged
 * when at least `minProducts` products put them `distance` points or more from the council on average, consistently
 * (|z| ≥ `zFlag`). */
export function leniency(points: ScorePoint[], opts: { distance: number; minProducts: number; zFlag?: number }): Leniency[] {
  const zFlag = opts.zFlag ?? 2;
  const byMember = new Map<string, number[]>();
  for (const p of points) {
    const list = byMember.get(p.memberId) ?? [];
    list.push(p.total - p.mean);
    byMember.set(p.memberId, list);
  }
  return [...byMember.entries()].map(([memberId, d]) => {
    const n = d.length;
    const mean = d.reduce((s, x) => s + x, 0) / n;
    const sd = n > 1 ? Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
    const z = n > 1 ? (sd > 0 ? mean / (sd / Math.sqrt(n)) : mean === 0 ? 0 : null) : null;
    const consistent = z === null ? n > 1 && mean !== 0 : Math.abs(z) >= zFlag;
    return { memberId, n, meanDiff: round(mean), sd: round(sd), z: z === null ? null : round(z), flagged: n >= opts.minProducts && Math.abs(mean) >= opts.distance && consistent };
  }).sort((a, b) => b.meanDiff - a.meanDiff || a.memberId.localeCompare(b.memberId));
}

export type ItemSpread = {
  itemId: string; sessionId: string; maxSpread: number; rescoreRound: number;
  /** Each member's first submitted total and their final one. */
  members: { first: number; final: number }[];
};
export type SpreadSummary = {
  items: number; rescored: number; rescoredShare: number | null; sessions: number; sessionsRescored: number;
  /** Among the re-scored products: the spread of the first submissions and of the final ones. */
  meanFirstSpread: number | null; meanFinalSpread: number | null;
  /** Mean absolute change of a member's total on re-scoring; and the share of changes that moved toward the first mean. */
  meanMove: number | null; towardMeanShare: number | null;
  /** Products whose first submissions were over the council's limit. */
  overLimitFirst: number;
};

const spreadOf = (xs: number[]) => (xs.length ? Math.max(...xs) - Math.min(...xs) : 0);

/** How often the spread limit was hit (the chair asked for re-scoring) and how re-scoring moved the scores. */
export function spreadSummary(items: ItemSpread[]): SpreadSummary {
  const rescored = items.filter((i) => i.rescoreRound > 1);
  const sessions = new Set(items.map((i) => i.sessionId));
  const sessionsRescored = new Set(rescored.map((i) => i.sessionId));
  let moves = 0; let moved = 0; let toward = 0; let changed = 0;
  const firstSpreads: number[] = []; const finalSpreads: number[] = [];
  for (const it of rescored) {
    const firsts = it.members.map((m) => m.first);
    const firstMean = firsts.reduce((s, x) => s + x, 0) / (firsts.length || 1);
    firstSpreads.push(spreadOf(firsts));
    finalSpreads.push(spreadOf(it.members.map((m) => m.final)));
    for (const m of it.members) {
      moves++;
      moved += Math.abs(m.final - m.first);
      if (m.final !== m.first) {
        changed++;
        if (Math.abs(m.final - firstMean) < Math.abs(m.first - firstMean)) toward++;
      }
    }
  }
  const avg = (xs: number[]) => (xs.length ? round(xs.reduce((s, x) => s + x, 0) / xs.length) : null);
  return {
    items: items.length, rescored: rescored.length, rescoredShare: items.length ? round(rescored.length / items.length, 4) : null,
    sessions: sessions.size, sessionsRescored: sessionsRescored.size,
    meanFirstSpread: avg(firstSpreads), meanFinalSpread: avg(finalSpreads),
    meanMove: moves ? round(moved / moves) : null, towardMeanShare: changed ? round(toward / changed, 4) : null,
    overLimitFirst: items.filter((i) => spreadOf(i.members.map((m) => m.first)) > i.maxSpread).length,
  };
}

export type SelfPoint = { provinceCode: string; sheet: number; self: number; council: number };
export type SelfGroup = { key: string; n: number; meanSelf: number; meanCouncil: number; meanGap: number; overClaimShare: number };

/** Self-assessment against the council's score, grouped (by province, or by product set): the gap is self − council. */
export function selfAssessment(points: SelfPoint[], keyOf: (p: SelfPoint) => string): SelfGroup[] {
  const groups = new Map<string, SelfPoint[]>();
  for (const p of points) groups.set(keyOf(p), [...(groups.get(keyOf(p)) ?? []), p]);
  return [...groups.entries()].map(([key, ps]) => {
    const n = ps.length;
    const meanSelf = ps.reduce((s, p) => s + p.self, 0) / n;
    const meanCouncil = ps.reduce((s, p) => s + p.council, 0) / n;
    return { key, n, meanSelf: round(meanSelf), meanCouncil: round(meanCouncil), meanGap: round(meanSelf - meanCouncil), overClaimShare: round(ps.filter((p) => p.self > p.council).length / n, 4) };
  }).sort((a, b) => a.key.localeCompare(b.key));
}

export const STAGES = ['commune', 'province', 'rerating', 'central'] as const;
export type StageName = (typeof STAGES)[number];
export type DossierDates = {
  type: 'first' | 'upgrade' | 'rerating'; submittedOn: string | null; communeDueOn: string | null; communeReviewedOn: string | null;
  provinceReceivedOn: string | null; provinceFinishBefore: string | null; reratingDueOn: string | null; provinceDecidedOn: string | null;
  centralReceivedOn: string | null; centralFinishBefore: string | null; centralDecidedOn: string | null;
};
export type StageTime = { stage: StageName; start: string; end: string | null; due: string; days: number; overdue: boolean; open: boolean };

const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
const dayBefore = (iso: string) => new Date((dayNumber(iso) - 1) * 86_400_000).toISOString().slice(0, 10);

/**
 * The stages of one dossier against their legal deadlines: the commune's report (15 working days from receipt, stored
 * as communeDueOn), the province's decision (a re-rating within 45 days of receipt, reratingDueOn; a first rating or
 * upgrade before the round's finish date, "trước ngày": the day before it is the last), the Ministry's (its round's).
 * A stage still open counts only once its deadline has passed (then it is overdue); a finished one is overdue when it
 * ended after its deadline.
 */
export function stageTimes(d: DossierDates, today: string): StageTime[] {
  const out: StageTime[] = [];
  const add = (stage: StageName, start: string | null, end: string | null, due: string | null) => {
    if (!start || !due) return;
    const stop = end ?? today;
    const open = !end;
    if (open && today <= due) return; // still within time: nothing to judge yet
    out.push({ stage, start, end, due, days: Math.max(0, dayNumber(stop) - dayNumber(start)), overdue: stop > due, open });
  };
  add('commune', d.submittedOn, d.communeReviewedOn, d.communeDueOn);
  if (d.type === 'rerating') add('rerating', d.provinceReceivedOn, d.provinceDecidedOn, d.reratingDueOn);
  else add('province', d.provinceReceivedOn, d.provinceDecidedOn, d.provinceFinishBefore ? dayBefore(d.provinceFinishBefore) : null);
  add('central', d.centralReceivedOn, d.centralDecidedOn, d.centralFinishBefore ? dayBefore(d.centralFinishBefore) : null);
  return out;
}

export type Timeliness = { key: string; stage: StageName | 'all'; n: number; overdue: number; overdueShare: number | null; open: number; meanDays: number | null };

/** Overdue rates grouped by a key (province) and stage, with an 'all' row per key. */
export function timeliness(rows: { key: string; stages: StageTime[] }[]): Timeliness[] {
  const acc = new Map<string, { key: string; stage: StageName | 'all'; n: number; overdue: number; open: number; days: number }>();
  const bump = (key: string, stage: StageName | 'all', s: StageTime) => {
    const id = `${key}|${stage}`;
    const a = acc.get(id) ?? { key, stage, n: 0, overdue: 0, open: 0, days: 0 };
    a.n++; if (s.overdue) a.overdue++; if (s.open) a.open++; a.days += s.days;
    acc.set(id, a);
  };
  for (const r of rows) for (const s of r.stages) { bump(r.key, s.stage, s); bump(r.key, 'all', s); }
  const order = (s: string) => (s === 'all' ? 99 : STAGES.indexOf(s as StageName));
  return [...acc.values()].map((a) => ({ key: a.key, stage: a.stage, n: a.n, overdue: a.overdue, overdueShare: a.n ? round(a.overdue / a.n, 4) : null, open: a.open, meanDays: a.n ? round(a.days / a.n, 1) : null }))
    .sort((x, y) => x.key.localeCompare(y.key) || order(x.stage) - order(y.stage));
}
