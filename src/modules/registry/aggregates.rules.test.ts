import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRIVACY_RULES, suppressSmallCells } from './aggregates.rules.js';

test('the minimum cell size comes from data/privacy and cites Nghị định 13/2023/NĐ-CP', () => {
  assert.equal(PRIVACY_RULES.minimumCellSize, 5);
  assert.match(PRIVACY_RULES.instrument, /13\/2023\/NĐ-CP/);
});

test('cells of 1 to 4 are withheld, zero and 5 or more are published', () => {
  const t = suppressSmallCells([{ key: 'Kinh', count: 40 }, { key: 'Mông', count: 12 }, { key: 'Dao', count: 3 }, { key: 'Tày', count: 4 }, { key: 'Hoa', count: 0 }]);
  assert.deepEqual(t.cells.map((c) => [c.key, c.count, c.suppressed]), [['Kinh', 40, false], ['Mông', 12, false], ['Dao', null, true], ['Tày', null, true], ['Hoa', 0, false]]);
  assert.equal(t.total, 59);
  assert.equal(t.minimumCellSize, 5);
});

test('one withheld cell beside a published total takes the next smallest with it (no recovery by subtraction)', () => {
  const t = suppressSmallCells([{ key: 'male', count: 30 }, { key: 'female', count: 2 }]);
  assert.deepEqual(t.cells.map((c) => c.count), [null, null]);
  assert.equal(t.total, 32);
  const three = suppressSmallCells([{ key: 'a', count: 9 }, { key: 'b', count: 1 }, { key: 'c', count: 6 }]);
  assert.deepEqual(three.cells.map((c) => c.count), [9, null, null]);
  // 0 cannot be used to recover the withheld cell, so it is never the second one withheld.
  const zero = suppressSmallCells([{ key: 'yes', count: 0 }, { key: 'no', count: 3 }, { key: 'unknown', count: 7 }]);
  assert.deepEqual(zero.cells.map((c) => c.count), [0, null, null]);
});

test('a table whose total is below the minimum publishes nothing', () => {
  const t = suppressSmallCells([{ key: 'male', count: 2 }, { key: 'female', count: 2 }]);
  assert.equal(t.total, null);
  assert.ok(t.cells.every((c) => c.count === null && c.suppressed));
  assert.deepEqual(suppressSmallCells([]).cells, []);
  assert.equal(suppressSmallCells([]).total, null);
});

test('a different minimum can be asked for; nonsense is refused', () => {
  assert.deepEqual(suppressSmallCells([{ key: 'a', count: 10 }, { key: 'b', count: 10 }], 11).cells.map((c) => c.count), [null, null]);
  assert.deepEqual(suppressSmallCells([{ key: 'a', count: 1 }, { key: 'b', count: 1 }], 1).cells.map((c) => c.count), [1, 1]);
  assert.throws(() => suppressSmallCells([{ key: 'a', count: -1 }]), RangeError);
  assert.throws(() => suppressSmallCells([{ key: 'a', count: 1.5 }]), RangeError);
  assert.throws(() => suppressSmallCells([{ key: 'a', count: 1 }], 0), RangeError);
});
