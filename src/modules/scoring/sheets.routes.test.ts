// The public score-sheet API: the list, one sheet's tree, the evaluation, and refusals of bad input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/harness.js';
import { bestAnswers, minimumsAt } from './scoring.rules.js';
import { criteriaOf, getSheet } from './sheets.data.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

test('GET /score-sheets lists the 26 sheets in force with product set and instrument, cacheable', async () => {
  const res = await t.call({ url: '/api/v1/score-sheets' });
  assert.equal(res.statusCode, 200);
  const list = res.json();
  assert.equal(list.length, 26);
  assert.deepEqual(list[0], { number: 1, productSet: 'Rau, củ, quả, hạt tươi', sector: 'Thực phẩm', group: 'Thực phẩm tươi sống', instrument: 'QĐ 26/2026/QĐ-TTg', instrumentDate: '2026-05-22' });
  assert.match(res.headers['cache-control'] as string, /public/);
  const again = await t.call({ url: '/api/v1/score-sheets', headers: { 'if-none-match': res.headers.etag as string } });
  assert.equal(again.statusCode, 304);
});

test('GET /score-sheets/{n} returns the full tree with codes, points and star markers; ETag revalidates', async () => {
  const res = await t.call({ url: '/api/v1/score-sheets/13' });
  assert.equal(res.statusCode, 200);
  const sheet = res.json();
  assert.equal(sheet.number, 13);
  assert.deepEqual(sheet.parts.map((p: { code: string; max: number }) => [p.code, p.max]), [['A', 40], ['B', 25], ['C', 35]]);
  const c = sheet.parts[2].groups[0].criteria.find((x: { code: string }) => x.code === '6.1.1');
  assert.ok(c.options.every((o: { id: string; points: number; minStar: number | null }) => o.id.startsWith('6.1.1.') && typeof o.points === 'number' && 'minStar' in o));
  assert.ok(sheet.parts.some((p: { groups: { criteria: { options: { minStar: number | null }[] }[] }[] }) => p.groups.some((g) => g.criteria.some((cr) => cr.options.some((o) => o.minStar === 5)))));
  const etag = res.headers.etag as string;
  assert.ok(etag);
  assert.equal((await t.call({ url: '/api/v1/score-sheets/13', headers: { 'if-none-match': etag } })).statusCode, 304);
  assert.equal((await t.call({ url: '/api/v1/score-sheets/26' })).json().rejectionText, null);
});

test('sheets 0, 27 and abc are 404 problem+json', async () => {
  for (const n of ['0', '27', 'abc', '1.5', '001']) {
    const res = await t.call({ url: `/api/v1/score-sheets/${n}` });
    assert.equal(res.statusCode, 404, n);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json().code, 'score_sheet_not_found');
    assert.equal((await t.call({ method: 'POST', url: `/api/v1/score-sheets/${n}/evaluate`, body: { answers: {} } })).statusCode, 404);
  }
});

test('evaluate: every best option of sheet 1 → 100 and 5★, without logging in', async () => {
  const res = await t.call({ method: 'POST', url: '/api/v1/score-sheets/1/evaluate', body: { answers: bestAnswers(getSheet(1)!) } });
  assert.equal(res.statusCode, 200);
  const r = res.json();
  assert.deepEqual([r.total, r.parts, r.band, r.stars, r.unmetMinimums, r.instrument, r.recognised], [100, { A: 40, B: 25, C: 35 }, 5, 5, [], 'QĐ 26/2026/QĐ-TTg', true]);
  assert.equal(r.nextStar.targetStars, null);
});

test('evaluate: a 90+ total missing a 5★ minimum is 4★, and the unmet minimum is named', async () => {
  const sheet = getSheet(1)!;
  const m = minimumsAt(sheet, 5).find((x) => x.option.minStar === 5)!;
  const lower = m.criterion.options.filter((o) => o.points < m.option.points).sort((a, b) => b.points - a.points)[0];
  const res = await t.call({ method: 'POST', url: '/api/v1/score-sheets/1/evaluate', body: { answers: { ...bestAnswers(sheet), [m.criterion.code]: lower.id } } });
  const r = res.json();
  assert.equal(r.band, 5);
  assert.equal(r.stars, 4);
  assert.deepEqual(r.unmetMinimums, [{ criterion: m.criterion.code, requiredStar: 5, requiredOption: m.option.id, chosenOption: lower.id }]);
  assert.equal(r.nextStar.targetStars, 5);
});

test('evaluate: an empty answer set scores 0, 1★, no recognised stars', async () => {
  const r = (await t.call({ method: 'POST', url: '/api/v1/score-sheets/11/evaluate', body: { answers: {} } })).json();
  assert.deepEqual([r.total, r.band, r.stars, r.recognised], [0, 1, null, false]);
  assert.ok(r.unmetMinimums.length > 0);
});

test('evaluate refuses unknown criteria, options of another criterion and bad shapes with the field path', async () => {
  const sheet = getSheet(1)!;
  const [first, second] = criteriaOf(sheet);
  const cases: [unknown, string][] = [
    [{ answers: { '99.9': '99.9.a' } }, 'answers.99.9'],
    [{ answers: { [first.code]: second.options[0].id } }, `answers.${first.code}`],
    [{ answers: { [first.code]: 3 } }, `answers.${first.code}`],
    [{ answers: [] }, 'answers'],
    [{}, 'answers'],
    [{ answers: {}, extra: true }, 'extra'],
    [{ answers: { [first.code]: 'x'.repeat(500) } }, `answers.${first.code}`],
  ];
  for (const [body, field] of cases) {
    const res = await t.call({ method: 'POST', url: '/api/v1/score-sheets/1/evaluate', body: body as never });
    assert.equal(res.statusCode, 400, JSON.stringify(body).slice(0, 80));
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json().field, field, JSON.stringify(res.json()));
    assert.ok(res.json().message.vi && res.json().message.en);
  }
});
