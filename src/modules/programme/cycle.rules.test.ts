// The cycle's pure rules on the real sheets and legal numbers: the step of a product or an idea, the council's
// consensus answers and the upgrade path (no database).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answersNear, criteriaOf, getSheet, RULES, type Answers } from '../scoring/index.js';
import { consensusAnswers, ideaStep, productStep, stepsAround, upgradePath, CYCLE } from './cycle.rules.js';

const sheet = getSheet(4)!;
const best = (): Answers => Object.fromEntries(criteriaOf(sheet).map((c) => [c.code, c.options.reduce((a, b) => (b.points > a.points ? b : a)).id]));
const lowest = (code: string) => criteriaOf(sheet).find((c) => c.code === code)!.options.reduce((a, b) => (b.points < a.points ? b : a)).id;

test('the six steps come from the data, in order, with the source named', () => {
  assert.deepEqual(CYCLE.steps.map((s) => s.vi.split(' ')[0]), ['Tuyên', 'Nhận', 'Nhận', 'Triển', 'Đánh', 'Xúc']);
  assert.match(CYCLE.source, /ocop-domain\.md/);
  assert.deepEqual(stepsAround('business_plan').map((s) => s.state), ['done', 'done', 'current', 'ahead', 'ahead', 'ahead']);
});

test('a product\'s step is derived: certified → trade promotion, a dossier under way → rating, else carrying out its plan', () => {
  assert.deepEqual(productStep({ certificateInForce: true, latestDossierStatus: 'council_scoring', hadCertificate: true }), { step: 'trade_promotion', reason: 'certified' });
  assert.deepEqual(productStep({ certificateInForce: false, latestDossierStatus: 'submitted', hadCertificate: false }), { step: 'rating', reason: 'dossier_in_progress' });
  assert.deepEqual(productStep({ certificateInForce: false, latestDossierStatus: 'not_recognised', hadCertificate: false }), { step: 'implementation', reason: 'product_registered' });
  assert.deepEqual(productStep({ certificateInForce: false, latestDossierStatus: null, hadCertificate: true }), { step: 'implementation', reason: 'certificate_lapsed' });
  assert.equal(ideaStep({ status: 'returned', step: 'idea', hasBusinessPlan: false }).step, 'idea');
  assert.deepEqual(ideaStep({ status: 'accepted', step: 'business_plan', hasBusinessPlan: true }), { step: 'business_plan', reason: 'business_plan_received' });
  assert.equal(ideaStep({ status: 'accepted', step: 'implementation', hasBusinessPlan: true }).step, 'implementation');
});

test('the council\'s consensus is the lower median of the members\' points per criterion', () => {
  const c = criteriaOf(sheet).find((x) => x.options.length >= 3)!;
  const [lo, mid, hi] = [...c.options].sort((a, b) => a.points - b.points);
  assert.equal(consensusAnswers(sheet, [{ [c.code]: hi.id }, { [c.code]: lo.id }, { [c.code]: mid.id }])[c.code], mid.id);
  assert.equal(consensusAnswers(sheet, [{ [c.code]: hi.id }, { [c.code]: lo.id }])[c.code], lo.id, 'two members split: the lower');
  assert.equal(consensusAnswers(sheet, [{}, { [c.code]: hi.id }])[c.code], undefined, 'half the council left it unanswered');
});

test('the upgrade path: points missing per criterion group, the largest gains first; none at the top star', () => {
  const four = answersNear(sheet, 80);
  const path = upgradePath(sheet, [four, four, four], RULES);
  assert.deepEqual([path.currentStars, path.targetStars, path.total], [4, 5, 80]);
  assert.equal(path.pointsNeeded, 10);
  assert.ok(path.groups.length > 0);
  const gains = path.groups.map((g) => g.gain);
  assert.deepEqual(gains, [...gains].sort((a, b) => b - a), 'groups ordered by gain');
  for (const g of path.groups) {
    assert.equal(g.gain, g.criteria.reduce((s, c) => s + c.gain, 0));
    for (const c of g.criteria) assert.equal(c.gain, c.max - c.points);
    assert.ok(g.name.length > 0);
  }
  // The points still available add up to the sheet's maximum less the total.
  assert.equal(path.groups.reduce((s, g) => s + g.gain, 0), 100 - path.total);

  const top = upgradePath(sheet, [best()], RULES);
  assert.deepEqual([top.currentStars, top.targetStars, top.groups], [5, null, []]);
});

test('a missed minimum of the next star comes first in its group and is named', () => {
  const marked = criteriaOf(sheet).find((c) => c.options.some((o) => o.minStar === 5))!;
  const answers = { ...best(), [marked.code]: lowest(marked.code) };
  const path = upgradePath(sheet, [answers], RULES);
  assert.ok(path.minimumsToMeet.some((m) => m.code === marked.code && m.requiredStar === 5), JSON.stringify(path.minimumsToMeet));
  const group = path.groups.find((g) => g.criteria.some((c) => c.code === marked.code))!;
  assert.equal(group.criteria[0].code, marked.code);
  assert.equal(group.criteria[0].missesMinimum, true);
});
