// The sheets' deciding notes (knock-outs, stop rules, applicability) as data and as rules, over all 26 sheets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../app/errors.js';
import { findingCodes } from './deciding-notes.rules.js';
import { RULES } from './rules.data.js';
import { bestAnswers, evaluate, evaluateCouncil, nextStarAdvice } from './scoring.rules.js';
import { criteriaOf, sheetsOf, type Sheet } from './sheets.data.js';

const sheets = sheetsOf();
/** The decree's wording of a note that decides (not "phân loại", "loại hình", "xếp loại"). */
const DECIDING = /bị loại|loại bỏ|không đánh giá|không xem xét|chỉ áp dụng/i;

/** Every text of a sheet where a deciding note can sit, with the rules encoded there. */
function noteSites(s: Sheet) {
  const sites: { where: string; text: string; rules: { kind: string; text: string }[] }[] = [];
  for (const g of s.parts.flatMap((p) => p.groups)) {
    if (g.note) sites.push({ where: `group ${g.code}`, text: g.note, rules: g.rules ?? [] });
    for (const c of g.criteria) {
      for (const field of ['description', 'requirement', 'note', 'appliesOnlyWhen', 'knockOut', 'notEvaluatedWhen'] as const) {
        if (c[field]) sites.push({ where: `${c.code} ${field}`, text: c[field]!, rules: c.rules ?? [] });
      }
      for (const o of c.options) sites.push({ where: `option ${o.id}`, text: o.label, rules: [] });
    }
  }
  return sites;
}

for (const s of sheets) {
  test(`sheet ${s.number}: every deciding note has a rule quoting it, and every rule quotes a deciding note`, () => {
    const sites = noteSites(s);
    for (const site of sites.filter((x) => DECIDING.test(x.text))) {
      assert.equal(site.rules.filter((r) => r.text === site.text).length, 1, `${site.where}: "${site.text}" has no rule`);
    }
    const rules = [...s.parts.flatMap((p) => p.groups.flatMap((g) => g.rules ?? [])), ...criteriaOf(s).flatMap((c) => c.rules ?? [])];
    for (const r of rules) {
      assert.match(r.text, DECIDING, `${r.kind} rule quotes "${r.text}"`);
      assert.match(r.source, new RegExp(`^QĐ 26/2026/QĐ-TTg, Phụ lục II, Phiếu số ${String(s.number).padStart(2, '0')}, `));
    }
  });
}

test('the rules found in the decree: knock-outs, stop rules and applicability by sheet', () => {
  const where = (kind: string) => Object.fromEntries(sheets.map((s) => [s.number, [
    ...criteriaOf(s).filter((c) => c.rules?.some((r) => r.kind === kind)).map((c) => c.code),
    ...s.parts.flatMap((p) => p.groups.filter((g) => g.rules?.some((r) => r.kind === kind)).map((g) => `group ${g.code}`)),
  ]]).filter(([, codes]) => (codes as string[]).length));
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  const expectKnockOut: Record<number, string[]> = {};
  for (const n of range(1, 6)) expectKnockOut[n] = ['2.1'];
  for (const n of range(7, 14)) expectKnockOut[n] = ['1.1', '2.1'];
  for (const n of [15, 18, 19, 20]) expectKnockOut[n] = ['1.1'];
  for (const n of [21, 22]) expectKnockOut[n] = ['6.2'];
  assert.deepEqual(where('knockOut'), expectKnockOut);
  const expectStop: Record<number, string[]> = {};
  for (const n of [...range(1, 10), 12, 15, 17]) expectStop[n] = ['6.1'];
  for (const n of [11, 13]) expectStop[n] = ['6.1.1'];
  for (const n of [19, 20]) expectStop[n] = ['6'];
  assert.deepEqual(where('stopIfFound'), expectStop);
  assert.deepEqual(where('stopIfZero'), { 16: ['group 6'] });
  assert.deepEqual(where('appliesWhen'), Object.fromEntries(range(1, 25).map((n) => [n, ['5.2']])));
});

for (const s of sheets) {
  const codes = findingCodes(s);
  test(`sheet ${s.number}: a knock-out found makes the best sheet not recognised and names the criterion (${codes.join(', ') || 'none'})`, () => {
    const best = bestAnswers(s);
    const clean = evaluate(s, best, RULES);
    assert.deepEqual([clean.stars, clean.knockedOutBy, clean.stoppedAt], [5, [], null]);
    for (const code of codes) {
      const r = evaluate(s, best, RULES, undefined, { knockOuts: [code] });
      assert.equal(r.stars, null, `${code}`);
      assert.equal(r.total, 100, 'the points are still shown');
      assert.deepEqual(r.knockedOutBy, [code]);
      const stops = criteriaOf(s).find((c) => c.code === code)!.rules!.some((x) => x.kind === 'stopIfFound');
      assert.equal(r.stoppedAt, stops ? code : null);
      assert.deepEqual(nextStarAdvice(s, best, RULES, undefined, { knockOuts: [code] }).targetStars, null);
    }
  });

  test(`sheet ${s.number}: a criterion without a knock-out note is refused with its field path`, () => {
    const plain = criteriaOf(s).find((c) => !codes.includes(c.code))!;
    assert.throws(() => evaluate(s, {}, RULES, undefined, { knockOuts: [...codes, plain.code] }), (e: unknown) =>
      e instanceof AppError && e.code === 'no_knock_out' && (e.extra as { field: string }).field === `knockOuts.${codes.length}`);
  });

  const applies = criteriaOf(s).find((c) => c.rules?.some((r) => r.kind === 'appliesWhen'));
  if (applies) {
    test(`sheet ${s.number}: ${applies.code} applies only with a product story; without one it scores 0`, () => {
      const best = bestAnswers(s);
      const story = criteriaOf(s).find((c) => c.code === '5.1')!;
      const none = story.options.find((o) => o.id === '5.1.a')!;
      // Answered "no story" but the best option on 5.2: 5.2 does not count.
      const r = evaluate(s, { ...best, '5.1': none.id }, RULES);
      assert.equal(r.total, 100 - (story.max - none.points) - applies.max);
      assert.deepEqual(r.notApplicable, [{ criterion: applies.code, condition: 'hasProductStory' }]);
      // 5.1 not answered: the scorer's statement decides.
      const { ['5.1']: _s, ...rest } = best;
      assert.equal(evaluate(s, rest, RULES, undefined, { conditions: { hasProductStory: false } }).total, 100 - story.max - applies.max);
      assert.equal(evaluate(s, rest, RULES, undefined, { conditions: { hasProductStory: true } }).total, 100 - story.max);
      assert.deepEqual(evaluate(s, rest, RULES).notApplicable, [], 'unknown: the criterion applies');
      // A statement the answers contradict is refused.
      assert.throws(() => evaluate(s, best, RULES, undefined, { conditions: { hasProductStory: false } }), (e: unknown) =>
        e instanceof AppError && e.code === 'condition_contradicts_answers' && (e.extra as { field: string }).field === 'conditions.hasProductStory');
    });
  }
}

test('sheet 16: a 0 on any sensory criterion stops the evaluation (not recognised, stopped at that criterion)', () => {
  const s = sheets.find((x) => x.number === 16)!;
  const best = bestAnswers(s);
  for (const code of ['6.1', '6.2', '6.3', '6.4']) {
    const zero = criteriaOf(s).find((c) => c.code === code)!.options.find((o) => o.points === 0)!;
    const r = evaluate(s, { ...best, [code]: zero.id }, RULES);
    assert.deepEqual([r.stars, r.stoppedAt, r.knockedOutBy], [null, code, []], code);
    assert.ok(r.total >= 90, 'points alone would have been 5★');
  }
  const { ['6.3']: _x, ...unanswered } = best;
  assert.equal(evaluate(s, unanswered, RULES).stoppedAt, '6.3', 'no answer scores 0');
});

test('council: a knock-out found by a majority of the members who scored eliminates; a minority does not', () => {
  const s = sheets.find((x) => x.number === 8)!;
  const best = bestAnswers(s);
  const three = [best, best, best];
  const minority = evaluateCouncil(s, three, RULES, undefined, [{ knockOuts: ['1.1'] }, {}, {}]);
  assert.deepEqual([minority.stars, minority.knockedOutBy, minority.knockOutVotes], [5, [], [{ criterion: '1.1', foundBy: 1 }]]);
  const majority = evaluateCouncil(s, three, RULES, undefined, [{ knockOuts: ['1.1'] }, { knockOuts: ['1.1', '2.1'] }, {}]);
  assert.deepEqual([majority.stars, majority.knockedOutBy, majority.total], [null, ['1.1'], 100]);
  assert.deepEqual(majority.knockOutVotes, [{ criterion: '1.1', foundBy: 2 }, { criterion: '2.1', foundBy: 1 }]);
  const tie = evaluateCouncil(s, [best, best], RULES, undefined, [{ knockOuts: ['2.1'] }, {}]);
  assert.deepEqual([tie.stars, tie.knockedOutBy], [5, []], 'a tie is not a majority');
  assert.throws(() => evaluateCouncil(s, three, RULES, undefined, [{}, { knockOuts: ['3.1'] }]), (e: unknown) =>
    e instanceof AppError && (e.extra as { field: string }).field === 'members.1.knockOuts.0');
});

test('council: each member\'s total counts their own reading of 5.2; the stop on a zero needs a majority', () => {
  const s = sheets.find((x) => x.number === 16)!;
  const best = bestAnswers(s);
  const noStory = { ...best, '5.1': '5.1.a' };
  const r = evaluateCouncil(s, [noStory, best], RULES);
  assert.equal(r.exactTotal, ((100 - 5 - 2) + 100) / 2);
  const zero = { ...best, '6.2': criteriaOf(s).find((c) => c.code === '6.2')!.options.find((o) => o.points === 0)!.id };
  assert.equal(evaluateCouncil(s, [zero, best, best], RULES).stoppedAt, null);
  assert.equal(evaluateCouncil(s, [zero, zero, best], RULES).stoppedAt, '6.2');
});
