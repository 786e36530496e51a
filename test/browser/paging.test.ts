// A workspace list above the server's count cap: its total reads "hơn 10.000", and past the last numbered page the
// list goes on by the API's cursor ("Xem trang tiếp"), then back to the first page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../src/app/db.js';
import { TOTAL_CAP } from '../../src/app/paging.js';
import { browserSuite } from './browser.js';

const MARK = 'Phantrang';

browserSuite((site) => {
  site.before(async () => {
    // Ten thousand and one products are a fixture, not a story: written with SQL, on a demo entity.
    const db = site.t.database.db;
    const [e] = await query<{ id: string; commune_code: string; province_code: string }>(db, sql`SELECT id, commune_code, province_code FROM entity WHERE status = 'approved' ORDER BY name LIMIT 1`);
    await query(db, sql`
      INSERT INTO product (code, entity_id, name, product_set, province_code, commune_code, status)
      SELECT 'PT-' || lpad(g::text, 6, '0'), ${e.id}::uuid, ${MARK} || ' ' || g, 4, ${e.province_code}, ${e.commune_code}, 'registered'
      FROM generate_series(1, ${TOTAL_CAP + 30}) AS g`);
  });

  test('a capped list reads "hơn 10.000" and goes past its last numbered page by cursor', async () => {
    const page = await site.pageAs('trunguong@demo.ocop.vn');
    await page.goto(`${site.url}/lam-viec/san-pham?q=${MARK}`);
    await page.getByText('Tổng số: hơn 10.000').waitFor();
    // The last numbered page (10.000 / 25), then on by cursor.
    await page.goto(`${site.url}/lam-viec/san-pham?q=${MARK}&page=400`);
    await page.getByText('Tổng số: hơn 10.000').waitFor();
    const names = async () => (await page.locator('tbody tr').allInnerTexts()).map((row) => new RegExp(`${MARK} \\d+`).exec(row)?.[0]);
    const lastNumbered = await names();
    assert.equal(lastNumbered.length, 25);
    await page.getByRole('button', { name: 'Xem trang tiếp →' }).click();
    await page.waitForURL(/cursor=/);
    await page.waitForFunction(([first, mark]) => {
      const name = new RegExp(`${mark} \\d+`).exec(document.querySelector('tbody tr')?.textContent ?? '')?.[0];
      return name !== undefined && name !== first;
    }, [lastNumbered[0], MARK]);
    const beyond = await names();
    assert.equal(beyond.length, 25);
    assert.ok(beyond.every((name) => name && !lastNumbered.includes(name)), `the page after the last numbered one holds other products: ${beyond.join(', ')}`);
    assert.doesNotMatch(page.url(), /page=/);
    await page.getByRole('button', { name: /Về trang đầu/ }).click();
    await page.waitForURL((u) => !u.search.includes('cursor='));
    await page.getByRole('navigation').getByRole('button', { name: 'Trang 1' }).waitFor();
  });
});
