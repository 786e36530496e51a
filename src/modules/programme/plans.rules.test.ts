// The plans' pure rules: the target kinds' data, what a target may say for its kind, keys, labels, progress and the
// version workflow (no database).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asOfDay, kindOf, mayStep, progressPercent, targetErrors, targetLabel, TARGET_DATA, withKeys, type PlanTarget } from './plans.rules.js';

const target = (t: Partial<PlanTarget>): PlanTarget => ({ key: 't1', kind: 'new_products', label: null, stars: null, sector: null, target: 5, byCommune: [], note: null, ...t });
const codes = (ts: PlanTarget[], national = false) => targetErrors(ts, national).map((e) => `${e.path}:${e.code}`);

test('every kind names how it is measured and its source; trainings and fairs have a measure of their own', () => {
  assert.deepEqual(TARGET_DATA.kinds.map((k) => k.code), ['new_products', 'upgrades', 're_ratings', 'modern_channel_share', 'trainings', 'fairs', 'budget']);
  for (const k of TARGET_DATA.kinds) assert.ok(k.how.vi && k.how.en && k.source, k.code);
  assert.deepEqual([kindOf('trainings')?.measure, kindOf('fairs')?.measure, kindOf('budget')?.measure], ['trainings', 'fairs', 'none']);
});

test('a target says only what its kind allows', () => {
  assert.deepEqual(codes([target({ stars: 4, sector: 'I', byCommune: [{ communeCode: '00769', target: 2 }] })]), []);
  assert.deepEqual(codes([target({ kind: 'modern_channel_share', stars: 3, target: 101 })]), ['targets.0.stars:stars_not_applicable', 'targets.0.target:invalid_target_value']);
  assert.deepEqual(codes([target({ target: 2.5 })]), ['targets.0.target:invalid_target_value']);
  assert.deepEqual(codes([target({ kind: 'modern_channel_share', target: 47.5 })]), []);
  assert.deepEqual(codes([target({ kind: 'budget', target: 1e9 })]), ['targets.0.label:label_required']);
  assert.deepEqual(codes([target({ byCommune: [{ communeCode: '00769', target: 4 }, { communeCode: '00769', target: 2 }] })]),
    ['targets.0.byCommune.1.communeCode:duplicate_commune', 'targets.0.byCommune:communes_exceed_target']);
  assert.deepEqual(codes([target({ byCommune: [{ communeCode: '00769', target: 1 }] })], true), ['targets.0.byCommune:no_commune_breakdown']);
  assert.deepEqual(codes([target({}), target({ kind: 'nope' })]), ['targets.1.kind:unknown_target_kind']);
  assert.deepEqual(codes([target({}), target({})]), ['targets.1.key:duplicate_target_key']);
});

test('keys, labels, progress, the day counted on and the version steps', () => {
  assert.deepEqual(withKeys([{ ...target({}), key: null }, { ...target({}), key: 't1' }, { ...target({}), key: '' }]).map((t) => t.key), ['t2', 't1', 't3']);
  assert.deepEqual(targetLabel(target({ stars: 4, sector: 'I' }), (c, lang) => (lang === 'vi' ? 'Thực phẩm' : 'Food') + c.slice(0, 0)),
    { vi: 'Sản phẩm OCOP mới được công nhận · 4 sao · Thực phẩm', en: 'New OCOP products certified · 4 stars · Food' });
  assert.deepEqual(targetLabel(target({ kind: 'budget', label: 'Ngân sách tỉnh' })), { vi: 'Ngân sách tỉnh', en: 'Ngân sách tỉnh' });
  assert.deepEqual([progressPercent(3, 12), progressPercent(null, 5), progressPercent(2, 0)], [25, null, null]);
  assert.deepEqual([asOfDay(2025, '2026-12-03'), asOfDay(2026, '2026-12-03'), asOfDay(2027, '2026-12-03')], ['2025-12-31', '2026-12-03', '2026-12-03']);
  assert.equal(mayStep('submit', { number: 2, status: 'draft' }, 2), 'ok');
  assert.equal(mayStep('submit', { number: 2, status: 'draft' }, 1), 'not_latest');
  assert.equal(mayStep('approve', { number: 2, status: 'draft' }, 2), 'wrong_status');
  assert.equal(mayStep('approve', { number: 2, status: 'submitted' }, 2), 'ok');
  assert.equal(mayStep('submit', { number: 2, status: 'approved' }, 2), 'wrong_status');
});
