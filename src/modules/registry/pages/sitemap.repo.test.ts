// The sitemap's slices of the id space: together they hold every public row once, in id order, however many.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedSynthetic } from '../../../cli/seed/seed.js';
import { testApp, type TestApp } from '../../../../test/harness.js';
import { publicEntitiesSlice, publicProductsSlice, sitemapSlices } from './sitemap.repo.js';

let t: TestApp;
before(async () => {
  t = await testApp();
  await seedSynthetic(t.database, 300, 400); // ends with ANALYZE
});
after(() => t.close());

test('slices of the ids partition the public rows, for any number of slices', async () => {
  const { db } = t.database;
  assert.equal(await sitemapSlices(db, 'san-pham'), 1, 'a few hundred rows: one file');
  for (const [slice, kind] of [[publicProductsSlice, 'products'], [publicEntitiesSlice, 'entities']] as const) {
    const whole = (await slice(db, 1, 1)).map((r) => r.id);
    assert.ok(whole.length > 100, kind);
    for (const k of [2, 7]) {
      const parts: string[][] = [];
      for (let page = 1; page <= k; page++) parts.push((await slice(db, page, k)).map((r) => r.id));
      assert.deepEqual(parts.flat(), whole, `${kind} in ${k} slices`);
      assert.ok(parts.every((p) => p.length > 0), `${kind}: random ids fill every one of ${k} slices`);
    }
  }
});
