// The demo dossiers and councils: every stage of the procedure is represented, and the demo accounts can act on them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { testApp, type TestApp } from '../../../test/harness.js';
import { DEMO_PASSWORD } from './seed.js';

let t: TestApp;
before(async () => { t = await testApp({}, { demo: true }); });
after(() => t.close());

test('demo dossiers cover every stage, with a closed session, an open one and a 5★ from the central council', async () => {
  const rows = await query<{ status: string }>(t.database.db, sql`SELECT DISTINCT status FROM dossier`);
  const statuses = new Set(rows.map((r) => r.status));
  for (const s of ['draft', 'submitted', 'commune_reviewed', 'forwarded', 'returned', 'advisory_review', 'council_scoring', 'scored', 'sent_to_central', 'certified', 'not_recognised', 'rejected']) {
    assert.ok(statuses.has(s), s);
  }
  const five = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM dossier WHERE status = 'certified' AND stars = 5`);
  assert.equal(Number(five[0].n), 1);
});

test('the demo council member can score the open session; the central office sees its council', async () => {
  const hoidong = await t.login('hoidong@demo.ocop.vn', DEMO_PASSWORD);
  const councils = (await t.call({ url: '/api/v1/councils', as: hoidong })).json();
  assert.equal(councils.items.length, 1);
  const sessions = (await t.call({ url: `/api/v1/councils/${councils.items[0].id}/sessions`, as: hoidong })).json();
  const open = sessions.items.find((s: { status: string }) => s.status === 'open');
  assert.ok(open.actions.includes('score'));
  const session = (await t.call({ url: `/api/v1/sessions/${open.id}`, as: hoidong })).json();
  const scores = (await t.call({ url: `/api/v1/sessions/${open.id}/items/${session.items[0].id}/scores`, as: hoidong })).json();
  assert.equal(scores.hidden, true);
  assert.equal(scores.submittedCount, 1);
  const minutes = await t.call({ url: `/api/v1/sessions/${sessions.items.find((s: { status: string }) => s.status === 'closed').id}/minutes.pdf`, as: hoidong });
  assert.equal(minutes.statusCode, 200);

  const tw = await t.login('trunguong@demo.ocop.vn', DEMO_PASSWORD);
  const central = (await t.call({ url: '/api/v1/councils', as: tw })).json();
  assert.ok(central.items.some((c: { level: string }) => c.level === 'central'));
  const tuvan = await t.login('tuvan@demo.ocop.vn', DEMO_PASSWORD);
  const queue = (await t.call({ url: '/api/v1/dossiers?status=advisory_review', as: tuvan })).json();
  assert.ok(queue.items.some((d: { actions: string[] }) => d.actions.includes('advisoryReview')));
  const chuthe = await t.login('chuthe@demo.ocop.vn', DEMO_PASSWORD);
  const mine = (await t.call({ url: '/api/v1/dossiers?pageSize=50', as: chuthe })).json();
  assert.ok(mine.total >= 12);
});
