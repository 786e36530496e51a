// The classification of Phụ lục I: names as Phụ lục I words them, Phụ lục II's differing wording kept as a searchable
// alias, the managing agencies of each set, and a loader that brings an existing database up to date idempotently.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { testApp, type TestApp } from '../../../test/harness.js';
import { loadClassification, readClassification } from './commands/load-classification.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

type Set = { code: string; sheet: number; name: string; aliases: string[]; agencies: string[] };
const sets = (): Set[] => readClassification().sectors.flatMap((s) => s.groups.flatMap((g) => g.productSets));

// Phụ lục I's wording (the name) and Phụ lục II's (the alias) for the six sets where they differ.
const SIX: [string, string, string][] = [
  ['I.3.d', 'Chế biến từ thịt, trứng, sữa, thủy sản, các sản phẩm từ mật ong, mật khác và nông sản thực phẩm khác', 'Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong, mật khác và nông sản thực phẩm khác'],
  ['I.4.b', 'Gia vị khác', 'Gia vị khác (muối, hành, tỏi, tiêu)'],
  ['I.5.a', 'Chè tươi, chế biến', 'Chè tươi, chè chế biến'],
  ['I.5.b', 'Sản phẩm chè từ thực vật khác', 'Sản phẩm trà từ thực vật khác'],
  ['II.2.b', 'Đồ uống không cồn', 'Đồ uống không cồn khác'],
  ['IV.1', 'Thủ công mỹ nghệ gia dụng, trang trí', 'Thủ công mỹ nghệ'],
];

test('the six sets carry Phụ lục I\'s wording as the name and Phụ lục II\'s as an alias; the others have no alias', () => {
  for (const [code, name, alias] of SIX) {
    const s = sets().find((x) => x.code === code)!;
    assert.deepEqual([s.name, s.aliases], [name, [alias]], code);
  }
  assert.ok(sets().filter((s) => !SIX.some(([c]) => c === s.code)).every((s) => s.aliases.length === 0));
});

test('every set names Phụ lục I\'s managing agencies', () => {
  const agency = Object.fromEntries(sets().map((s) => [s.code, s.agencies]));
  assert.equal(sets().length, 26);
  assert.ok(sets().every((s) => s.agencies.length >= 1 && s.agencies.every((a) => a.startsWith('Bộ '))));
  assert.deepEqual(agency['I.3.a'], ['Bộ Công Thương']);
  assert.deepEqual(agency['II.2.a'], ['Bộ Y tế']);
  assert.deepEqual(agency['III.3'], ['Bộ Y tế', 'Bộ Công Thương']);
  assert.deepEqual(agency['VI.1'], ['Bộ Văn hóa, Thể thao và Du lịch', 'Bộ Nông nghiệp và Môi trường']);
});

test('the API gives names, aliases and agencies; a search by either wording finds the set, diacritics ignored', async () => {
  const c = (await t.call({ url: '/api/v1/classification' })).json();
  const tea = c.sectors[0].groups.find((g: { code: string }) => g.code === 'I.5').productSets[0];
  assert.deepEqual([tea.name, tea.aliases, tea.agencies], ['Chè tươi, chế biến', ['Chè tươi, chè chế biến'], ['Bộ Nông nghiệp và Môi trường']]);
  const find = async (q: string) => (await t.call({ url: `/api/v1/classification/product-sets?q=${encodeURIComponent(q)}` })).json().items.map((s: Set) => s.sheet);
  assert.deepEqual(await find('che tuoi, che che bien'), [11], 'Phụ lục II wording');
  assert.deepEqual(await find('chè tươi, chế biến'), [11], 'Phụ lục I wording');
  assert.deepEqual(await find('muoi, hanh, toi'), [10]);
  assert.deepEqual(await find('thu cong my nghe gia dung'), [21]);
  assert.equal((await find('')).length, 26);
  assert.deepEqual(await find('100% _ \\'), []);
  assert.equal((await t.call({ url: '/api/v1/classification/product-sets?bogus=1' })).statusCode, 400);
});

test('the loader updates an existing database to the file, and writes nothing the second time', async () => {
  // A database loaded before the correction: Phụ lục II's wording as the name, no alias, no agency.
  await t.database.db.execute(sql`UPDATE product_set SET name = 'Gia vị khác (muối, hành, tỏi, tiêu)', aliases = '[]', agencies = '[]' WHERE sheet = 10`);
  assert.equal(await t.database.db.transaction((tx) => loadClassification(tx)), true);
  const [row] = await query<{ name: string; aliases: string[]; agencies: string[] }>(t.database.db, sql`SELECT name, aliases, agencies FROM product_set WHERE sheet = 10`);
  assert.deepEqual([row.name, row.aliases, row.agencies], ['Gia vị khác', ['Gia vị khác (muối, hành, tỏi, tiêu)'], ['Bộ Nông nghiệp và Môi trường']]);
  assert.equal(await t.database.db.transaction((tx) => loadClassification(tx)), false, 'idempotent');
  const [{ n }] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM product_set`);
  assert.equal(Number(n), 26);
});
