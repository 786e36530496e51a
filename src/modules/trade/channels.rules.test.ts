import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHANNEL_DATA, counts, isCurrent, modernTypes, parseChannelData, statusAfterEdit } from './channels.rules.js';

test('the modern types come from data/trade/channels.json: the default five, with the 50 % target and its source', () => {
  assert.deepEqual(modernTypes().sort(), ['convenience_store', 'ecommerce', 'export', 'ocop_point_of_sale', 'supermarket']);
  assert.equal(CHANNEL_DATA.modernChannelTarget.percent, 50);
  assert.match(CHANNEL_DATA.modernChannelTarget.source, /919\/QĐ-TTg/);
  const edited = { ...CHANNEL_DATA, types: CHANNEL_DATA.types.map((t) => ({ ...t, modern: t.code === 'livestream' })) };
  assert.deepEqual(modernTypes(parseChannelData(edited)), ['livestream']);
  assert.throws(() => parseChannelData({ ...CHANNEL_DATA, types: CHANNEL_DATA.types.slice(1) }));
  assert.throws(() => parseChannelData({ ...CHANNEL_DATA, types: [...CHANNEL_DATA.types.slice(1), { code: 'bazaar', vi: '', en: '', modern: true }] }));
});

test('a channel counts when verified and current (the end day included)', () => {
  const c = { status: 'verified' as const, startsOn: '2026-01-01', endsOn: '2026-06-30' };
  assert.ok(counts(c, '2026-01-01') && counts(c, '2026-06-30'));
  assert.ok(!counts(c, '2025-12-31') && !counts(c, '2026-07-01'));
  assert.ok(!counts({ ...c, status: 'unverified' }, '2026-03-01'));
  assert.ok(isCurrent({ startsOn: '2026-01-01', endsOn: null }, '2099-01-01'));
});

test('editing the substance of a verified channel returns it to unverified; the price or the note do not', () => {
  const before = { status: 'verified' as const, type: 'supermarket', partnerName: 'Co.op Mart', shopUrl: null, startsOn: '2026-01-01', endsOn: null, priceVnd: 100, note: null };
  assert.equal(statusAfterEdit(before, { priceVnd: 120000, note: 'x' }), 'verified');
  assert.equal(statusAfterEdit(before, { partnerName: 'Co.op Mart' }), 'verified', 'the same value is no change');
  assert.equal(statusAfterEdit(before, { partnerName: 'WinMart' }), 'unverified');
  assert.equal(statusAfterEdit(before, { endsOn: '2026-12-31' }), 'unverified');
  assert.equal(statusAfterEdit({ ...before, status: 'rejected' }, { shopUrl: 'https://shop.example' }), 'unverified');
});
