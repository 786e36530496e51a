// The sheets' deciding notes through the HTTP API: the public evaluation's exact shape (knockOuts in, recognised and
// knockedOutBy out, 4xx for a criterion without a knock-out note), the producer's self-assessment, a council whose
// majority finds a knock-out, and the office returning or rejecting a dossier on a criterion's knock-out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/harness.js';
import { answersAround, dossierAtAdvisory, newProduct, ok, openSessionWith, provincialCouncil, submitScore, today, world, type World } from './scoring.fixtures.js';
import { bestAnswers } from './scoring.rules.js';
import { getSheet } from './sheets.data.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

type Res = Awaited<ReturnType<TestApp['call']>>;
function problem(res: Res, status: number, code: string, field: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
  const p = res.json();
  assert.deepEqual([p.code, p.field], [code, field], res.body);
  assert.ok(p.message.vi && p.message.en);
}
const evaluate = (sheet: number, body: unknown) => t.call({ method: 'POST', url: `/api/v1/score-sheets/${sheet}/evaluate`, body: body as never });

test('evaluate: knockOuts makes a 100-point sheet not recognised and names the criterion; none gives an empty array', async () => {
  const answers = bestAnswers(getSheet(8)!);
  const clean = (await evaluate(8, { answers })).json();
  assert.deepEqual([clean.recognised, clean.knockedOutBy, clean.stars, clean.stoppedAt, clean.notApplicable], [true, [], 5, null, []]);
  const res = await evaluate(8, { answers, knockOuts: ['2.1', '1.1', '1.1'] });
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json();
  assert.deepEqual([r.recognised, r.knockedOutBy, r.stars, r.total, r.band, r.instrument, r.sheet], [false, ['1.1', '2.1'], null, 100, 5, 'QĐ 26/2026/QĐ-TTg', 8]);
  assert.ok('unmetMinimums' in r && 'parts' in r && 'nextStar' in r, 'the other fields stay');
  // A stop on a finding (sheet 2, 6.1: unacceptable impurities) is named too, with where the evaluation stopped.
  const stop = (await evaluate(2, { answers: bestAnswers(getSheet(2)!), knockOuts: ['6.1'] })).json();
  assert.deepEqual([stop.recognised, stop.knockedOutBy, stop.stoppedAt], [false, ['6.1'], '6.1']);
});

test('evaluate: a criterion code without a knock-out note is 400 problem+json at knockOuts.N; bad shapes too', async () => {
  problem(await evaluate(8, { answers: {}, knockOuts: ['3.1'] }), 400, 'no_knock_out', 'knockOuts.0');
  problem(await evaluate(8, { answers: {}, knockOuts: ['1.1', '99.9'] }), 400, 'no_knock_out', 'knockOuts.1');
  problem(await evaluate(16, { answers: {}, knockOuts: ['1.1'] }), 400, 'no_knock_out', 'knockOuts.0');
  for (const [body, field] of [
    [{ answers: {}, knockOuts: '1.1' }, 'knockOuts'],
    [{ answers: {}, knockOuts: ['1.1; DROP TABLE dossier'] }, 'knockOuts.0'],
    [{ answers: {}, knockOuts: Array.from({ length: 31 }, () => '1.1') }, 'knockOuts'],
    [{ answers: {}, conditions: { hasProductStory: 'no' } }, 'conditions.hasProductStory'],
    [{ answers: {}, conditions: { hasStory: true } }, 'conditions'],
  ] as const) {
    const res = await evaluate(8, body);
    assert.equal(res.statusCode, 400, JSON.stringify(body).slice(0, 80));
    assert.ok(String(res.json().field).startsWith(field), `${res.json().field} vs ${field}`);
  }
});

test('evaluate: conditions.hasProductStory=false scores 5.2 as 0; a statement the answers contradict is 400', async () => {
  const { ['5.1']: _story, ...answers } = bestAnswers(getSheet(8)!);
  const r = (await evaluate(8, { answers, conditions: { hasProductStory: false } })).json();
  assert.deepEqual(r.notApplicable, [{ criterion: '5.2', condition: 'hasProductStory' }]);
  assert.equal(r.total, 100 - 5 - 2);
  problem(await evaluate(8, { answers: { '5.1': '5.1.a' }, conditions: { hasProductStory: true } }), 400, 'condition_contradicts_answers', 'conditions.hasProductStory');
});

test('self-assessment: the producer\'s knock-outs are kept on the dossier and shown in its evaluation', async () => {
  const productId = await newProduct(w, 'Mật ong hoa cà phê');
  const bad = await t.call({ method: 'POST', url: '/api/v1/dossiers', body: { productId, type: 'first', answers: answersAround(80), knockOuts: ['1.1'] }, as: w.entity });
  problem(bad, 400, 'no_knock_out', 'knockOuts.0');
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first', answers: answersAround(80), knockOuts: ['2.1'] });
  assert.deepEqual([d.knockOuts, d.selfEvaluation.knockedOutBy, d.selfEvaluation.stars], [['2.1'], ['2.1'], null]);
  d = await ok(w, 'PATCH', `/dossiers/${d.id}`, w.entity, { knockOuts: [], version: d.version });
  assert.deepEqual([d.knockOuts, d.selfEvaluation.knockedOutBy], [[], []]);
  assert.ok(d.selfEvaluation.stars >= 3);
});

test('council: a knock-out found by the majority makes a 100-point product not recognised (not sent to the Ministry)', async () => {
  const best = answersAround(100);
  const d0 = await dossierAtAdvisory(w, best, 'Mật ong bạc hà loại bỏ');
  const council = await provincialCouncil(w); // chair + 2 members
  const s = await openSessionWith(w, council, [d0.id]);
  const itemId = s.items[0].id;
  const wrong = await t.call({ method: 'PUT', url: `/api/v1/sessions/${s.id}/items/${itemId}/score`, body: { answers: best, knockOuts: ['4.1'] }, as: council.members[0] });
  problem(wrong, 400, 'no_knock_out', 'knockOuts.0');
  const [chair, m1, m2] = council.all;
  const mine = await ok(w, 'PUT', `/sessions/${s.id}/items/${itemId}/score`, chair, { answers: best, knockOuts: ['2.1'], submit: true });
  assert.deepEqual([mine.knockOuts, mine.stars], [['2.1'], null]);
  await ok(w, 'PUT', `/sessions/${s.id}/items/${itemId}/score`, m1, { answers: best, knockOuts: ['2.1'], submit: true });
  await submitScore(w, s.id, itemId, m2, best);
  const closed = await ok(w, 'POST', `/sessions/${s.id}/close`, w.province, { version: s.version });
  assert.deepEqual([closed.items[0].result.knockedOutBy, closed.items[0].result.stars], [['2.1'], 0]);
  assert.deepEqual(closed.items[0].result.knockOutVotes, [{ criterion: '2.1', foundBy: 2 }]);
  let d = await ok(w, 'GET', `/dossiers/${d0.id}`, w.province);
  assert.equal(d.provinceResult.mean, 100);
  assert.deepEqual(d.provinceResult.knockedOutBy, ['2.1']);
  assert.deepEqual(d.plannedDecision, { outcome: 'not_recognised', stars: null, basis: 'province_council', mean: 100 });
  d = await ok(w, 'POST', `/dossiers/${d.id}/decide`, w.province, { decisionNumber: '51/QĐ-UBND', decisionDate: today(), version: d.version });
  assert.deepEqual([d.status, d.stars], ['not_recognised', null]);
});

test('council: one member of three finding a knock-out does not change the result', async () => {
  const best = answersAround(100);
  const d0 = await dossierAtAdvisory(w, best, 'Mật ong bạc hà thiểu số');
  const council = await provincialCouncil(w);
  const s = await openSessionWith(w, council, [d0.id]);
  const itemId = s.items[0].id;
  await ok(w, 'PUT', `/sessions/${s.id}/items/${itemId}/score`, council.all[0], { answers: best, knockOuts: ['6.1'], submit: true });
  for (const m of council.all.slice(1)) await submitScore(w, s.id, itemId, m, best);
  const closed = await ok(w, 'POST', `/sessions/${s.id}/close`, w.province, { version: s.version });
  assert.deepEqual([closed.items[0].result.knockedOutBy, closed.items[0].result.stoppedAt, closed.items[0].result.stars], [[], null, 5]);
  const d = await ok(w, 'GET', `/dossiers/${d0.id}`, w.province);
  assert.equal(d.plannedDecision.outcome, 'sent_to_central');
});

test('the office returns a dossier citing a criterion knock-out, or rejects it on one; codes are checked against the sheet', async () => {
  const productId = await newProduct(w, 'Mật ong nhập khẩu đóng lại');
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first', answers: answersAround(70) });
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  assert.deepEqual(d.knockOutNotes.map((k: { criterion: string }) => k.criterion), ['2.1', '6.1'], 'the notes the office may cite');
  problem(await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/return`, body: { reasons: ['Sản phẩm phổ biến'], knockOuts: ['1.1'], version: d.version }, as: w.commune }), 400, 'no_knock_out', 'knockOuts.0');
  d = await ok(w, 'POST', `/dossiers/${d.id}/return`, w.commune, { reasons: ['Sản phẩm phổ biến, chưa thấy sự nổi trội'], knockOuts: ['2.1'], version: d.version });
  assert.deepEqual(d.returns.map((r: { knockOuts: string[] }) => r.knockOuts), [['2.1']]);
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });

  const reject = (body: Record<string, unknown>) => t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/reject`, body: { version: d.version, ...body }, as: w.commune });
  problem(await reject({ knockOut: '3.1' }), 400, 'no_knock_out', 'knockOut');
  problem(await reject({}), 400, 'rejection_ground_required', 'condition');
  problem(await reject({ knockOut: '2.1', condition: getSheet(4)!.rejectionConditions[0] }), 400, 'rejection_ground_required', 'condition');
  const res = await reject({ knockOut: '2.1', note: 'Mật ong phổ biến, không nổi trội' });
  assert.equal(res.statusCode, 200, res.body);
  const rejected = res.json();
  assert.equal(rejected.status, 'rejected');
  assert.equal(rejected.rejection.knockOut, '2.1');
  assert.match(rejected.rejection.condition, /^Không đánh giá những sản phẩm có tính phổ biến/);
});
