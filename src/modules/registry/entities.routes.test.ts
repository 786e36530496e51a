import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { DONG_VAN, entityBody, MEO_VAC, TAN_CUONG, testApp, type TestApp } from '../../../test/harness.js';
import { assertProblem, counts, makeEntity, signUp, unique } from '../../../test/api-helpers.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

const audit = (id: string) => query<{ action: string; actor_id: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
  t.database.db, sql`SELECT action, actor_id, before, after FROM audit_log WHERE record_type = 'entity' AND record_id = ${id} ORDER BY id`);

test('a producer signs up: pending entity, no products before approval; the commune approves; audited', async () => {
  const { session, entityId } = await signUp(t, MEO_VAC);
  const mine = await t.call({ url: `/api/v1/entities/${entityId}`, as: session });
  assert.equal(mine.json().status, 'pending');
  // The sign-up is on record as the producer's own doing: the new account registers the entity, then joins it.
  const producer = session.user.id;
  assert.equal(session.user.entityId, entityId);
  const registered = (await audit(entityId)).find((a) => a.action === 'entity.create')!;
  assert.equal(registered.actor_id, producer, 'the entity was registered by the new producer, not by nobody');
  assert.equal(registered.after!.status, 'pending');
  const shown = (await t.call({ url: `/api/v1/entities/${entityId}/history`, as: session })).json().items.find((h: { action: string }) => h.action === 'entity.create');
  assert.deepEqual([shown.actorId, shown.actorName], [producer, 'Sùng Thị Mỷ']);
  const account = await query<{ action: string; actor_id: string | null; after: { entityId: string | null } }>(
    t.database.db, sql`SELECT action, actor_id, after FROM audit_log WHERE record_type = 'user' AND record_id = ${producer} ORDER BY id`);
  assert.deepEqual(account.map((a) => [a.action, a.actor_id, a.after.entityId]), [['user.create', null, null], ['user.join_entity', producer, entityId]]);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/products', as: session, body: { entityId, name: 'Mật ong', productSet: 4 } }), 409, 'entity_not_approved');
  // The public and other communes do not see a pending entity.
  assertProblem(await t.call({ url: `/api/v1/entities/${entityId}` }), 404, 'entity_not_found');
  const otherCommune = await t.user('commune', { communeCode: DONG_VAN });
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/entities/${entityId}/approve`, as: otherCommune, body: { version: 1 } }), 404);
  // The producer cannot approve itself.
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/entities/${entityId}/approve`, as: session, body: { version: 1 } }), 403);
  const commune = await t.user('commune', { communeCode: MEO_VAC });
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/entities/${entityId}/approve`, as: commune, body: { version: 7 } }), 409, 'stale_version');
  const approved = await t.call({ method: 'POST', url: `/api/v1/entities/${entityId}/approve`, as: commune, body: { version: 1 } });
  assert.equal(approved.statusCode, 200, approved.body);
  assert.equal(approved.json().status, 'approved');
  assert.equal(approved.json().version, 2);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/entities/${entityId}/approve`, as: commune, body: { version: 2 } }), 409, 'entity_already_approved');
  const product = await t.call({ method: 'POST', url: '/api/v1/products', as: session, body: { entityId, name: 'Mật ong bạc hà', productSet: 4 } });
  assert.equal(product.statusCode, 201, product.body);
  assert.equal((await t.call({ url: `/api/v1/entities/${entityId}` })).statusCode, 200, 'published once approved');
  const trail = await audit(entityId);
  const approval = trail.find((a) => a.action === 'entity.approve')!;
  assert.equal(approval.actor_id, commune.user.id);
  assert.equal(approval.before!.status, 'pending');
  assert.equal(approval.after!.status, 'approved');
});

test('the commune refuses with a reason the producer reads; audited', async () => {
  const { session, entityId } = await signUp(t, MEO_VAC);
  const commune = await t.user('commune', { communeCode: MEO_VAC });
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/entities/${entityId}/refuse`, as: commune, body: { version: 1 } }), 400, 'validation_failed', 'reason');
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/entities/${entityId}/refuse`, as: commune, body: { version: 1, reason: '   ' } }), 400, 'validation_failed', 'reason');
  const res = await t.call({ method: 'POST', url: `/api/v1/entities/${entityId}/refuse`, as: commune, body: { version: 1, reason: 'Giấy đăng ký kinh doanh đã hết hiệu lực' } });
  assert.equal(res.statusCode, 200, res.body);
  const seen = (await t.call({ url: `/api/v1/entities/${entityId}`, as: session })).json();
  assert.equal(seen.status, 'refused');
  assert.equal(seen.statusReason, 'Giấy đăng ký kinh doanh đã hết hiệu lực');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/products', as: session, body: { entityId, name: 'Mật ong', productSet: 4 } }), 409, 'entity_not_approved');
  const refusal = (await audit(entityId)).find((a) => a.action === 'entity.refuse')!;
  assert.equal(refusal.actor_id, commune.user.id);
  assert.equal(refusal.after!.statusReason, 'Giấy đăng ký kinh doanh đã hết hiệu lực');
});

test('an entity member invites a colleague who accepts and may then edit that entity, not another', async () => {
  const { session, entityId } = await signUp(t, MEO_VAC);
  const central = await t.user('central');
  const other = await makeEntity(t, central, MEO_VAC);
  const email = `${unique('dong.nghiep')}@test.ocop.vn`;
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/entities/${other.id}/invitations`, as: session, body: { email } }), 403);
  const inv = await t.call({ method: 'POST', url: `/api/v1/entities/${entityId}/invitations`, as: session, body: { email } });
  assert.equal(inv.statusCode, 201, inv.body);
  const { token } = inv.json();
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/accept-invitation', body: { token: 'x'.repeat(20), fullName: 'Giàng A Páo', password: 'mat khau moi 2026' } }), 404, 'invitation_not_found');
  const acc = await t.call({ method: 'POST', url: '/api/v1/auth/accept-invitation', body: { token, fullName: 'Giàng A Páo', password: 'mat khau moi 2026' } });
  assert.equal(acc.statusCode, 201, acc.body);
  assert.equal(acc.json().entityId, entityId);
  assert.equal(acc.json().role, 'entity');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/accept-invitation', body: { token, fullName: 'Lần hai', password: 'mat khau moi 2026' } }), 404, 'invitation_not_found');
  const colleague = await t.login(email, 'mat khau moi 2026');
  const cur = (await t.call({ url: `/api/v1/entities/${entityId}`, as: colleague })).json();
  const edit = await t.call({ method: 'PATCH', url: `/api/v1/entities/${entityId}`, as: colleague, body: { version: cur.version, address: 'Thôn Mã Pì Lèng' } });
  assert.equal(edit.statusCode, 200, edit.body);
  assert.equal(edit.json().address, 'Thôn Mã Pì Lèng');
  // Another entity reads as the public does: no version, no address (registry.fields.ts).
  const theirs = (await t.call({ url: `/api/v1/entities/${other.id}`, as: colleague })).json();
  assert.equal(theirs.version, undefined);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/entities/${other.id}`, as: colleague, body: { version: other.version, address: 'Chiếm' } }), 403);
  assert.equal((await t.call({ url: `/api/v1/entities/${other.id}`, as: central })).json().address, other.address);
});

test('officers create approved entities only inside their scope; the public and entity members cannot', async () => {
  const province = await t.user('province', { provinceCode: '08' });
  const commune = await t.user('commune', { communeCode: MEO_VAC });
  const { session: member } = await signUp(t, MEO_VAC);
  const before_ = await counts(t);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/entities', as: province, body: entityBody(TAN_CUONG) }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/entities', as: commune, body: entityBody(DONG_VAN) }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/entities', as: member, body: entityBody(MEO_VAC) }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/entities', body: entityBody(MEO_VAC) }), 401);
  assert.deepEqual(await counts(t), before_);
  const e = await makeEntity(t, commune, MEO_VAC);
  assert.equal(e.status, 'approved');
  assert.equal(e.provinceCode, '08');
  assert.equal(e.communeName, 'Xã Mèo Vạc');
  const [created] = await audit(e.id);
  assert.equal(created.action, 'entity.create');
  assert.equal(created.actor_id, commune.user.id);
  assert.equal(created.after!.registrationNumber, e.registrationNumber);
});

test('scope: a province officer cannot read or change another province\'s pending entity, but reads published ones', async () => {
  const { entityId: pending } = await signUp(t, TAN_CUONG);
  const central = await t.user('central');
  const published = await makeEntity(t, central, TAN_CUONG);
  const tq = await t.user('province', { provinceCode: '08' });
  assertProblem(await t.call({ url: `/api/v1/entities/${pending}`, as: tq }), 404, 'entity_not_found');
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/entities/${pending}`, as: tq, body: { version: 1, name: 'Đổi tên' } }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/entities/${pending}/approve`, as: tq, body: { version: 1 } }), 404);
  assertProblem(await t.call({ url: `/api/v1/entities/${pending}/history`, as: tq }), 404);
  assert.equal((await t.call({ url: `/api/v1/entities/${published.id}`, as: tq })).statusCode, 200);
  const res = await t.call({ method: 'PATCH', url: `/api/v1/entities/${published.id}`, as: tq, body: { version: published.version, name: 'Đổi tên' } });
  assert.ok([403, 404].includes(res.statusCode), res.body);
  assertProblem(await t.call({ url: `/api/v1/entities/${published.id}/history`, as: tq }), 403);
  assert.equal((await t.call({ url: `/api/v1/entities/${published.id}`, as: central })).json().name, published.name);
  // The province of the entity reads its history.
  const tn = await t.user('province', { provinceCode: '19' });
  assert.equal((await t.call({ url: `/api/v1/entities/${pending}`, as: tn })).statusCode, 200);
  assert.equal((await t.call({ url: `/api/v1/entities/${published.id}/history`, as: tn })).statusCode, 200);
});

test('lists never leak another scope\'s pending entities; the public sees only approved ones', async () => {
  const mark = unique('Leak');
  const { entityId: p08 } = await signUp(t, MEO_VAC, { name: `HTX ${mark} Mèo Vạc` });
  const { entityId: p19 } = await signUp(t, TAN_CUONG, { name: `HTX ${mark} Tân Cương` });
  const tq = await t.user('province', { provinceCode: '08' });
  const list = (await t.call({ url: `/api/v1/entities?status=pending&q=${mark}`, as: tq })).json();
  assert.deepEqual(list.items.map((e: { id: string }) => e.id), [p08]);
  assert.equal(list.total, 1);
  const all = (await t.call({ url: '/api/v1/entities?status=pending&pageSize=200', as: tq })).json();
  assert.ok(all.items.every((e: { provinceCode: string }) => e.provinceCode === '08'));
  const publicList = (await t.call({ url: `/api/v1/entities?q=${mark}` })).json();
  assert.equal(publicList.total, 0);
  assert.equal((await t.call({ url: '/api/v1/entities?status=pending' })).json().total, 0);
  const central = await t.user('central');
  assert.equal((await t.call({ url: `/api/v1/entities?q=${mark}`, as: central })).json().total, 2);
  const commune = await t.user('commune', { communeCode: DONG_VAN });
  assert.equal((await t.call({ url: `/api/v1/entities?q=${mark}`, as: commune })).json().total, 0);
  void p19;
});

test('an entity member cannot read another entity\'s pending record nor its history', async () => {
  const a = await signUp(t, MEO_VAC);
  const b = await signUp(t, MEO_VAC);
  assertProblem(await t.call({ url: `/api/v1/entities/${b.entityId}`, as: a.session }), 404);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/entities/${b.entityId}`, as: a.session, body: { version: 1, name: 'x' } }), 404);
  assertProblem(await t.call({ url: `/api/v1/entities/${b.entityId}/history`, as: a.session }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/entities/${b.entityId}/invitations`, as: a.session, body: { email: `${unique()}@t.vn` } }), 404);
  assert.equal((await t.call({ url: `/api/v1/entities/${a.entityId}/history`, as: a.session })).statusCode, 200);
});

test('PATCH with an old version → 409 stale_version with currentVersion, nothing changed', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  const first = await t.call({ method: 'PATCH', url: `/api/v1/entities/${e.id}`, as: central, body: { version: 1, workers: 30 } });
  assert.equal(first.statusCode, 200);
  assert.equal(first.json().version, 2);
  const before_ = await counts(t);
  const stale = assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/entities/${e.id}`, as: central, body: { version: 1, workers: 99 } }), 409, 'stale_version');
  assert.equal(stale.currentVersion, 2);
  assert.deepEqual(await counts(t), before_);
  assert.equal((await t.call({ url: `/api/v1/entities/${e.id}`, as: central })).json().workers, 30);
  const hist = (await t.call({ url: `/api/v1/entities/${e.id}/history`, as: central })).json().items;
  assert.equal(hist[0].action, 'entity.update');
  assert.deepEqual(hist[0].changes, ['workers']);
  assert.equal(hist[0].before.workers, 20);
  assert.equal(hist[0].after.workers, 30);
  assert.equal(hist[0].actorId, central.user.id);
});

test('duplicate registration numbers → 409, also when two registrations race', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  const before_ = await counts(t);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/entities', as: central, body: entityBody(DONG_VAN, { registrationNumber: e.registrationNumber }) }), 409, 'duplicate_registration_number', 'registrationNumber');
  const other = await makeEntity(t, central, DONG_VAN);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/entities/${other.id}`, as: central, body: { version: other.version, registrationNumber: e.registrationNumber } }), 409, 'duplicate_registration_number');
  // Sign-up opens the account before it registers the entity: the refusal must take the account back too.
  const beforeSignUp = await counts(t);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/signup', body: { email: `${unique()}@t.vn`, password: 'mat khau rat dai', fullName: 'A', entity: entityBody(MEO_VAC, { registrationNumber: e.registrationNumber }) } }), 409, 'duplicate_registration_number');
  assert.deepEqual(await counts(t), beforeSignUp);
  assert.equal((await counts(t)).entity, before_.entity + 1);
  const body = entityBody(MEO_VAC);
  const raced = await Promise.all([1, 2, 3].map(() => t.call({ method: 'POST', url: '/api/v1/entities', as: central, body })));
  assert.deepEqual(raced.map((r) => r.statusCode).sort(), [201, 409, 409]);
  for (const r of raced.filter((x) => x.statusCode === 409)) assertProblem(r, 409, 'duplicate_registration_number');
});

test('moving an entity: unknown commune → 400 unknown_commune; out of the officer\'s scope → 400', async () => {
  const commune = await t.user('commune', { communeCode: MEO_VAC });
  const e = await makeEntity(t, commune, MEO_VAC);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/entities/${e.id}`, as: commune, body: { version: 1, communeCode: '99999' } }), 400, 'unknown_commune', 'communeCode');
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/entities/${e.id}`, as: commune, body: { version: 1, communeCode: TAN_CUONG } }), 400, 'commune_out_of_scope');
  assert.equal((await t.call({ url: `/api/v1/entities/${e.id}`, as: commune })).json().version, 1);
});

test('entity history is in order and readable only by those who may edit', async () => {
  const commune = await t.user('commune', { communeCode: MEO_VAC });
  const e = await makeEntity(t, commune, MEO_VAC);
  await t.call({ method: 'PATCH', url: `/api/v1/entities/${e.id}`, as: commune, body: { version: 1, phone: '0912 345 678' } });
  const hist = (await t.call({ url: `/api/v1/entities/${e.id}/history`, as: commune })).json().items;
  assert.deepEqual(hist.map((h: { action: string }) => h.action), ['entity.update', 'entity.create']);
  assertProblem(await t.call({ url: `/api/v1/entities/${e.id}/history` }), 401, 'login_required'); // the route is for editors: never the public
  assertProblem(await t.call({ url: `/api/v1/entities/${e.id}/history`, as: await t.user('council', { provinceCode: '08' }) }), 403);
});
