import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../../app/db.js';
import { translateOldCommune } from '../../geo/index.js';
import { testApp, type TestApp } from '../../../../test/harness.js';
import { oldAddressKey, translateOldAddresses, type OldAddress } from './lookups.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

test('the batched translation of district-era addresses gives what geo\'s translateOldCommune gives, address by address', async () => {
  const sample = await query<{ old_name: string; old_district: string; old_province: string }>(t.database.db, sql`
    SELECT old_name, old_district, old_province FROM commune_mapping ORDER BY id LIMIT 40`);
  const addresses: OldAddress[] = [
    ...sample.map((m) => ({ commune: m.old_name, district: m.old_district, province: m.old_province })),
    ...sample.slice(0, 10).map((m) => ({ commune: m.old_name })),
    { commune: 'Tả Lủng', province: 'Hà Giang' }, { commune: 'xa ta lung', district: 'meo vac' }, { commune: 'Xã Không Có Thật' },
  ];
  const batched = await translateOldAddresses(t.database.db, addresses);
  for (const a of addresses) {
    const rows = await translateOldCommune(t.database.db, a);
    const one = [...new Set(rows.map((r) => r.code))].sort();
    const many = [...new Set(batched.get(oldAddressKey(a))!.map((r) => r.code))].sort();
    // geo's lookup stops at 20 candidates; past that both only say "ambiguous".
    if (rows.length === 20) assert.ok(one.every((c) => many.includes(c)) && many.length >= one.length, JSON.stringify(a));
    else assert.deepEqual(many, one, JSON.stringify(a));
  }
  assert.equal(new Set(batched.get(oldAddressKey({ commune: 'Tả Lủng', province: 'Hà Giang' }))!.map((r) => r.code)).size, 2);
});
