import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '../scoring/index.js';
import { bunching, histogram, leniency, selfAssessment, spreadSummary, stageTimes, starThresholds, timeliness, wilson } from './integrity.rules.js';

test('the thresholds are the recognised star bands of data/rules: 50, 70, 90', () => {
  assert.deepEqual(starThresholds(RULES), [{ stars: 3, points: 50 }, { stars: 4, points: 70 }, { stars: 5, points: 90 }]);
  assert.deepEqual(starThresholds({ recognisedFromStars: 4, starBands: RULES.starBands }).map((t) => t.points), [70, 90]);
});

test('Wilson interval: textbook values, bounded, none for n = 0', () => {
  const w = wilson(8, 10)!;
  assert.deepEqual([w.low, w.high], [0.4902, 0.9433]);
  assert.deepEqual(wilson(0, 5)!.low, 0);
  assert.deepEqual(wilson(5, 5)!.high, 1);
  assert.equal(wilson(0, 0), null);
});

test('histogram: one bin per point, 100 in the last bin, out-of-range clamped', () => {
  const h = histogram([0, 49.99, 50, 70.5, 100, -3]);
  assert.equal(h.length, 100);
  assert.deepEqual([h[0].count, h[49].count, h[50].count, h[70].count, h[99].count], [2, 1, 1, 1, 1]);
});

test('bunching: just above against just below each threshold, within the window; flagged only when the interval clears one half', () => {
  const means = [68, 69.5, 70, 70.2, 71, 71.5, 72.9, 70.1, 70.4, 71.9, 71.2, 72, 52, 48, 95];
  const [b50, b70, b90] = bunching(means, starThresholds(RULES), 3);
  assert.deepEqual([b70.below, b70.above, b70.excess], [2, 10, 8]);
  assert.equal(b70.shareAbove, 0.8333);
  assert.ok(b70.interval!.low > 0.5 && b70.flagged);
  assert.deepEqual([b50.below, b50.above, b50.flagged], [1, 1, false]);
  assert.deepEqual([b90.below, b90.above, b90.shareAbove, b90.interval, b90.flagged], [0, 0, null, null, false]);
  // A narrower window: 72.9 and 72 fall out.
  const [, w1] = bunching(means, starThresholds(RULES), 1);
  assert.deepEqual([w1.below, w1.above], [1, 4]);
});

test('leniency: mean difference from the council, its z, flagged only when far, consistent and on enough products', () => {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    pts.push({ memberId: 'lenient', itemId: `i${i}`, total: 76 + (i % 3), mean: 70 + (i % 2) });
    pts.push({ memberId: 'fair', itemId: `i${i}`, total: 70 + (i % 2 ? 1 : -1), mean: 70 });
  }
  pts.push({ memberId: 'once', itemId: 'x', total: 90, mean: 70 });
  const out = leniency(pts, { distance: 3, minProducts: 5 });
  const by = Object.fromEntries(out.map((l) => [l.memberId, l]));
  assert.equal(out[0].memberId, 'once');
  assert.ok(by.lenient.meanDiff > 5 && by.lenient.z! > 2 && by.lenient.flagged);
  assert.deepEqual([by.fair.meanDiff, by.fair.flagged], [0, false]);
  assert.deepEqual([by.once.n, by.once.flagged, by.once.z], [1, false, null], 'one product is never enough');
});

test('spread: how often re-scoring was needed and how it moved the members', () => {
  const s = spreadSummary([
    { itemId: 'a', sessionId: 's1', maxSpread: 10, rescoreRound: 2, members: [{ first: 60, final: 66 }, { first: 75, final: 70 }, { first: 68, final: 68 }] },
    { itemId: 'b', sessionId: 's1', maxSpread: 10, rescoreRound: 1, members: [{ first: 70, final: 70 }, { first: 72, final: 72 }] },
    { itemId: 'c', sessionId: 's2', maxSpread: 10, rescoreRound: 1, members: [{ first: 80, final: 80 }] },
  ]);
  assert.deepEqual([s.items, s.rescored, s.rescoredShare, s.sessions, s.sessionsRescored, s.overLimitFirst], [3, 1, 0.3333, 2, 1, 1]);
  assert.deepEqual([s.meanFirstSpread, s.meanFinalSpread, s.meanMove, s.towardMeanShare], [15, 4, 3.67, 1]);
});

test('self-assessment against the council, by province or product set', () => {
  const pts = [{ provinceCode: '08', sheet: 4, self: 80, council: 72 }, { provinceCode: '08', sheet: 1, self: 60, council: 64 }, { provinceCode: '19', sheet: 4, self: 75, council: 70 }];
  assert.deepEqual(selfAssessment(pts, (p) => p.provinceCode), [
    { key: '08', n: 2, meanSelf: 70, meanCouncil: 68, meanGap: 2, overClaimShare: 0.5 },
    { key: '19', n: 1, meanSelf: 75, meanCouncil: 70, meanGap: 5, overClaimShare: 1 },
  ]);
  assert.deepEqual(selfAssessment(pts, (p) => String(p.sheet)).map((g) => [g.key, g.n]), [['1', 1], ['4', 2]]);
});

test('stage times against the deadlines: finished late, open past due, open within time not judged', () => {
  const base = { type: 'first' as const, submittedOn: '2026-03-02', communeDueOn: '2026-03-23', communeReviewedOn: '2026-03-30', provinceReceivedOn: '2026-04-02', provinceFinishBefore: '2026-06-30', reratingDueOn: null, provinceDecidedOn: '2026-06-29', centralReceivedOn: null, centralFinishBefore: null, centralDecidedOn: null };
  const st = stageTimes(base, '2026-12-01');
  assert.deepEqual(st.map((s) => [s.stage, s.overdue, s.open, s.days]), [['commune', true, false, 28], ['province', false, false, 88]]);
  // Decided on the round's finish date itself: "trước ngày" makes it late.
  assert.equal(stageTimes({ ...base, provinceDecidedOn: '2026-06-30' }, '2026-12-01')[1].overdue, true);
  const rr = { ...base, type: 'rerating' as const, communeReviewedOn: '2026-03-10', provinceFinishBefore: null, reratingDueOn: '2026-05-17', provinceDecidedOn: null };
  assert.deepEqual(stageTimes(rr, '2026-05-10').map((s) => s.stage), ['commune'], 'an open re-rating within its 45 days is not judged');
  assert.deepEqual(stageTimes(rr, '2026-06-01').map((s) => [s.stage, s.overdue, s.open]), [['commune', false, false], ['rerating', true, true]]);
  const t = timeliness([{ key: '08', stages: st }, { key: '08', stages: stageTimes(rr, '2026-06-01') }]);
  assert.deepEqual(t.map((r) => [r.stage, r.n, r.overdue, r.overdueShare]), [['commune', 2, 1, 0.5], ['province', 1, 0, 0], ['rerating', 1, 1, 1], ['all', 4, 2, 0.5]]);
});
