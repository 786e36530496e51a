// Điều 11.2 and 12.2 of QĐ 26/2026/QĐ-TTg: dossiers pending on 22/05/2026 are finished under the instrument they were
// filed under within 60 days (first rating, upgrade) or 30 days (re-rating) of that day; QĐ 148/QĐ-TTg and QĐ
// 1489/QĐ-TTg lapse 60 days after it. The numbers are data (data/rules), the arithmetic pure, the queue shows it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MEO_VAC, testApp, type TestApp } from '../../../test/harness.js';
import { recordTransitionFiling } from './commands/record-transition-filing.js';
import { lapsingInstruments, transitionDueOn } from './deadlines.rules.js';
import { RULES } from './rules.data.js';
import { answersAround, newProduct, ok, world, type World } from './scoring.fixtures.js';

test('the transition numbers are in data/rules with the articles cited', () => {
  const t = RULES.transition;
  assert.deepEqual([t.pendingDossiers.effectiveOn, t.pendingDossiers.finishWithinDays], ['2026-05-22', { first: 60, upgrade: 60, rerating: 30 }]);
  assert.match(t.pendingDossiers.source, /Điều 12 khoản 2/);
  assert.deepEqual([t.lapsing.instruments, t.lapsing.daysAfterEffective], [['QĐ 148/QĐ-TTg', 'QĐ 1489/QĐ-TTg'], 60]);
  assert.match(t.lapsing.source, /Điều 11 khoản 2/);
});

test('deadlines: 60 days for first ratings and upgrades, 30 for re-ratings, from 22/05/2026; none after it', () => {
  const filed = { filedUnder: 'QĐ 148/QĐ-TTg', filedOn: '2026-05-12' };
  assert.equal(transitionDueOn({ ...filed, type: 'first' }), '2026-07-21');
  assert.equal(transitionDueOn({ ...filed, type: 'upgrade' }), '2026-07-21');
  assert.equal(transitionDueOn({ ...filed, type: 'rerating' }), '2026-06-21');
  assert.equal(transitionDueOn({ ...filed, type: 'first', filedOn: '2026-05-21' }), '2026-07-21', 'the day before');
  assert.equal(transitionDueOn({ ...filed, type: 'first', filedOn: '2026-05-22' }), null, 'filed on the day QĐ 26 took effect');
  assert.equal(transitionDueOn({ type: 'first', filedUnder: 'QĐ 26/2026/QĐ-TTg', filedOn: '2026-05-12' }), null);
  assert.equal(transitionDueOn({ ...filed, type: 'first', filedOn: null }), null, 'not filed');
  assert.deepEqual(lapsingInstruments(), { instruments: ['QĐ 148/QĐ-TTg', 'QĐ 1489/QĐ-TTg'], lastDayInForce: '2026-07-21' });
});

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

async function forwarded(name: string) {
  const productId = await newProduct(w, name);
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first', answers: answersAround(70) });
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  return d as { id: string; version: number };
}
const record = (as: 'province' | 'central' | 'commune', id: string, input: { filedUnder: string; filedOn: string }) => {
  const s = w[as];
  return t.database.db.transaction((tx) => recordTransitionFiling({ actor: { kind: 'user', id: s.user.id, role: as, provinceCode: as === 'province' ? '08' : null, communeCode: as === 'commune' ? MEO_VAC : null, entityId: null, via: 'session' }, tx, log: console as never, now: new Date() }, id, input));
};

test('a dossier filed under QĐ 148 before 22/05/2026 keeps that instrument and shows its transition deadline in the queue', async () => {
  const d = await forwarded('Mật ong hồ sơ nộp theo QĐ 148');
  await record('province', d.id, { filedUnder: 'QĐ 148/QĐ-TTg', filedOn: '2026-05-12' });
  const got = await ok(w, 'GET', `/dossiers/${d.id}`, w.province);
  assert.deepEqual([got.filedUnder, got.submittedOn, got.deadlines.transitionDueOn], ['QĐ 148/QĐ-TTg', '2026-05-12', '2026-07-21']);
  assert.equal(got.instrument, 'QĐ 26/2026/QĐ-TTg', 'the score sheets used: only QĐ 26\'s are in data/');
  const queue = await ok(w, 'GET', '/dossiers?pageSize=100', w.province);
  const item = queue.items.find((x: { id: string }) => x.id === d.id);
  assert.deepEqual([item.filedUnder, item.transitionDueOn], ['QĐ 148/QĐ-TTg', '2026-07-21']);
  // The earliest deadline governs: the transition deadline is earlier than the commune's 15 working days from today.
  assert.equal(item.due, '2026-07-21');
  assert.equal(item.overdue, new Date().toISOString().slice(0, 10) > '2026-07-21');

  const plain = await forwarded('Mật ong hồ sơ nộp theo QĐ 26');
  const p = await ok(w, 'GET', `/dossiers/${plain.id}`, w.province);
  assert.deepEqual([p.filedUnder, p.deadlines.transitionDueOn], ['QĐ 26/2026/QĐ-TTg', null]);
});

test('recording a transition filing refuses a wrong instrument, a date on or after 22/05/2026, a commune officer', async () => {
  const d = await forwarded('Mật ong hồ sơ sai văn bản');
  const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);
  assert.equal(await code(record('province', d.id, { filedUnder: 'QĐ 26/2026/QĐ-TTg', filedOn: '2026-05-12' })), 'unknown_instrument');
  assert.equal(await code(record('province', d.id, { filedUnder: 'QĐ 999', filedOn: '2026-05-12' })), 'unknown_instrument');
  assert.equal(await code(record('province', d.id, { filedUnder: 'QĐ 148/QĐ-TTg', filedOn: '2026-05-22' })), 'not_before_effective');
  assert.equal(await code(record('province', d.id, { filedUnder: 'QĐ 148/QĐ-TTg', filedOn: '2020-01-01' })), 'not_before_effective');
  assert.equal(await code(record('commune', d.id, { filedUnder: 'QĐ 148/QĐ-TTg', filedOn: '2026-05-12' })), 'forbidden');
  const got = await ok(w, 'GET', `/dossiers/${d.id}`, w.province);
  assert.deepEqual([got.filedUnder, got.deadlines.transitionDueOn], ['QĐ 26/2026/QĐ-TTg', null], 'nothing written');
});
