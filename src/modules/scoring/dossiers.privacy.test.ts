// Mẫu 02 (the self-report) carries the representative's sex and ethnicity, sensitive under Nghị định 13/2023/NĐ-CP:
// a read of the dossier by anyone but the entity itself leaves a row in personal_data_access.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { testApp, type TestApp } from '../../../test/harness.js';
import { answersAround, dossierAtAdvisory, ok, world, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

test('reading a dossier\'s self-report is logged for officers, not for the entity', async () => {
  const d = await dossierAtAdvisory(w, answersAround(75), 'Phấn hoa bạc hà');
  assert.ok(d.selfReport.representative?.ethnicity, 'Mẫu 02 is prefilled with the representative');
  const logged = () => query<{ actor_id: string; fields: string[] }>(t.database.db, sql`SELECT actor_id, fields FROM personal_data_access WHERE record_type = 'dossier' AND record_id = ${d.id}`);
  const before_ = (await logged()).length; // the office's own steps to bring it here answered with the dossier
  await ok(w, 'GET', `/dossiers/${d.id}`, w.entity);
  assert.equal((await logged()).length, before_, 'the entity reads its own data unlogged');
  const res = await t.call({ url: `/api/v1/dossiers/${d.id}`, as: w.central });
  assert.equal(res.statusCode, 200, res.body);
  const rows = await logged();
  assert.equal(rows.length, before_ + 1);
  assert.equal(rows.at(-1)!.actor_id, w.central.user.id);
  assert.deepEqual(rows.at(-1)!.fields, ['selfReport.representative']);
});
