import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentOf, toCsv } from './stats.rules.js';

test('the share has one decimal; nothing to divide by gives 0', () => {
  assert.equal(percentOf(1, 3), 33.3);
  assert.equal(percentOf(2, 3), 66.7);
  assert.equal(percentOf(5, 10), 50);
  assert.equal(percentOf(0, 0), 0);
});

test('CSV: BOM, header, quoting, CRLF, no formula injection, empty for null', () => {
  const csv = toCsv(['name', 'count'], [{ name: 'Hà Giang, cũ', count: 3 }, { name: '=HYPERLINK("x")', count: null }, { name: 'Mật "ong"', count: 0 }]);
  assert.equal(csv, '\uFEFFname,count\r\n"Hà Giang, cũ",3\r\n"\'=HYPERLINK(""x"")",\r\n"Mật ""ong""",0\r\n');
});
