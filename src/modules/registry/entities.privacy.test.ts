// The representative's sex, ethnicity, disability and personal phone (sensitive under Nghị định 13/2023/NĐ-CP):
// only the entity itself and the commune, province and central officers in scope read them; every read by someone
// other than the entity leaves a structured log line and a row in personal_data_access.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { query } from '../../app/db.js';
import { logSensitiveRead } from '../../app/privacy.js';
import { DONG_VAN, MEO_VAC, testApp, type TestApp } from '../../../test/harness.js';
import { signUp } from '../../../test/api-helpers.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

const reads = (id: string) => query<{ actor_id: string | null; actor_role: string; fields: string[]; route: string }>(
  t.database.db, sql`SELECT actor_id, actor_role, fields, route FROM personal_data_access WHERE record_type = 'entity' AND record_id = ${id} ORDER BY id`);

const SENSITIVE = { sex: 'female', ethnicity: 'Mông', disability: true, phone: '0912 345 678' };

async function approvedEntity() {
  const { session, entityId } = await signUp(t, MEO_VAC, { representative: { fullName: 'Sùng Thị Mỷ', position: 'Chủ hộ', ...SENSITIVE }, type: 'ho_kinh_doanh', phone: '0912 345 678' });
  const commune = await t.user('commune', { communeCode: MEO_VAC });
  const res = await t.call({ method: 'POST', url: `/api/v1/entities/${entityId}/approve`, as: commune, body: { version: 1 } });
  assert.equal(res.statusCode, 200, res.body);
  return { session, entityId, commune };
}

test('the entity itself and the commune in scope read the representative in full; officers elsewhere read the public shape', async () => {
  const { session, entityId, commune } = await approvedEntity();
  const own = (await t.call({ url: `/api/v1/entities/${entityId}`, as: session })).json();
  assert.deepEqual({ sex: own.representative.sex, ethnicity: own.representative.ethnicity, disability: own.representative.disability, phone: own.representative.phone }, SENSITIVE);
  const mine = (await t.call({ url: `/api/v1/entities/${entityId}`, as: commune })).json();
  assert.equal(mine.representative.ethnicity, 'Mông');
  assert.equal(mine.address, 'Thôn Tả Chải');
  const province = (await t.call({ url: `/api/v1/entities/${entityId}`, as: await t.user('province', { provinceCode: '08' }) })).json();
  assert.equal(province.representative.disability, true);
  const central = (await t.call({ url: `/api/v1/entities/${entityId}`, as: await t.user('central') })).json();
  assert.equal(central.representative.sex, 'female');

  // Published, so others may read it, but only as the public does.
  const outsiders = [
    await t.user('commune', { communeCode: DONG_VAN }), await t.user('province', { provinceCode: '19' }),
    await t.user('council', { provinceCode: '08' }), await t.user('advisory', { provinceCode: '08' }), await t.user('inspector', { provinceCode: '08' }),
  ];
  for (const who of [...outsiders, undefined]) {
    const res = await t.call({ url: `/api/v1/entities/${entityId}`, as: who });
    assert.equal(res.statusCode, 200);
    const e = res.json();
    for (const k of ['representative', 'address', 'phone', 'email', 'taxCode', 'registrationNumber', 'workers', 'statusReason', 'version']) assert.ok(!(k in e), `${k} hidden`);
    assert.equal(e.contact, null, 'a household\'s phone is not published until it chooses');
    assert.equal(e.communeCode, MEO_VAC);
  }
  // Lists give officers in scope the internal fields but leave the sensitive ones to the single record.
  const list = (await t.call({ url: `/api/v1/entities?commune=${MEO_VAC}&pageSize=200`, as: commune })).json();
  const row = list.items.find((x: { id: string }) => x.id === entityId);
  assert.deepEqual(row.representative, { fullName: 'Sùng Thị Mỷ', position: 'Chủ hộ' });
  const elsewhere = (await t.call({ url: `/api/v1/entities?commune=${MEO_VAC}&pageSize=200`, as: outsiders[0] })).json();
  assert.ok(!('representative' in elsewhere.items.find((x: { id: string }) => x.id === entityId)));
});

test('each sensitive read by someone other than the entity is logged, with who, what and where; the entity\'s own reads are not', async () => {
  const { session, entityId, commune } = await approvedEntity();
  const approvals = await reads(entityId);
  assert.equal(approvals.length, 1, 'the approval answered with the full record: one read by the commune');
  await t.call({ url: `/api/v1/entities/${entityId}`, as: session });
  await t.call({ url: `/api/v1/entities/${entityId}/history`, as: session });
  await t.call({ url: `/api/v1/entities/${entityId}` });
  await t.call({ url: `/api/v1/entities/${entityId}`, as: await t.user('commune', { communeCode: DONG_VAN }) });
  await t.call({ url: `/api/v1/entities?commune=${MEO_VAC}`, as: commune });
  assert.equal((await reads(entityId)).length, 1, 'the entity itself, the public, an officer elsewhere and lists leave no read');

  await t.call({ url: `/api/v1/entities/${entityId}`, as: commune });
  await t.call({ url: `/api/v1/entities/${entityId}/history`, as: commune });
  const rows = await reads(entityId);
  assert.equal(rows.length, 3);
  assert.equal(rows[1].actor_id, commune.user.id);
  assert.equal(rows[1].actor_role, 'commune');
  assert.equal(rows[1].route, '/api/v1/entities/:id');
  assert.deepEqual(rows[1].fields, ['representative.sex', 'representative.ethnicity', 'representative.disability', 'representative.phone']);
  assert.equal(rows[2].route, '/api/v1/entities/:id/history');
});

test('the structured log line names the reader, the record and the fields', async () => {
  const lines: unknown[] = [];
  const log = { info: (obj: unknown, msg: string) => lines.push({ ...obj as object, msg }) } as unknown as FastifyBaseLogger;
  const actor = { kind: 'user' as const, id: '11111111-1111-4111-8111-111111111111', role: 'province' as const, provinceCode: '08', communeCode: null, entityId: null, via: 'session' as const };
  await logSensitiveRead(t.database.db, log, actor, { recordType: 'entity', recordId: 'x-1', fields: ['representative.ethnicity'], route: '/api/v1/entities/:id', requestId: 'req-1' });
  assert.deepEqual(lines, [{ event: 'personal_data_read', actorId: actor.id, actorRole: 'province', recordType: 'entity', recordId: 'x-1', fields: ['representative.ethnicity'], route: '/api/v1/entities/:id', msg: 'sensitive personal data read' }]);
  const [row] = await query<{ request_id: string }>(t.database.db, sql`SELECT request_id FROM personal_data_access WHERE record_id = 'x-1'`);
  assert.equal(row.request_id, 'req-1');
});

test('an export gives rows outside the officer\'s scope as the public sees them, and is logged', async () => {
  const { entityId } = await approvedEntity();
  const thaiNguyen = await t.user('province', { provinceCode: '19' });
  const csvOf = async (as: Awaited<ReturnType<typeof t.user>>) => {
    const res = await t.call({ url: '/api/v1/entities/export?format=csv&q=Mèo Vạc&pageSize=200', as });
    assert.equal(res.statusCode, 200, res.body);
    return res.rawPayload.toString('utf8');
  };
  const elsewhere = await csvOf(thaiNguyen);
  assert.match(elsewhere, /HTX Mật ong bạc hà Mèo Vạc/);
  assert.doesNotMatch(elsewhere, /Mông|Sùng Thị Mỷ|0912 345 678|Thôn Tả Chải/, 'no representative, phone or street outside the scope');
  const inScope = await csvOf(await t.user('province', { provinceCode: '08' }));
  assert.match(inScope, /Mông/);
  const [row] = await query<{ actor_role: string; record_id: string }>(t.database.db, sql`SELECT actor_role, record_id FROM personal_data_access WHERE record_type = 'entity export' AND actor_id = ${thaiNguyen.user.id}`);
  assert.equal(row.actor_role, 'province');
  assert.match(row.record_id, /format=csv/);
  void entityId;
});
