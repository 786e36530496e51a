// The 26 score sheets of QĐ 26/2026 against the decree's arithmetic and Phụ lục I's names.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from './rules.data.js';
import { getSheet, IN_FORCE, sheetsOf } from './sheets.data.js';

const classification = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'classification', 'qd-26-2026.json'), 'utf8')) as {
  sectors: { groups: { productSets: { sheet: number; name: string; aliases: string[] }[] }[] }[];
};
const productSets = new Map(classification.sectors.flatMap((s) => s.groups.flatMap((g) => g.productSets.map((p) => [p.sheet, p] as const))));
const sheets = sheetsOf(IN_FORCE);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

test('26 sheets are in force, numbered 1–26, all tagged with QĐ 26/2026', () => {
  assert.deepEqual(sheets.map((s) => s.number), Array.from({ length: 26 }, (_, i) => i + 1));
  for (const s of sheets) {
    assert.equal(s.instrument, 'QĐ 26/2026/QĐ-TTg');
    assert.equal(s.instrumentDate, '2026-05-22');
  }
  assert.equal(getSheet(27), undefined);
});

for (const s of sheets) {
  test(`sheet ${s.number} (${s.productSet}): parts A 40 / B 25 / C 35, groups and criteria add up`, () => {
    assert.deepEqual(s.parts.map((p) => [p.code, p.max]), [['A', RULES.parts.A], ['B', RULES.parts.B], ['C', RULES.parts.C]]);
    for (const p of s.parts) {
      assert.equal(sum(p.groups.map((g) => g.max)), p.max, `part ${p.code}: groups sum to the part`);
      for (const g of p.groups) {
        assert.equal(sum(g.criteria.map((c) => c.max)), g.max, `group ${g.code}: criteria sum to the group`);
        for (const c of g.criteria) {
          assert.equal(Math.max(...c.options.map((o) => o.points)), c.max, `criterion ${c.code}: best option = max`);
          assert.ok(c.code === g.code || c.code.startsWith(`${g.code}.`), `criterion ${c.code} sits under group ${g.code}`);
        }
      }
    }
  });

  test(`sheet ${s.number}: unique criterion codes and option ids, star markers 3–5 in ascending order`, () => {
    const criteria = s.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria));
    const codes = criteria.map((c) => c.code);
    assert.equal(new Set(codes).size, codes.length);
    const ids = criteria.flatMap((c) => c.options.map((o) => o.id));
    assert.equal(new Set(ids).size, ids.length);
    for (const c of criteria) {
      const marked = c.options.filter((o) => o.minStar !== null);
      // A higher star level never asks for fewer points than a lower one on the same criterion.
      for (let i = 1; i < marked.length; i++) {
        assert.ok(marked[i].minStar! > marked[i - 1].minStar! && marked[i].points >= marked[i - 1].points, `criterion ${c.code}: markers ascend`);
      }
    }
  });
}

test('product set names match Phụ lục I by sheet number, or its Phụ lục II alias (two headers word it longer or shorter)', () => {
  // A sheet's header ("Bộ sản phẩm: …", Phụ lục II) is either Phụ lục I's name of the set or the alias the
  // classification keeps for the six sets the two appendices word differently. Sheets 10 and 13 phrase it longer
  // or shorter still; the decree's own wording is kept on both sides.
  const fold = (x: string) => x.normalize('NFC').toLowerCase().replace(/^sản phẩm /, '').replace(/[.,\s]+$/, '').replace(/,?\.\.\.\)/, ')');
  const differing: number[] = [];
  for (const s of sheets) {
    const set = productSets.get(s.number);
    assert.ok(set, `sheet ${s.number} is in Phụ lục I`);
    const names = [set.name, ...set.aliases];
    if (names.includes(s.productSet)) continue;
    differing.push(s.number);
    const [a, b] = [fold(s.productSet), fold(set.name)];
    assert.ok(a.startsWith(b) || b.startsWith(a), `sheet ${s.number}: "${s.productSet}" vs "${set.name}"`);
  }
  assert.deepEqual(differing, [10, 13]);
});

test('sheet 26 has no dossier-rejection line; sheets 11 and 13 use three-level codes', () => {
  assert.equal(getSheet(26)!.rejectionText, null);
  const codes = (n: number) => getSheet(n)!.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria.map((c) => c.code)));
  assert.ok(codes(11).includes('6.1.1'));
  assert.ok(codes(13).includes('6.2.2'));
});
