// The EPCIS 2.0 repository through its REST binding, on a real database: capture (all five event types, hash IDs,
// duplicates, refusals that store nothing), the query language and paging, genealogy, who reads what, and tamper
// evidence by altering a stored event behind the repository's back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, makeEntity, makeProduct } from '../../../test/api-helpers.js';
import { document, honeyChain, keysFor, lgtinUrn, OCOP_NS, sgtinUrn, sglnUrn, type Keys } from './epcis.fixtures.js';

let t: TestApp;
let central: Session;
let producerA: Session;
let producerB: Session;
let entityA: string;
let entityB: string;
const A = keysFor('8930001');
const B = keysFor('8930002');
const DL = 'https://id.gs1.org';

/** An entity with three products carrying its GTINs (raw, bottled, carton) and three locations carrying its GLNs. */
async function tracedEntity(communeCode: string, k: Keys, certified: boolean) {
  const e = await makeEntity(t, central, communeCode);
  for (const [name, gtin] of [['Mật ong thô', k.raw], ['Mật ong bạc hà', k.bottled], ['Thùng mật ong', k.carton]]) {
    const p = await makeProduct(t, central, e.id, { name });
    await t.database.db.execute(sql`UPDATE product SET gtin = ${gtin}, status = ${certified ? 'certified' : 'registered'} WHERE id = ${p.id}`);
  }
  for (const [kind, gln] of [['raw_material_area', k.area], ['workshop', k.workshop], ['warehouse', k.warehouse]]) {
    await t.database.db.execute(sql`INSERT INTO trace_location (entity_id, gln, kind, name) VALUES (${e.id}, ${gln}, ${kind}, ${`Địa điểm ${kind}`})`);
  }
  return e.id as string;
}

const counts = async () => (await query<{ events: number; captures: number; epcs: number }>(t.database.db, sql`
  SELECT (SELECT count(*)::int FROM epcis_event) AS events, (SELECT count(*)::int FROM epcis_capture) AS captures, (SELECT count(*)::int FROM epcis_event_epc) AS epcs`))[0];

const capture = (as: Session | undefined, body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/epcis/capture', payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrf } : {}), ...headers } });

const events = async (qs: string, as?: Session) => {
  const res = await t.call({ url: `/epcis/events${qs}`, as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().epcisBody.queryResults.resultsBody.eventList as Record<string, unknown>[];
};

/** 300 distinct harvests of entity A's raw honey (more than one slice of capture-document.ts). */
const manyHarvests = (tag: string) => Array.from({ length: 300 }, (_, i) => ({ ...chain.harvest, quantityList: [{ epcClass: lgtinUrn(A.raw, `${tag}${i}`), quantity: 1, uom: 'KGM' }] }));

let chain: ReturnType<typeof honeyChain>;
let chainIds: string[];

before(async () => {
  t = await testApp();
  central = await t.user('central');
  entityA = await tracedEntity(MEO_VAC, A, true);
  entityB = await tracedEntity(TAN_CUONG, B, false);
  producerA = await t.user('entity', { entityId: entityA });
  producerB = await t.user('entity', { entityId: entityB });
  chain = honeyChain(A);
  // JSON-LD content type, no eventIDs: the repository assigns hash IDs.
  const res = await capture(producerA, document(Object.values(chain)), { 'content-type': 'application/ld+json' });
  assert.equal(res.statusCode, 202, res.body);
  const job = await t.call({ url: res.headers.location as string, as: producerA });
  assert.equal(job.statusCode, 200, job.body);
  assert.equal(job.json().success, true);
  chainIds = (await events('?perPage=100', producerA)).map((e) => e.eventID as string);
});
after(() => t.close());

test('a document of all five event types is accepted (202, Location) and comes back with the same meaning and hash IDs', async () => {
  const back = await events('?orderBy=eventTime&perPage=100', producerA);
  assert.deepEqual(back.map((e) => e.type).sort(), ['AggregationEvent', 'AssociationEvent', 'ObjectEvent', 'TransactionEvent', 'TransformationEvent']);
  for (const original of Object.values(chain)) {
    const got = back.find((e) => e.type === original.type)!;
    assert.match(got.eventID as string, /^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    const { eventID: _id, recordTime, ...rest } = got;
    assert.ok(!Number.isNaN(Date.parse(recordTime as string)));
    assert.deepEqual(rest, original, `${original.type} as captured: ILMD, sensor data, certificationInfo and the ocop: extension intact`);
  }
  const doc = (await t.call({ url: '/epcis/events', as: producerA, headers: { accept: 'application/ld+json' } }));
  assert.match(String(doc.headers['content-type']), /^application\/ld\+json/);
  assert.deepEqual(doc.json()['@context'], ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { ocop: OCOP_NS }]);
  assert.equal(doc.json().type, 'EPCISQueryDocument');
});

test('an event without eventID is found by its hash ID with EQ_eventID and at /epcis/events/{eventID}', async () => {
  const id = chainIds[0];
  const found = await events(`?EQ_eventID=${encodeURIComponent(id)}`, producerA);
  assert.equal(found.length, 1);
  const one = await t.call({ url: `/epcis/events/${encodeURIComponent(id)}`, as: producerA });
  assert.equal(one.statusCode, 200, one.body);
  assert.equal(one.json().eventID, id);
  assertProblem(await t.call({ url: `/epcis/events/${encodeURIComponent('ni:///sha-256;00?ver=CBV2.0')}`, as: producerA }), 404, 'event_not_found');
});

test('a repeated event is stored once and its capture still succeeds; the same event twice in a document counts once', async () => {
  const before = await counts();
  const res = await capture(producerA, document([chain.harvest, chain.harvest]));
  assert.equal(res.statusCode, 202, res.body);
  const job = (await t.call({ url: res.headers.location as string, as: producerA })).json();
  assert.equal(job.success, true);
  assert.equal(job.eventCount, 0);
  const now = await counts();
  assert.equal(now.events, before.events);
  assert.equal(now.captures, before.captures + 1);
});

test('invalid documents are refused with ValidationException and nothing is stored', async () => {
  const before = await counts();
  const { eventTimeZoneOffset: _z, ...noOffset } = chain.harvest;
  const cases: [unknown, string][] = [
    [document([noOffset]), 'epcis_validation_failed'],
    [document([{ ...chain.harvest, action: 'CREATE' }]), 'epcis_validation_failed'],
    [{ ...document([chain.harvest]), type: 'EPCISQueryDocument' }, 'epcis_validation_failed'],
    // JSON-LD: an undeclared prefix, a protected term redefined, the EPCIS context missing.
    [document([{ ...chain.harvest, 'undeclared:field': 1 }]), 'epcis_validation_failed'],
    [{ ...document([chain.harvest]), '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { eventTime: 'https://evil.example/t' }] }, 'epcis_validation_failed'],
    [{ ...document([chain.harvest]), '@context': [{ ocop: OCOP_NS }] }, 'epcis_validation_failed'],
    // A GS1 key with a wrong check digit.
    [document([{ ...chain.harvest, quantityList: [{ epcClass: `${DL}/01/08930001000011/10/X`, quantity: 1 }] }]), 'epcis_validation_failed'],
    // … after more events than the repository sends to the database at a time: what was sent is taken back.
    [document([...manyHarvests('BAD'), { ...chain.harvest, quantityList: [{ epcClass: `${DL}/01/08930001000011/10/X`, quantity: 1 }] }]), 'epcis_validation_failed'],
    ['{"type": "EPCISDocument", "epcisBody": ', 'malformed_json'],
  ];
  for (const [body, code] of cases) {
    const problem = assertProblem(await capture(producerA, body), 400, code);
    assert.equal(problem.type, 'epcisException:ValidationException');
  }
  assert.deepEqual(await counts(), before);
});

test('a 50 MB document is refused 413 before it is read; the limits are advertised by OPTIONS', async () => {
  const options = await t.app.inject({ method: 'OPTIONS', url: '/epcis/capture' });
  assert.equal(options.statusCode, 204);
  assert.equal(options.headers['gs1-epcis-capture-limit'], String(t.config.epcisCaptureLimits.maxEvents));
  assert.equal(options.headers['gs1-epcis-capture-file-size-limit'], String(t.config.epcisCaptureLimits.maxBytes));
  const before = await counts();
  const big = JSON.stringify(document([{ ...chain.harvest, 'ocop:padding': 'x'.repeat(50 * 1024 * 1024) }]));
  const problem = assertProblem(await capture(producerA, big), 413, 'epcis_document_too_large');
  assert.equal(problem.type, 'epcisException:CaptureLimitExceededException');
  assert.deepEqual(await counts(), before);
});

test('an entity capturing an event about another entity\'s product is refused 403 and nothing is stored; proceed stores the rest', async () => {
  const before = await counts();
  const foreign = { ...honeyChain(A, 'MV-X').harvest, quantityList: [{ epcClass: lgtinUrn(B.raw, 'TC1'), quantity: 5, uom: 'KGM' }] };
  const own = { ...honeyChain(A, 'MV-Y').harvest, readPoint: { id: `${DL}/414/${A.workshop}` }, bizLocation: { id: `${DL}/414/${A.workshop}` } };
  const problem = assertProblem(await capture(producerA, document([own, foreign])), 403, 'epcis_identifier_not_owned');
  assert.equal(problem.type, 'epcisException:SecurityException');
  assert.equal(problem.errors[0].eventIndex, 1);
  assert.deepEqual(await counts(), before);
  // The foreign event after more events than are sent to the database at a time: nothing is kept either.
  assertProblem(await capture(producerA, document([...manyHarvests('FAR'), foreign])), 403, 'epcis_identifier_not_owned');
  assert.deepEqual(await counts(), before);
  // Another entity's location is refused the same way.
  assertProblem(await capture(producerB, document([{ ...honeyChain(B).harvest, readPoint: { id: sglnUrn(A.area) } }])), 403);
  // The public and roles without capture rights are refused before the body is read.
  assertProblem(await capture(undefined, document([own])), 401);
  assertProblem(await capture(await t.user('commune', { communeCode: MEO_VAC }), document([own])), 403);
  assert.deepEqual(await counts(), before);
  // GS1-Capture-Error-Behaviour: proceed keeps the allowed event and reports the other.
  const res = await capture(producerA, document([own, foreign]), { 'gs1-capture-error-behaviour': 'proceed' });
  assert.equal(res.statusCode, 202, res.body);
  const job = (await t.call({ url: res.headers.location as string, as: producerA })).json();
  assert.equal(job.success, false);
  assert.equal(job.captureErrorBehaviour, 'proceed');
  assert.equal(job.errors[0].code, 'identifier_not_owned');
  assert.equal(job.eventCount, 1);
  // Another entity's capture job is not readable.
  assertProblem(await t.call({ url: res.headers.location as string, as: producerB }), 404, 'capture_not_found');
});

test('the central office (with an API token, no CSRF) captures events about identifiers the registry does not know', async () => {
  const token = (await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: central, body: { name: 'partner repository' } })).json().token as string;
  const partner = { ...chain.harvest, quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 10, uom: 'KGM' }], readPoint: { id: 'urn:epc:id:sgln:4012345.00001.0' }, bizLocation: undefined, eventID: 'urn:uuid:7b1a7e0e-0c9a-4f7e-9d55-3a4f1d0c2b11' };
  const res = await t.app.inject({ method: 'POST', url: '/epcis/capture', payload: document([partner]), headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.statusCode, 202, res.body);
  const found = await events('?EQ_eventID=urn:uuid:7b1a7e0e-0c9a-4f7e-9d55-3a4f1d0c2b11', central);
  assert.equal(found.length, 1);
  // A session without the CSRF header is refused.
  const noCsrf = await t.app.inject({ method: 'POST', url: '/epcis/capture', payload: document([partner]), headers: { cookie: central.cookie } });
  assertProblem(noCsrf as never, 403, 'csrf_token_invalid');
});

test('query filters: types, times, CBV words in both notations, identifiers in URN and Digital Link form, patterns, errors', async () => {
  const q = async (qs: string) => (await events(qs, producerA)).map((e) => e.type).sort();
  assert.deepEqual(await q('?eventType=AggregationEvent|TransactionEvent'), ['AggregationEvent', 'TransactionEvent']);
  assert.deepEqual(await q('?EQ_bizStep=shipping'), ['TransactionEvent']);
  assert.deepEqual(await q(`?EQ_bizStep=${encodeURIComponent('https://ref.gs1.org/cbv/BizStep-shipping')}`), ['TransactionEvent']);
  assert.deepEqual(await q(`?EQ_disposition=in_transit`), ['TransactionEvent']);
  assert.deepEqual(await q(`?EQ_disposition=${encodeURIComponent('urn:epcglobal:cbv:disp:in_progress')}`), ['AggregationEvent']);
  assert.deepEqual(await q('?EQ_action=ADD&GE_eventTime=2026-05-03T00:00:00%2B07:00&LT_eventTime=2026-05-05T00:00:00%2B07:00'), ['AggregationEvent']);
  assert.deepEqual(await q(`?EQ_readPoint=${encodeURIComponent(sglnUrn(A.area))}`), ['ObjectEvent']);
  assert.deepEqual(await q(`?EQ_bizLocation=${encodeURIComponent(`${DL}/414/${A.area}`)}`), ['ObjectEvent']);
  assert.deepEqual(await q(`?MATCH_epc=${encodeURIComponent(sgtinUrn(A.bottled, 'MV2605-0001'))}`), ['AggregationEvent', 'TransactionEvent']);
  assert.deepEqual(await q(`?MATCH_parentID=${encodeURIComponent(`https://example.vn/01/${A.carton}/21/C-MV2605-01`)}`), ['AggregationEvent', 'AssociationEvent', 'TransactionEvent']);
  assert.deepEqual(await q(`?MATCH_outputEPC=${encodeURIComponent(`${DL}/01/${A.bottled}/21/MV2605-0002`)}`), ['TransformationEvent']);
  assert.deepEqual(await q(`?MATCH_anyEPC=${encodeURIComponent(`${DL}/01/${A.bottled}/21/MV2605-0002`)}`), ['AggregationEvent', 'TransformationEvent']);
  assert.deepEqual(await q(`?MATCH_epcClass=${encodeURIComponent(lgtinUrn(A.raw, 'MV2605'))}`), ['ObjectEvent']);
  assert.deepEqual(await q(`?MATCH_inputEPCClass=${encodeURIComponent(`${DL}/01/${A.raw}/10/MV2605`)}`), ['TransformationEvent']);
  assert.deepEqual(await q(`?MATCH_anyEPCClass=${encodeURIComponent(`${DL}/01/${A.bottled}/10/MV2605B`)}`), ['AggregationEvent', 'TransformationEvent']);
  assert.deepEqual(await q(`?MATCH_epc=${encodeURIComponent(`urn:epc:idpat:sgtin:${A.bottled.slice(1, 8)}.${A.bottled[0]}${A.bottled.slice(8, 13)}.*`)}&eventType=TransactionEvent`), ['TransactionEvent']);
  const ordered = await events('?orderBy=eventTime&orderDirection=DESC&eventType=ObjectEvent|TransactionEvent', producerA);
  assert.ok(Date.parse(ordered[0].eventTime as string) >= Date.parse(ordered.at(-1)!.eventTime as string));
  for (const bad of ['?EQ_nothing=1', '?eventType=Nope', '?GE_eventTime=yesterday', '?perPage=0', '?orderBy=name', '?nextPageToken=abc', `?MATCH_epc=${encodeURIComponent(`${DL}/01/08930001000011`)}`]) {
    const problem = assertProblem(await t.call({ url: `/epcis/events${bad}`, as: producerA }), 400);
    assert.equal(problem.type, 'epcisException:QueryParameterException');
  }
  // Resource views.
  assert.deepEqual((await t.call({ url: `/epcis/bizSteps/packing/events`, as: producerA })).json().epcisBody.queryResults.resultsBody.eventList.map((e: { type: string }) => e.type), ['AggregationEvent']);
  assert.equal((await t.call({ url: `/epcis/epcs/${encodeURIComponent(`${DL}/01/${A.carton}/21/LOGGER-7`)}/events`, as: producerA })).json().epcisBody.queryResults.resultsBody.eventList.length, 1);
  assert.equal((await t.call({ url: `/epcis/bizLocations/${encodeURIComponent(sglnUrn(A.area))}/events`, as: producerA })).json().epcisBody.queryResults.resultsBody.eventList.length, 1);
});

test('paging: perPage, nextPageToken and the Link header walk every event once; eventCountLimit caps the total', async () => {
  const seen: string[] = [];
  let url: string | undefined = '/epcis/events?perPage=2&orderBy=recordTime';
  for (let pages = 0; url && pages < 20; pages++) {
    const res = await t.call({ url, as: producerA });
    assert.equal(res.statusCode, 200, res.body);
    seen.push(...res.json().epcisBody.queryResults.resultsBody.eventList.map((e: { eventID: string }) => e.eventID));
    url = /<([^>]+)>; rel="next"/.exec(String(res.headers.link ?? ''))?.[1];
  }
  const all = await events('?perPage=1000', producerA);
  assert.equal(seen.length, all.length);
  assert.equal(new Set(seen).size, seen.length);
  assert.equal((await events('?perPage=2&eventCountLimit=3', producerA)).length, 2);
  const first = await t.call({ url: '/epcis/events?perPage=2&eventCountLimit=3', as: producerA });
  const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))![1];
  const second = await t.call({ url: next, as: producerA });
  assert.equal(second.json().epcisBody.queryResults.resultsBody.eventList.length, 1);
  assert.equal(second.headers.link, undefined);
  // A token belongs to its query.
  const token = new URL(next, 'http://x').searchParams.get('nextPageToken')!;
  assertProblem(await t.call({ url: `/epcis/events?perPage=2&eventType=ObjectEvent&nextPageToken=${token}`, as: producerA }), 400, 'epcis_query_parameter');
});

test('corrections are errorDeclaration events: the original stays, EXISTS_errorDeclaration finds the correction', async () => {
  const corrected = { ...chain.packing, eventID: chainIds.find(Boolean), errorDeclaration: { declarationTime: '2026-05-04T08:00:00+07:00', reason: 'incorrect_data', correctiveEventIDs: ['urn:uuid:00000000-0000-4000-8000-000000000001'] } };
  const aggregationId = (await events('?eventType=AggregationEvent', producerA))[0].eventID as string;
  corrected.eventID = `${aggregationId}-declared`;
  const res = await capture(producerA, document([corrected]));
  assert.equal(res.statusCode, 202, res.body);
  const declared = await events('?EXISTS_errorDeclaration', producerA);
  assert.equal(declared.length, 1);
  assert.equal((declared[0].errorDeclaration as { reason: string }).reason, 'incorrect_data');
  assert.equal((await events(`?EQ_eventID=${encodeURIComponent(aggregationId)}`, producerA)).length, 1);
});

test('genealogy: back from the bottled lot reaches the raw honey and its harvest; forward from the raw lot reaches the carton', async () => {
  const back = await t.call({ url: `/epcis/trace?epc=${encodeURIComponent(`${DL}/01/${A.bottled}/10/MV2605B`)}&direction=back`, as: producerA });
  assert.equal(back.statusCode, 200, back.body);
  const b = back.json();
  assert.ok(b.identifiers.some((i: { epc: string; relation: string }) => i.epc === `${DL}/01/${A.raw}/10/MV2605` && i.relation === 'input'));
  assert.ok(b.epcisBody.queryResults.resultsBody.eventList.some((e: { type: string }) => e.type === 'ObjectEvent'), 'the harvest of the raw lot');
  const fwd = (await t.call({ url: `/epcis/trace?epc=${encodeURIComponent(lgtinUrn(A.raw, 'MV2605'))}&direction=forward`, as: producerA })).json();
  const related = fwd.identifiers.map((i: { epc: string }) => i.epc);
  assert.ok(related.includes(`${DL}/01/${A.bottled}/21/MV2605-0001`));
  assert.ok(related.includes(`${DL}/01/${A.carton}/21/C-MV2605-01`), 'the carton the jars were packed into');
  assert.deepEqual(new Set(fwd.epcisBody.queryResults.resultsBody.eventList.map((e: { type: string }) => e.type)), new Set(['ObjectEvent', 'TransformationEvent', 'AggregationEvent', 'TransactionEvent', 'AssociationEvent']));
  const both = (await t.call({ url: `/epcis/trace?epc=${encodeURIComponent(`${DL}/01/${A.bottled}/10/MV2605B`)}&direction=both`, as: producerA })).json();
  const bothEpcs = both.identifiers.map((i: { epc: string }) => i.epc);
  assert.ok(bothEpcs.includes(`${DL}/01/${A.raw}/10/MV2605`) && bothEpcs.includes(`${DL}/01/${A.carton}/21/C-MV2605-01`), 'where it came from and where it went');
  assertProblem(await t.call({ url: `/epcis/trace?epc=${encodeURIComponent(`${DL}/01/08930001000011`)}` }), 400);
});

test('who reads: officers all; an entity its own chain; the public only events about certified products', async () => {
  const mine = (await events('?perPage=1000', producerA)).length;
  assert.ok(mine >= 5);
  assert.equal((await events('?perPage=1000', producerB)).length, 0);
  const officer = await t.user('province', { provinceCode: '19' });
  assert.ok((await events('?perPage=1000', officer)).length > mine, 'the partner\'s events too');
  // Entity A's products are certified: its events are public trace data; the partner's unknown lot is not.
  const pub = await events('?perPage=1000');
  assert.ok(pub.length >= 4 && pub.length <= mine);
  assert.equal((await events('?EQ_eventID=urn:uuid:7b1a7e0e-0c9a-4f7e-9d55-3a4f1d0c2b11')).length, 0);
  await t.database.db.execute(sql`UPDATE product SET status = 'revoked' WHERE entity_id = ${entityA}`);
  assert.equal((await events('?perPage=1000')).length, 0);
  await t.database.db.execute(sql`UPDATE product SET status = 'certified' WHERE entity_id = ${entityA}`);
});

test('tamper evidence: the chain verifies; altering a stored event in the database is reported at its capture', async () => {
  const ok = await t.call({ url: `/epcis/verify?entity=${entityA}`, as: producerA });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().intact, true);
  assert.ok(ok.json().captures >= 2);
  assertProblem(await t.call({ url: `/epcis/verify?entity=${entityA}`, as: producerB }), 403);
  assertProblem(await t.call({ url: `/epcis/verify?entity=${entityA}` }), 401);
  assert.equal((await t.call({ url: '/epcis/verify?entity=central', as: central })).json().intact, true);
  // Someone with database access changes the harvested quantity of the first capture's ObjectEvent.
  const [target] = await query<{ seq: number; capture_id: string; chain_seq: number }>(t.database.db, sql`
    SELECT e.seq, e.capture_id, c.chain_seq FROM epcis_event e JOIN epcis_capture c ON c.id = e.capture_id
    WHERE e.entity_id = ${entityA} AND e.event_type = 'ObjectEvent' ORDER BY e.seq LIMIT 1`);
  await t.database.db.execute(sql`UPDATE epcis_event SET body = jsonb_set(body, '{quantityList,0,quantity}', '99') WHERE seq = ${target.seq}`);
  const broken = (await t.call({ url: `/epcis/verify?entity=${entityA}`, as: central })).json();
  assert.equal(broken.intact, false);
  assert.equal(broken.firstBroken.captureID, target.capture_id);
  assert.equal(broken.firstBroken.chainSeq, Number(target.chain_seq));
  assert.equal(broken.firstBroken.reason, 'hash_mismatch');
  // Deleting an event's identifier row instead is caught as well.
  await t.database.db.execute(sql`UPDATE epcis_event SET body = jsonb_set(body, '{quantityList,0,quantity}', '120.5') WHERE seq = ${target.seq}`);
  assert.equal((await t.call({ url: `/epcis/verify?entity=${entityA}`, as: central })).json().intact, true);
  await t.database.db.execute(sql`DELETE FROM epcis_event_epc WHERE event_seq = ${target.seq} AND role = 'class'`);
  assert.equal((await t.call({ url: `/epcis/verify?entity=${entityA}`, as: central })).json().firstBroken.captureID, target.capture_id);
});
