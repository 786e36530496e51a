// The spread of 10 points and the quorum of 75 % are not QĐ 26's: Điều 7.3.b and 7.4.b leave them to each council's
// operating rules. They are defaults, stored per council, edited by the council's office (audited) and used by the
// session logic instead of any global number.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { testApp, type TestApp } from '../../../test/harness.js';
import { answersAround, dossierAtAdvisory, ok, openSessionWith, provincialCouncil, submitScore, type World, world } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

/** A session whose three scorers are 12 points apart (80, 78, 68). */
async function twelveApart(settings?: Record<string, unknown>) {
  const d = await dossierAtAdvisory(w, answersAround(78), `Mật ong chênh ${Math.random().toString(36).slice(2, 7)}`);
  const council = await provincialCouncil(w, 2, settings);
  const s = await openSessionWith(w, council, [d.id]);
  const itemId = s.items[0].id;
  const [a, b] = council.members;
  await submitScore(w, s.id, itemId, council.chair, answersAround(80));
  await submitScore(w, s.id, itemId, a, answersAround(78));
  await submitScore(w, s.id, itemId, b, answersAround(68));
  return { council, s, itemId };
}

test('the defaults and their source: the council\'s operating rules, not the decree', async () => {
  const body = await ok(w, 'GET', '/councils/settings-defaults', w.province);
  assert.deepEqual([body.defaults.maxSpread, body.defaults.quorumShare], [10, 0.75]);
  assert.match(body.source.vi, /Quy chế hoạt động/);
  assert.match(body.source.en, /sets no score spread and no quorum/);
});

test('a council with spread 15 accepts a spread of 12; one on the default 10 refuses it', async () => {
  const strict = await twelveApart();
  const refused = await t.call({ method: 'POST', url: `/api/v1/sessions/${strict.s.id}/close`, body: { version: strict.s.version }, as: w.province });
  assert.equal(refused.statusCode, 409);
  assert.deepEqual([refused.json().code, refused.json().problems[0].spread], ['spread_exceeded', 12]);

  const lenient = await twelveApart({ maxSpread: 15 });
  const overview = await ok(w, 'GET', `/sessions/${lenient.s.id}/items/${lenient.itemId}/overview`, lenient.council.chair);
  assert.deepEqual([overview.spread, overview.maxSpread, overview.withinLimit], [12, 15, true]);
  const closed = await ok(w, 'POST', `/sessions/${lenient.s.id}/close`, w.province, { version: lenient.s.version });
  assert.equal(closed.status, 'closed');
});

test('the office edits its council\'s spread and quorum (audited); others may not; nonsense is refused', async () => {
  const council = await provincialCouncil(w, 2);
  let c = await ok(w, 'GET', `/councils/${council.id}`, w.province);
  const url = `/api/v1/councils/${council.id}`;
  assert.equal((await t.call({ method: 'PATCH', url, as: council.chair, body: { settings: { maxSpread: 15 }, version: c.version } })).statusCode, 403);
  for (const settings of [{ maxSpread: -1 }, { maxSpread: 101 }, { quorumShare: 0 }, { quorumShare: 1.5 }, { maxSpread: '15' }, { spread: 15 }]) {
    const res = await t.call({ method: 'PATCH', url, as: w.province, body: { settings, version: c.version } });
    assert.equal(res.statusCode, 400, JSON.stringify(settings));
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  }
  c = await ok(w, 'PATCH', `/councils/${council.id}`, w.province, { settings: { maxSpread: 15, quorumShare: 0.6 }, version: c.version });
  assert.deepEqual([c.settings.maxSpread, c.settings.quorumShare, c.settings.quorumRequiresChair], [15, 0.6, true]);
  const [audit] = await query<{ before: { settings: { maxSpread: number } }; after: { settings: { maxSpread: number } } }>(t.database.db,
    sql`SELECT before, after FROM audit_log WHERE action = 'council.update' AND record_id = ${council.id} ORDER BY at DESC LIMIT 1`);
  assert.deepEqual([audit.before.settings.maxSpread, audit.after.settings.maxSpread], [10, 15]);
  const stale = await t.call({ method: 'PATCH', url, as: w.province, body: { settings: { maxSpread: 12 }, version: c.version - 1 } });
  assert.equal(stale.statusCode, 409);
});
