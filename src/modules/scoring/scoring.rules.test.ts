// The pure scoring rules on the real sheets and the real legal numbers (no database).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../app/errors.js';
import { RULES } from './rules.data.js';
import {
  bestAnswers, councilMean, evaluate, evaluateCouncil, goesToCentralCouncil, judgeMinimum, minimumsAt, nextStarAdvice,
  quorumCheck, requiredScores, scoreAnswers, spreadCheck, starBand, type Answers,
} from './scoring.rules.js';
import { criteriaOf, getSheet, sheetsOf, type Sheet } from './sheets.data.js';

const sheet1 = getSheet(1)!;

/** The option of `code` worth the most points while staying below the option marked `star`. */
function justBelowMarker(sheet: Sheet, code: string, star: number): string {
  const c = criteriaOf(sheet).find((x) => x.code === code)!;
  const marker = c.options.find((o) => o.minStar === star)!;
  return c.options.filter((o) => o.points < marker.points).sort((a, b) => b.points - a.points)[0].id;
}

/** Lowers criteria that carry no star marker at all to their lowest option until the total is below `below`. */
function lowerUnmarkedUntil(sheet: Sheet, answers: Answers, below: number): Answers {
  const out = { ...answers };
  for (const c of criteriaOf(sheet).filter((x) => x.options.every((o) => o.minStar === null))) {
    if (scoreAnswers(sheet, out).total < below) break;
    out[c.code] = c.options.reduce((a, b) => (b.points < a.points ? b : a)).id;
  }
  return out;
}

test('every best option on every sheet scores 100 and ranks 5★ with no unmet minimum', () => {
  for (const s of sheetsOf()) {
    const r = evaluate(s, bestAnswers(s), RULES);
    assert.equal(r.total, 100, `sheet ${s.number}`);
    assert.deepEqual(r.parts, { A: 40, B: 25, C: 35 });
    assert.equal(r.band, 5);
    assert.equal(r.stars, 5, `sheet ${s.number}`);
    assert.deepEqual(r.unmetMinimums, []);
  }
});

test('bands: lower bound inclusive, 1★ below 30, 5★ from 90', () => {
  assert.deepEqual([0, 29, 30, 49, 50, 69.99, 70, 89.99, 90, 100].map((t) => starBand(t, RULES)), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
});

test('a 4★-band total that misses a 4★ minimum is ranked 3★', () => {
  const code = minimumsAt(sheet1, 4).find((m) => m.option.minStar === 4 && m.criterion.options.some((o) => o.minStar === 3 || o.points < m.option.points))!.criterion.code;
  let answers = { ...bestAnswers(sheet1), [code]: justBelowMarker(sheet1, code, 4) };
  answers = lowerUnmarkedUntil(sheet1, answers, 90);
  const r = evaluate(sheet1, answers, RULES);
  assert.ok(r.total >= 70 && r.total < 90, `total ${r.total}`);
  assert.equal(r.band, 4);
  assert.equal(r.stars, 3);
  const miss = r.unmetMinimums.find((u) => u.criterion === code)!;
  assert.equal(miss.requiredStar, 4);
  assert.equal(miss.chosenOption, answers[code]);
});

test('a 90+ total that misses a 5★ minimum is ranked 4★', () => {
  const m = minimumsAt(sheet1, 5).find((x) => x.option.minStar === 5)!;
  const answers = { ...bestAnswers(sheet1), [m.criterion.code]: justBelowMarker(sheet1, m.criterion.code, 5) };
  const r = evaluate(sheet1, answers, RULES);
  assert.ok(r.total >= 90, `total ${r.total}`);
  assert.equal(r.band, 5);
  assert.equal(r.stars, 4);
  assert.deepEqual(r.unmetMinimums.map((u) => [u.criterion, u.requiredStar, u.requiredOption]), [[m.criterion.code, 5, m.option.id]]);
});

test('when the miss rule is "not_recognised", a missed band minimum leaves no stars', () => {
  const m = minimumsAt(sheet1, 5).find((x) => x.option.minStar === 5)!;
  const answers = { ...bestAnswers(sheet1), [m.criterion.code]: justBelowMarker(sheet1, m.criterion.code, 5) };
  assert.equal(evaluate(sheet1, answers, RULES, 'not_recognised').stars, null);
});

test('unanswered criteria score 0 and count as unmet when they carry a minimum; below 3★ nothing is recognised', () => {
  const r = evaluate(sheet1, {}, RULES);
  assert.equal(r.total, 0);
  assert.equal(r.band, 1);
  assert.equal(r.stars, null);
  // The 3★ minimums are listed (the entry level), each with no chosen option.
  assert.equal(r.unmetMinimums.length, minimumsAt(sheet1, 3).length);
  assert.ok(r.unmetMinimums.every((u) => u.chosenOption === null && u.requiredStar === 3));
});

test('an unknown criterion or an option of another criterion is an error with the field path', () => {
  assert.throws(() => evaluate(sheet1, { '99.9': '99.9.a' }, RULES), (e: AppError) => e instanceof AppError && e.kind === 'invalid' && e.extra.field === 'answers.99.9' && e.code === 'unknown_criterion');
  assert.throws(() => evaluate(sheet1, { '1.1': '1.2.a' }, RULES), (e: AppError) => e.extra.field === 'answers.1.1' && e.code === 'unknown_option');
});

test('the three-level codes of sheets 11 and 13 score like any other criterion', () => {
  for (const n of [11, 13]) {
    const s = getSheet(n)!;
    const c = criteriaOf(s).find((x) => x.code.split('.').length === 3)!;
    const best = c.options.reduce((a, b) => (b.points > a.points ? b : a));
    assert.equal(evaluate(s, { [c.code]: best.id }, RULES).parts.C, best.points);
  }
});

test('council: mean of totals and parts with two decimals; the band is decided on the exact mean', () => {
  const m = councilMean([{ total: 90, parts: { A: 36, B: 22, C: 32 } }, { total: 90, parts: { A: 36, B: 22, C: 32 } }, { total: 89, parts: { A: 35, B: 22, C: 32 } }]);
  assert.equal(m.total, 89.67);
  assert.equal(m.parts.A, 35.67);
  assert.equal(starBand(m.exactTotal, RULES), 4);
  assert.equal(goesToCentralCouncil(m.exactTotal, RULES), false);
  assert.equal(goesToCentralCouncil(90, RULES), true);
});

test('council: minimums judged by majority by default; unanimous and any as settings', () => {
  assert.equal(judgeMinimum(2, 3, 'majority'), true);
  assert.equal(judgeMinimum(1, 2, 'majority'), false, 'a tie is not a majority');
  assert.equal(judgeMinimum(2, 3, 'unanimous'), false);
  assert.equal(judgeMinimum(1, 3, 'any'), true);
  const best = bestAnswers(sheet1);
  const m = minimumsAt(sheet1, 5).find((x) => x.option.minStar === 5)!;
  const low = { ...best, [m.criterion.code]: justBelowMarker(sheet1, m.criterion.code, 5) };
  const byMajority = evaluateCouncil(sheet1, [best, best, low], RULES);
  assert.equal(byMajority.stars, 5);
  assert.equal(byMajority.members, 3);
  const unanimous = evaluateCouncil(sheet1, [best, best, low], RULES, { ...RULES.councilDefaults, minimumJudgement: 'unanimous' });
  assert.equal(unanimous.stars, 4);
  assert.deepEqual(unanimous.unmetMinimums.map((u) => [u.criterion, u.metBy]), [[m.criterion.code, 2]]);
  assert.throws(() => evaluateCouncil(sheet1, [best, { x: 'y' }], RULES), (e: AppError) => e.extra.field === 'members.1.answers.x');
});

test('spread over 10 points forces discussion; quorum needs 75 % and the chair', () => {
  assert.deepEqual(spreadCheck([{ memberId: 'a', total: 70 }, { memberId: 'b', total: 80 }], RULES.councilDefaults.maxSpread).withinLimit, true);
  const wide = spreadCheck([{ memberId: 'a', total: 70 }, { memberId: 'b', total: 81 }, { memberId: 'c', total: 75 }], 10);
  assert.deepEqual([wide.withinLimit, wide.spread, wide.lowest, wide.highest], [false, 11, ['a'], ['b']]);
  const q = RULES.councilDefaults;
  assert.equal(quorumCheck({ members: 8, present: 6, chairPresent: true }, q).met, true);
  assert.equal(quorumCheck({ members: 8, present: 5, chairPresent: true }, q).met, false);
  assert.equal(quorumCheck({ members: 8, present: 8, chairPresent: false }, q).met, false);
  assert.equal(quorumCheck({ members: 9, present: 7, chairPresent: true }, q).required, 7);
});

test('scores needed to close: every present member in a meeting, the quorum share of those asked in writing', () => {
  const q = RULES.councilDefaults; // 75 %
  assert.equal(requiredScores('meeting', 5, q), 5);
  assert.equal(requiredScores('written', 4, q), 3);
  assert.equal(requiredScores('written', 5, q), 4); // 3,75 rounded up
  assert.equal(requiredScores('written', 1, { quorumShare: 0.5 }), 1);
  assert.equal(requiredScores('written', 0, q), 0);
});

test('next star: points still needed, the minimums to meet, and which options lift the score', () => {
  const m = minimumsAt(sheet1, 5).find((x) => x.option.minStar === 5)!;
  const answers = { ...bestAnswers(sheet1), [m.criterion.code]: justBelowMarker(sheet1, m.criterion.code, 5) };
  const a = nextStarAdvice(sheet1, answers, RULES);
  assert.deepEqual([a.currentStars, a.targetStars, a.pointsNeeded], [4, 5, 0]);
  assert.deepEqual(a.minimumsToMeet.map((u) => u.criterion), [m.criterion.code]);
  assert.equal(a.improvements[0].criterion, m.criterion.code);
  assert.ok(a.improvements[0].options.some((o) => o.id === m.option.id && o.meetsTargetMinimum));

  const empty = nextStarAdvice(sheet1, {}, RULES);
  assert.deepEqual([empty.currentStars, empty.targetStars, empty.pointsNeeded], [null, 3, 50]);
  assert.equal(nextStarAdvice(sheet1, bestAnswers(sheet1), RULES).targetStars, null);
});
