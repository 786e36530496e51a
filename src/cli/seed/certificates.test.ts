// The demo certificates: every certified demo product holds a valid certificate, some are due for re-rating, a
// couple are revoked, and the public register, verification and reminders read them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { testApp, type TestApp } from '../../../test/harness.js';
import { DEMO_PASSWORD } from './seed.js';

let t: TestApp;
before(async () => { t = await testApp({}, { demo: true }); });
after(() => t.close());

test('every certified demo product holds a valid certificate issued in the last three years', async () => {
  const rows = await query<{ n: number }>(t.database.db, sql`
    SELECT count(*)::int AS n FROM product p WHERE p.status = 'certified'
      AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.product_id = p.id AND c.status = 'valid' AND c.stars = p.stars AND c.expires_on >= current_date
                      AND c.issued_on >= current_date - interval '3 years')`);
  assert.equal(Number(rows[0].n), 0);
  const register = (await t.call({ url: '/api/v1/certificates?status=valid&pageSize=5' })).json();
  assert.ok(register.total > 100);
  const revoked = (await t.call({ url: '/api/v1/certificates?status=revoked' })).json();
  assert.ok(revoked.total >= 2);
  const v = (await t.call({ url: `/api/v1/certificates/${revoked.items[0].number}/verify` })).json();
  assert.equal(v.status, 'revoked');
  assert.ok(v.revocation.groundText.vi);
  const honey = (await t.call({ url: '/api/v1/certificates?q=mat ong bac ha meo vac&status=valid' })).json();
  assert.equal(honey.items.find((i: { product: { name: string } }) => i.product.name === 'Mật ong bạc hà Mèo Vạc').stars, 4);
});

test('the demo province officer has re-rating reminders', async () => {
  const tinh = await t.login('tinh@demo.ocop.vn', DEMO_PASSWORD);
  const items = (await t.call({ url: '/api/v1/certificates/reminders', as: tinh })).json().items;
  assert.ok(items.some((i: { stage: string }) => i.stage === 'open'));
  assert.ok(items.some((i: { stage: string }) => i.stage === 'closed'));
  assert.ok(items.every((i: { province: { code: string } }) => i.province.code === '08'));
});
