import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseProductCode, productCode, vietnamYear } from './registry.rules.js';

test('product code T-X-STT-YYYY round-trips', () => {
  const code = productCode('08', '00769', 12, 2026);
  assert.equal(code, '08-00769-12-2026');
  assert.deepEqual(parseProductCode(code), { provinceCode: '08', communeCode: '00769', sequence: 12, year: 2026 });
  assert.equal(parseProductCode('8-00769-12-2026'), null);
  assert.equal(parseProductCode('08-769-12-2026'), null);
  assert.equal(parseProductCode('08-00769-x-2026'), null);
});

test('the year of a product code is the year in Viet Nam (UTC+7)', () => {
  assert.equal(vietnamYear(new Date('2026-12-31T17:30:00Z')), 2027, '00:30 on 1 January in Hà Nội');
  assert.equal(vietnamYear(new Date('2026-12-31T16:59:59Z')), 2026);
  assert.equal(vietnamYear(new Date('2026-06-15T00:00:00Z')), 2026);
});
