// Capacity building end to end: a province office organises a training, invites an entity, shows the check-in QR;
// the producer checks in with the link on a phone; the organiser adds a walk-in by hand; certificates of attendance
// print as PDF (one and all); evaluations once; the entity's history for its commune; scope refusals.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { DONG_VAN, MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, makeEntity } from '../../../test/api-helpers.js';
import { assertAdministrativePdf, fileNameOf } from '../../../test/pdf-text.js';
import { signCheckin } from './trainings.rules.js';

let t: TestApp;
let province: Session; let provinceOther: Session; let commune: Session; let communeOther: Session; let ownA: Session; let ownB: Session;
let entityA: { id: string }; let entityB: { id: string };
before(async () => {
  t = await testApp();
  const central = await t.user('central');
  entityA = await makeEntity(t, central, MEO_VAC);
  entityB = await makeEntity(t, central, TAN_CUONG, { name: 'HTX Chè Tân Cương' });
  province = await t.user('province', { provinceCode: '08' });
  provinceOther = await t.user('province', { provinceCode: '19' });
  commune = await t.user('commune', { communeCode: MEO_VAC });
  communeOther = await t.user('commune', { communeCode: DONG_VAN });
  ownA = await t.user('entity', { entityId: entityA.id });
  ownB = await t.user('entity', { entityId: entityB.id });
});
after(() => t.close());

const body = {
  kind: 'training', title: 'Tập huấn xây dựng câu chuyện sản phẩm OCOP', topic: 'product_innovation', level: 'province',
  startsOn: '2026-11-10', endsOn: '2026-11-11', place: 'Hội trường UBND xã Mèo Vạc', trainers: 'TS. Nguyễn Văn Hùng', budgetVnd: 45_000_000,
};

test('a training with QR check-in, a walk-in ticked by hand, certificates of attendance as PDF and one evaluation each', async () => {
  const created = await t.call({ method: 'POST', url: '/api/v1/trainings', as: province, body });
  assert.equal(created.statusCode, 201, created.body);
  const tr = created.json();
  assert.deepEqual([tr.provinceCode, tr.budgetVnd, tr.actions.includes('checkin')], ['08', 45_000_000, true]);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trainings/${tr.id}/invitations`, as: province, body: { entityIds: [entityB.id] } }), 400, 'invitee_outside_area', 'entityIds');
  const inv = await t.call({ method: 'POST', url: `/api/v1/trainings/${tr.id}/invitations`, as: province, body: { entityIds: [entityA.id, entityA.id] } });
  assert.equal(inv.json().counts.invitedEntities, 1, inv.body);

  // The producer sees it, invited, without the budget; outsiders do not see it at all.
  const seen = (await t.call({ url: `/api/v1/trainings/${tr.id}`, as: ownA })).json();
  assert.deepEqual([seen.mine.invited, seen.budgetVnd, seen.attendees, seen.actions], [true, undefined, undefined, ['register']]);
  for (const who of [ownB, provinceOther]) assertProblem(await t.call({ url: `/api/v1/trainings/${tr.id}`, as: who }), 404, 'training_not_found');
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trainings/${tr.id}/checkin-code`, as: ownA }), 403);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trainings/${tr.id}/checkin-code`, as: provinceOther }), 404);

  // The organiser's screen: a QR code of a signed link to the check-in page.
  const code = await t.call({ method: 'POST', url: `/api/v1/trainings/${tr.id}/checkin-code`, as: province });
  assert.equal(code.statusCode, 200, code.body);
  const { url, svg } = code.json();
  assert.match(url, /\/diem-danh\/[0-9a-f-]{36}\.\d+\.[\w-]{27}$/);
  assert.match(svg, /^<svg role="img"/);
  const token = url.split('/').pop()!;
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trainings/checkin', body: { token } }), 401);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trainings/checkin', as: ownA, body: { token: `${token.slice(0, -2)}xx` } }), 400, 'checkin_invalid', 'token');
  const [{ checkin_secret: secret }] = await query<{ checkin_secret: string }>(t.database.db, sql`SELECT checkin_secret FROM training WHERE id = ${tr.id}`);
  const stale = signCheckin(secret, tr.id, new Date(Date.now() - 3_600_000)).token;
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trainings/checkin', as: ownA, body: { token: stale } }), 400, 'checkin_expired', 'token');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trainings/checkin', as: ownB, body: { token } }), 404, 'training_not_found');
  const checked = await t.call({ method: 'POST', url: '/api/v1/trainings/checkin', as: ownA, body: { token } });
  assert.equal(checked.statusCode, 200, checked.body);
  assert.deepEqual([checked.json().already, checked.json().attendee.checkinMethod, checked.json().attendee.entity.id], [false, 'qr', entityA.id]);
  assert.equal((await t.call({ method: 'POST', url: '/api/v1/trainings/checkin', as: ownA, body: { token } })).json().already, true);

  // A producer without an account, ticked at the door.
  const walkIn = await t.call({ method: 'POST', url: `/api/v1/trainings/${tr.id}/attendees`, as: province, body: { fullName: 'Vàng Thị Dở', entityId: entityA.id, position: 'Xã viên' } });
  assert.deepEqual([walkIn.statusCode, walkIn.json().checkinMethod], [201, 'manual'], walkIn.body);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trainings/${tr.id}/attendees`, as: ownA, body: { fullName: 'Ai đó' } }), 403);

  const full = (await t.call({ url: `/api/v1/trainings/${tr.id}`, as: province })).json();
  assert.deepEqual([full.counts.attended, full.attendees.length], [2, 2]);
  const mine = full.attendees.find((a: { userId: string | null }) => a.userId === ownA.user.id);

  // One certificate (the producer's own), then all in one file.
  const one = await t.call({ url: mine.certificateUrl, as: ownA });
  const { flat } = assertAdministrativePdf(one, { motto: true, place: 'Tuyên Quang' });
  assert.match(flat, /GIẤY CHỨNG NHẬN/);
  assert.match(flat, /Tập huấn xây dựng câu chuyện sản phẩm OCOP/);
  assert.match(flat, /từ ngày 10 tháng 11 năm 2026 đến ngày 11 tháng 11 năm 2026/);
  assert.match(fileNameOf(one), /^giay-chung-nhan-tap-huan-.*\.pdf$/);
  assertProblem(await t.call({ url: mine.certificateUrl, as: ownB }), 404);
  const all = await t.call({ url: `/api/v1/trainings/${tr.id}/certificates.pdf`, as: province });
  const both = assertAdministrativePdf(all, { motto: true, place: 'Tuyên Quang' }).flat;
  assert.ok(both.includes('Vàng Thị Dở') && both.includes('Xã viên'), 'the walk-in has a page');
  assertProblem(await t.call({ url: `/api/v1/trainings/${tr.id}/certificates.pdf`, as: ownA }), 403);

  // Evaluation: once, by someone who came.
  const rating = { content: 5, trainers: 4, organisation: 4, usefulness: 5, comment: 'Rất thiết thực' };
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/trainings/${tr.id}/evaluation`, as: ownA, body: rating })).statusCode, 204);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trainings/${tr.id}/evaluation`, as: ownA, body: rating }), 409, 'already_evaluated');
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trainings/${tr.id}/evaluation`, as: ownA, body: { ...rating, content: 6 } }), 400, 'validation_failed');
  const evals = (await t.call({ url: `/api/v1/trainings/${tr.id}/evaluations`, as: province })).json();
  assert.deepEqual([evals.count, evals.attended, evals.averages.trainers, evals.comments], [1, 2, 4, ['Rất thiết thực']]);

  // The entity's history: the entity and its commune see it; another commune or province does not.
  const history = await t.call({ url: `/api/v1/trainings/history?entity=${entityA.id}`, as: commune });
  assert.equal(history.statusCode, 200, history.body);
  assert.deepEqual(history.json().items[0].people.map((p: { attended: boolean }) => p.attended), [true, true]);
  assert.ok(history.json().items[0].people.some((p: { fullName: string }) => p.fullName === "Vàng Thị Dở"));
  assertProblem(await t.call({ url: `/api/v1/trainings/history?entity=${entityA.id}`, as: communeOther }), 404);
  assertProblem(await t.call({ url: `/api/v1/trainings/history?entity=${entityA.id}`, as: provinceOther }), 404);
});

test('bad input and scope: a commune cannot organise a provincial event, dates out of order, an unknown field', async () => {
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trainings', as: commune, body }), 403, 'training_outside_scope');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trainings', as: ownA, body }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trainings', as: province, body: { ...body, endsOn: '2026-11-01' } }), 400, 'validation_failed', 'endsOn');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trainings', as: province, body: { ...body, extra: 1 } }), 400, 'validation_failed');
  const local = await t.call({ method: 'POST', url: '/api/v1/trainings', as: commune, body: { ...body, level: 'commune', kind: 'study_tour' } });
  assert.deepEqual([local.statusCode, local.json().communeCode], [201, MEO_VAC], local.body);
  assertProblem(await t.call({ url: `/api/v1/trainings/${local.json().id}`, as: communeOther }), 404);
  const listed = (await t.call({ url: '/api/v1/trainings?year=2026', as: ownA })).json();
  assert.ok(listed.items.some((i: { id: string }) => i.id === local.json().id), 'the commune\'s producers see the commune\'s events');
});
