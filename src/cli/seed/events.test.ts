// The EPCIS event generator: deterministic lots, valid documents, and a second run that continues rather than repeats.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { testApp, type TestApp } from '../../../test/harness.js';
import { validateEpcisDocument } from '../../modules/trace/epcis.rules.js';
import { EVENTS_PER_LOT, lotEvents, lotIdentifiers, lotsDocument, seedEvents } from './events.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

test('a lot is the same on every run, ten events of all five types, in a valid EPCIS document', () => {
  assert.deepEqual(lotEvents(7), lotEvents(7));
  assert.notDeepEqual(lotEvents(7), lotEvents(8));
  assert.equal(lotEvents(3).length, EVENTS_PER_LOT);
  assert.deepEqual(new Set(lotEvents(3).map((e) => e.type)), new Set(['ObjectEvent', 'TransformationEvent', 'AggregationEvent', 'TransactionEvent']));
  const checked = validateEpcisDocument(lotsDocument(0, 20));
  assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.errors));
});

test('seedEvents captures whole lots through the capture command; a second run continues after them', async () => {
  const first = await seedEvents(t.database, 30);
  assert.equal(first.events, 30);
  const second = await seedEvents(t.database, 20);
  assert.equal(second.firstLot, 3);
  const [{ n, chains }] = await query<{ n: number; chains: number }>(t.database.db, sql`SELECT (SELECT count(*)::int FROM epcis_event) AS n, (SELECT count(*)::int FROM epcis_capture) AS chains`);
  assert.equal(n, 50);
  assert.equal(chains, 2);
  const { jars } = lotIdentifiers(4);
  const res = await t.call({ url: `/epcis/events?MATCH_epc=${encodeURIComponent(jars[0])}`, as: await t.user('central') });
  assert.ok(res.json().epcisBody.queryResults.resultsBody.eventList.length >= 1);
});
