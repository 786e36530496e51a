import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentOf, rankShares, recountNeeded, splitByMonths, toCsv } from './stats.rules.js';

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

test('the counts: the marked communes recounted; a later day rolled forward by its dated changes; all recounted when never counted, on an earlier day or with other modern types', () => {
  const s = { asOf: '2026-05-01', modernTypes: ['export', 'supermarket'], dirty: false };
  assert.equal(recountNeeded(s, '2026-05-01', ['supermarket', 'export']), 'none');
  assert.equal(recountNeeded({ ...s, dirty: true }, '2026-05-01', ['supermarket', 'export']), 'dirty');
  assert.equal(recountNeeded(s, '2026-05-02', ['supermarket', 'export']), 'roll');
  assert.equal(recountNeeded({ ...s, dirty: true }, '2027-01-09', ['supermarket', 'export']), 'roll');
  assert.equal(recountNeeded(s, '2026-04-30', ['supermarket', 'export']), 'all');
  assert.equal(recountNeeded(s, '2026-05-01', ['supermarket']), 'all');
  assert.equal(recountNeeded({ asOf: null, modernTypes: null, dirty: false }, '2026-05-01', []), 'all');
});

test('a period splits into whole months and the days at its edges', () => {
  assert.deepEqual(splitByMonths({ from: '1900-01-01', to: '2026-12-03' }), { months: { first: '1900-01', last: '2026-11' }, edges: [{ from: '2026-12-01', to: '2026-12-03' }] });
  assert.deepEqual(splitByMonths({ from: '2025-03-15', to: '2025-06-30' }), { months: { first: '2025-04', last: '2025-06' }, edges: [{ from: '2025-03-15', to: '2025-03-31' }] });
  assert.deepEqual(splitByMonths({ from: '2024-12-02', to: '2025-01-30' }), { edges: [{ from: '2024-12-02', to: '2025-01-30' }] });
  assert.deepEqual(splitByMonths({ from: '2024-02-01', to: '2024-02-29' }), { months: { first: '2024-02', last: '2024-02' }, edges: [] });
  assert.deepEqual(splitByMonths({ from: '2025-05-02', to: '2025-05-01' }), { edges: [] });
});

test('areas ranked by share, then by size, then by code; reached at or above the target, never without OCOP entities', () => {
  const rows = [{ code: '02', ocop: 4, modern: 2 }, { code: '01', ocop: 0, modern: 0 }, { code: '03', ocop: 2, modern: 1 }, { code: '04', ocop: 3, modern: 3 }];
  assert.deepEqual(rankShares(rows, 50).map((r) => [r.code, r.percent, r.reached]), [['04', 100, true], ['02', 50, true], ['03', 50, true], ['01', 0, false]]);
  assert.equal(rankShares([{ code: '01', ocop: 0, modern: 0 }], 0)[0].reached, false);
});
