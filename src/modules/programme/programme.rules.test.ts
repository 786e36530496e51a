import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expiryState, parseStandardsData, requirementsFor, STANDARDS } from './standards.rules.js';
import { asciiSlug, ratingSummary, signCheckin, verifyCheckin } from './trainings.rules.js';

const ID = '3f2b8c1e-7a4d-4e2b-9c1a-2b3c4d5e6f70';
const AT = new Date('2026-11-10T01:00:00Z');

test('a check-in link is good until it expires, and only with the training\'s own key, unaltered', () => {
  const { token, expiresAt } = signCheckin('key-1', ID, AT, 600);
  assert.equal(expiresAt.toISOString(), '2026-11-10T01:10:00.000Z');
  assert.equal(verifyCheckin('key-1', token, new Date('2026-11-10T01:09:59Z')), 'ok');
  assert.equal(verifyCheckin('key-1', token, new Date('2026-11-10T01:10:01Z')), 'expired');
  assert.equal(verifyCheckin('key-2', token, AT), 'bad_signature');
  const [id, exp, mac] = token.split('.');
  assert.equal(verifyCheckin('key-1', `${id}.${Number(exp) + 3600}.${mac}`, AT), 'bad_signature');
  assert.equal(verifyCheckin('key-1', 'not-a-token', AT), 'malformed');
  assert.equal(verifyCheckin(null, token, AT), 'malformed');
});

test('file names keep their meaning in ASCII; ratings average to one decimal', () => {
  assert.equal(asciiSlug('Tập huấn Đổi mới sản phẩm OCOP'), 'tap-huan-doi-moi-san-pham-ocop');
  assert.deepEqual(ratingSummary([]), { count: 0, averages: null });
  assert.deepEqual(ratingSummary([{ content: 5, trainers: 4, organisation: 3, usefulness: 5 }, { content: 4, trainers: 4, organisation: 4, usefulness: 4 }]).averages, { content: 4.5, trainers: 4, organisation: 3.5, usefulness: 4.5 });
});

test('the standards data: a honey\'s checklist, its markets\' extra requirements, the warning lead time', () => {
  const honey = requirementsFor(4, []).map((r) => r.code);
  assert.ok(honey.includes('food_safety_certificate') && honey.includes('honey_standard') && !honey.includes('fish_sauce_standard'));
  assert.equal(new Set(honey).size, honey.length, 'each requirement once');
  const eu = requirementsFor(4, ['EU']).filter((r) => r.market === 'EU').map((r) => r.code);
  assert.ok(eu.includes('eu_honey') && !requirementsFor(9, ['EU']).some((r) => r.code === 'eu_honey'));
  assert.equal(STANDARDS.warnDaysBeforeExpiry, 60);
  assert.deepEqual(expiryState('2026-12-01', '2026-11-01'), { state: 'expiring', daysLeft: 30 });
  assert.deepEqual(expiryState('2027-06-01', '2026-11-01', 60)?.state, 'valid');
  assert.deepEqual(expiryState('2026-10-31', '2026-11-01'), { state: 'expired', daysLeft: -1 });
  assert.equal(expiryState(null, '2026-11-01'), null);
  assert.throws(() => parseStandardsData({ ...STANDARDS, productSets: [{ sheets: [1], requirements: ['no_such'] }] }));
});
