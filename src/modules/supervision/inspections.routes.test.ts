// Inspections end to end over HTTP, on both engines: a province plans its year from the risk-based suggestions, the
// province office approves, the inspector records inspections (corrective action followed up until closed; a proposal
// to revoke), the competent authority completes the revocation from its queue; bad input writes nothing; an
// inspector of another province gets 404 (or 403 for a list of the province) on every route.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { UserActor } from '../../app/actor.js';
import { query } from '../../app/db.js';
import { MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, makeEntity, makeProduct } from '../../../test/api-helpers.js';
import { multipartBody } from '../../../test/multipart.js';
import { addDays, issueCertificate, vnDate } from '../scoring/index.js';

let t: TestApp;
let central: Session; let provinceA: Session; let inspectorA: Session; let inspectorB: Session; let provinceB: Session;
const today = vnDate(new Date());
const year = Number(today.slice(0, 4));
const P: Record<string, { id: string; number: string }> = {};

async function certified(as: Session, commune: string, name: string, stars: number, role: 'province' | 'central', provinceCode: string | null) {
  const e = await makeEntity(t, central, commune, { name: `HTX ${name}` });
  const p = await makeProduct(t, central, e.id, { name, status: 'registered' });
  const actor: UserActor = { kind: 'user', id: as.user.id, role, provinceCode, communeCode: null, entityId: null, via: 'session' };
  const c = await t.database.db.transaction((tx) => issueCertificate({ actor, tx, log: console as never, now: new Date() }, {
    productId: p.id, stars, kind: 'first', decisionNumber: `${Math.floor(Math.random() * 9000) + 1000}/QĐ-UBND`, decidedOn: today,
  }));
  return { id: p.id as string, number: c.number };
}

before(async () => {
  t = await testApp();
  central = await t.user('central');
  provinceA = await t.user('province', { provinceCode: '08' });
  provinceB = await t.user('province', { provinceCode: '19' });
  inspectorA = await t.user('inspector', { provinceCode: '08' });
  inspectorB = await t.user('inspector', { provinceCode: '19' });
  P.honey = await certified(provinceA, MEO_VAC, 'Mật ong bạc hà', 4, 'province', '08');
  P.tea = await certified(provinceA, MEO_VAC, 'Chè shan tuyết', 3, 'province', '08');
  P.five = await certified(central, MEO_VAC, 'Rượu ngô men lá', 5, 'central', null);
  P.other = await certified(provinceB, TAN_CUONG, 'Chè Tân Cương', 4, 'province', '19');
  // A consumer's complaint about the honey (a trusted fixture: the report table of the reports part).
  await t.database.db.execute(sql`INSERT INTO report (reference, product_id, province_code, commune_code, category, message, source, sla_due_on)
    VALUES ('PA-2026-ABCDEFGH', ${P.honey.id}, '08', ${MEO_VAC}, 'quality', 'Mật ong bị lên men, vị chua', 'public', ${today}::date)`);
});
after(() => t.close());

const post = (url: string, as: Session | undefined, body: Record<string, unknown>) => t.call({ method: 'POST', url: `/api/v1${url}`, as, body });
const get = (url: string, as?: Session) => t.call({ url: `/api/v1${url}`, as });
const checks = (issue: string[] = []) => Object.fromEntries(['label', 'logo', 'traceCode', 'samples', 'production', 'dossierClaims'].map((k) => [k, { result: issue.includes(k) ? 'issue' : 'ok', note: issue.includes(k) ? 'Không đạt' : null }]));
const record = (over: Record<string, unknown> = {}) => ({ inspectedOn: today, team: ['Nguyễn Văn Thanh', 'Lò Thị Hoa'], checks: checks(), findings: 'Nhãn đúng, sản xuất đảm bảo', conclusion: 'compliant', concludedOn: today, ...over });
const tally = async () => (await query<Record<string, number>>(t.database.db, sql`SELECT (SELECT count(*)::int FROM inspection) AS i, (SELECT count(*)::int FROM inspection_plan) AS p,
  (SELECT count(*)::int FROM corrective_action) AS a, (SELECT count(*)::int FROM revocation_proposal) AS r, (SELECT count(*)::int FROM stored_file) AS f`))[0];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
function upload(id: string, as: Session, bytes: Buffer) {
  const m = multipartBody([{ name: 'file', filename: 'ket-qua.pdf', type: 'application/pdf', bytes }]);
  return t.app.inject({ method: 'POST', url: `/api/v1/inspections/${id}/lab-result`, payload: m.payload, headers: { 'content-type': m.contentType, cookie: as.cookie, 'x-csrf-token': as.csrf } });
}

let plan: { id: string; version: number };
let honeyInspection: string; let teaInspection: string;

test('plan → suggestions → approval → inspections: a corrective action closed, a revocation proposed and completed by the authority', async () => {
  const created = await post('/inspection-plans', inspectorA, { provinceCode: '08', year, title: `Kế hoạch kiểm tra sản phẩm OCOP năm ${year}` });
  assert.equal(created.statusCode, 201, created.body);
  plan = created.json();
  assert.deepEqual([created.json().status, created.json().level, created.json().actions], ['draft', 'province', ['add_items']]);
  assertProblem(await post('/inspection-plans', inspectorA, { provinceCode: '08', year, title: 'Lần hai' }), 409, 'plan_exists');

  const sug = await get(`/inspection-plans/${plan.id}/suggestions`, inspectorA);
  assert.equal(sug.statusCode, 200, sug.body);
  const items = sug.json().items as { productId: string; reasons: string[]; complaints: number }[];
  const ids = items.map((i) => i.productId);
  assert.ok(ids.includes(P.honey.id) && ids.includes(P.tea.id));
  assert.ok(!ids.includes(P.five.id), 'a 5★ product is the Ministry\'s to plan');
  assert.ok(!ids.includes(P.other.id), 'another province\'s product');
  const honey = items.find((i) => i.productId === P.honey.id)!;
  assert.deepEqual([honey.complaints, honey.reasons.includes('complaints'), honey.reasons.includes('trace_missing'), honey.reasons.includes('never_inspected')], [1, true, true, true]);
  assert.ok(ids.indexOf(P.honey.id) < ids.indexOf(P.tea.id), 'complaints come first');

  const added = await post(`/inspection-plans/${plan.id}/items`, inspectorA, { items: [{ productId: P.honey.id, dueOn: today, reasons: honey.reasons }, { productId: P.tea.id, dueOn: today }] });
  assert.equal(added.statusCode, 201, added.body);
  [honeyInspection, teaInspection] = added.json().items.map((i: { id: string }) => i.id);
  assert.deepEqual(added.json().items.map((i: { state: string }) => i.state), ['planned', 'planned']);
  assert.ok(!(await get(`/inspection-plans/${plan.id}/suggestions`, inspectorA)).json().items.some((i: { productId: string }) => i.productId === P.honey.id), 'planned products leave the suggestions');

  // Not before the province office approves the plan; an inspector does not approve it.
  assertProblem(await post(`/inspections/${teaInspection}/record`, inspectorA, { ...record(), version: 1 }), 409, 'plan_not_approved');
  assertProblem(await post(`/inspection-plans/${plan.id}/approve`, inspectorA, { version: 1 }), 403);
  const approved = await post(`/inspection-plans/${plan.id}/approve`, provinceA, { version: 1 });
  assert.deepEqual([approved.statusCode, approved.json().status, approved.json().counts.planned], [200, 'approved', 2], approved.body);

  // The tea: a corrective action with its deadline, followed up until closed.
  const tea = await post(`/inspections/${teaInspection}/record`, inspectorA, {
    ...record({ conclusion: 'corrective_action', checks: checks(['label']), findings: 'Nhãn thiếu ngày sản xuất', correctiveActions: [{ description: 'Bổ sung ngày sản xuất trên nhãn', dueOn: addDays(today, 30) }] }), version: 1,
  });
  assert.equal(tea.statusCode, 200, tea.body);
  assert.deepEqual([tea.json().state, tea.json().correctiveActions.length, tea.json().correctiveActions[0].overdue], ['corrective_open', 1, false]);
  const action = tea.json().correctiveActions[0];
  const open = (await get('/corrective-actions?status=open', inspectorA)).json().items.map((a: { id: string }) => a.id);
  assert.ok(open.includes(action.id));
  const closed = await post(`/corrective-actions/${action.id}/close`, inspectorA, { version: 1, closedOn: today, closingNote: 'Đã xem nhãn mới in có ngày sản xuất' });
  assert.deepEqual([closed.statusCode, closed.json().status], [200, 'closed'], closed.body);
  assert.equal((await get(`/inspections/${teaInspection}`, inspectorA)).json().state, 'corrective_closed');
  assertProblem(await post(`/inspections/${teaInspection}/record`, inspectorA, { ...record(), version: 2 }), 409, 'inspection_already_recorded');

  // The honey: samples failed at the lab (the result uploaded, content-checked), a proposal to revoke on ground c.
  assertProblem(await upload(honeyInspection, inspectorA, Buffer.from('not a pdf at all')), 415, 'file_type_not_allowed');
  const up = await upload(honeyInspection, inspectorA, PDF);
  assert.equal(up.statusCode, 200, up.body);
  assert.equal((await t.call({ url: up.json().labFile.url, as: inspectorA })).body.slice(0, 5), '%PDF-');
  const honeyDone = await post(`/inspections/${honeyInspection}/record`, inspectorA, {
    ...record({ conclusion: 'revocation_proposed', revocationGround: 'c', labName: 'Trung tâm Kiểm nghiệm Tuyên Quang', labResult: 'fail', checks: checks(['samples']), findings: 'Mẫu mật ong có HMF vượt ngưỡng, không đạt TCVN 12605:2019' }),
    version: up.json().version,
  });
  assert.equal(honeyDone.statusCode, 200, honeyDone.body);
  assert.deepEqual([honeyDone.json().state, honeyDone.json().revocation.status, honeyDone.json().revocation.deadlineOn], ['revocation_pending', 'pending', addDays(today, 15)]);
  assert.deepEqual(honeyDone.json().actions, ['upload_lab_result'], 'the inspector cannot revoke');

  // The authority's queue (the province office for 4★): the proposal with Điều 8.4's deadline; the certificate's actions carry it.
  const todo = (await get('/me/todo', provinceA)).json();
  const item = todo.items.find((i: { kind: string; number: string }) => i.kind === 'revocation_proposed' && i.number === P.honey.number);
  assert.ok(item, 'in the authority\'s to-do list');
  assert.deepEqual([item.dueOn, item.overdue], [addDays(today, 15), false]);
  assert.ok(!(await get('/me/todo', central)).json().items.some((i: { kind: string }) => i.kind === 'revocation_proposed'), 'a 4★ proposal is not the Ministry\'s');
  const acts = (await get(`/certificates/${encodeURIComponent(P.honey.number)}/actions`, provinceA)).json();
  assert.deepEqual([acts.actions, acts.proposal.ground, acts.proposal.groundFoundOn, acts.proposal.sourcePath], [['revoke'], 'c', today, `/lam-viec/thanh-tra/kiem-tra/${honeyInspection}`]);
  const pending = (await get('/inspections?proposal=pending', provinceA)).json().items.map((i: { id: string }) => i.id);
  assert.deepEqual(pending, [honeyInspection]);
  const view = (await get(`/inspections/${honeyInspection}`, provinceA)).json();
  assert.deepEqual(view.actions, ['upload_lab_result', 'complete_revocation']);

  assertProblem(await post(`/inspections/${honeyInspection}/revocation`, central, { decisionNumber: '12/QĐ-BNNMT', decidedOn: today }), 403, 'not_competent_authority');
  const done = await post(`/inspections/${honeyInspection}/revocation`, provinceA, { decisionNumber: '215/QĐ-UBND', decidedOn: today });
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual([done.json().state, done.json().revocation.status, done.json().certificate.status], ['revoked', 'completed', 'revoked']);
  const v = (await get(`/certificates/${encodeURIComponent(P.honey.number)}/verify`)).json();
  assert.deepEqual([v.status, v.revocation.ground, v.revocation.groundFoundOn, v.revocation.deadlineOn, v.revocation.daysLate], ['revoked', 'c', today, addDays(today, 15), 0]);
  assert.ok(!(await get('/me/todo', provinceA)).json().items.some((i: { kind: string }) => i.kind === 'revocation_proposed'), 'gone from the queue');
  const summary = (await get('/inspections/summary', inspectorA)).json();
  assert.deepEqual([summary.planned, summary.openActions, summary.pendingRevocations, summary.complaintsAwaiting], [0, 0, 0, 1]);
  const history = (await get(`/inspections/${honeyInspection}/history`, inspectorA)).json().items.map((h: { action: string }) => h.action);
  assert.deepEqual(history, ['inspection.record', 'inspection.lab_result', 'inspection.plan']);
});

test('the Ministry plans the 5★ products; a province cannot plan them', async () => {
  assertProblem(await post('/inspection-plans', inspectorA, { provinceCode: '08', level: 'central', year, title: 'Kế hoạch của Bộ' }), 403);
  const p = await post('/inspection-plans', central, { provinceCode: '08', level: 'central', year, title: 'Kiểm tra sản phẩm OCOP 5 sao tỉnh Tuyên Quang' });
  assert.equal(p.statusCode, 201, p.body);
  const sug = (await get(`/inspection-plans/${p.json().id}/suggestions`, central)).json().items.map((i: { productId: string }) => i.productId);
  assert.deepEqual(sug, [P.five.id]);
  assertProblem(await post(`/inspection-plans/${p.json().id}/items`, central, { items: [{ productId: P.tea.id, dueOn: today }] }), 400, 'product_wrong_level', 'items.0.productId');
  assertProblem(await post(`/inspection-plans/${p.json().id}/items`, inspectorA, { items: [{ productId: P.five.id, dueOn: today }] }), 403);
  assert.equal((await get(`/inspection-plans/${p.json().id}`, inspectorA)).statusCode, 200, 'the province reads the Ministry\'s plan of its province');
});

test('bad input: refused with the field, nothing written', async () => {
  const before_ = await tally();
  const planned = (await get(`/inspections?plan=${plan.id}`, inspectorA)).json().items;
  assert.equal(planned.length, 2);
  const fresh = await post('/inspections', inspectorA, { productId: P.tea.id, dueOn: today });
  assert.equal(fresh.statusCode, 201, fresh.body);
  const id = fresh.json().id;
  const mid = await tally();
  assertProblem(await post(`/inspections/${id}/record`, inspectorA, { ...record({ conclusion: 'corrective_action' }), version: 1 }), 400, 'corrective_action_required', 'correctiveActions');
  assertProblem(await post(`/inspections/${id}/record`, inspectorA, { ...record({ conclusion: 'revocation_proposed' }), version: 1 }), 400, 'ground_required', 'revocationGround');
  assertProblem(await post(`/inspections/${id}/record`, inspectorA, { ...record({ conclusion: 'revocation_proposed', revocationGround: 'z' }), version: 1 }), 400, 'validation_failed', 'revocationGround');
  assertProblem(await post(`/inspections/${id}/record`, inspectorA, { ...record({ inspectedOn: addDays(today, 2), concludedOn: addDays(today, 2) }), version: 1 }), 400, 'date_in_future', 'inspectedOn');
  assertProblem(await post(`/inspections/${id}/record`, inspectorA, { ...record({ team: [] }), version: 1 }), 400, 'validation_failed', 'team');
  assertProblem(await post(`/inspections/${id}/record`, inspectorA, { ...record({ checks: { ...checks(), smell: { result: 'ok' } } }), version: 1 }), 400, 'validation_failed');
  assertProblem(await post(`/inspections/${id}/record`, inspectorA, { ...record(), version: 7 }), 409, 'stale_version');
  assertProblem(await post(`/inspections/${id}/record`, inspectorA, { ...record({ conclusion: 'corrective_action', correctiveActions: [{ description: 'x', dueOn: addDays(today, 400) }] }), version: 1 }), 400, 'corrective_deadline_out_of_range', 'correctiveActions.0.dueOn');
  assert.deepEqual(await tally(), mid, 'no refused record writes anything');
  assertProblem(await post(`/inspection-plans/${plan.id}/items`, inspectorA, { items: [{ productId: P.five.id, dueOn: `${year + 1}-01-15` }] }), 400, 'due_outside_plan_year', 'items.0.dueOn');
  assertProblem(await post(`/inspection-plans/${plan.id}/items`, inspectorA, { items: [{ productId: P.tea.id, dueOn: today }] }), 409, 'product_already_in_plan');
  const unrated = await makeProduct(t, central, (await makeEntity(t, central, MEO_VAC)).id, { status: 'registered' });
  assertProblem(await post('/inspections', inspectorA, { productId: unrated.id, dueOn: today }), 400, 'product_not_certified', 'productId');
  assertProblem(await post('/inspection-plans', inspectorA, { provinceCode: '08', year: 1999, title: 'Cũ' }), 400, 'validation_failed', 'year');
  assertProblem(await post('/corrective-actions/00000000-0000-4000-8000-000000000000/close', inspectorA, { version: 1, closedOn: today, closingNote: 'x' }), 404);
  assert.deepEqual({ ...(await tally()), i: before_.i + 1 }, { ...before_, i: before_.i + 1 });
});

test('scope: an inspector or office of another province gets 404 on every record, 403 on lists of the province; roles outside supervision 403; the public 401', async () => {
  const before_ = await tally();
  const action = (await get('/corrective-actions', inspectorA)).json().items[0];
  for (const as of [inspectorB, provinceB]) {
    assertProblem(await get(`/inspection-plans/${plan.id}`, as), 404);
    assertProblem(await get(`/inspection-plans/${plan.id}/suggestions`, as), 404);
    assertProblem(await post(`/inspection-plans/${plan.id}/items`, as, { items: [{ productId: P.tea.id, dueOn: today }] }), 404);
    assertProblem(await get(`/inspections/${teaInspection}`, as), 404);
    assertProblem(await get(`/inspections/${teaInspection}/history`, as), 404);
    assertProblem(await get(`/inspections/${honeyInspection}/lab-result`, as), 404);
    assertProblem(await upload(teaInspection, as, PDF), 404);
    assertProblem(await post(`/corrective-actions/${action.id}/close`, as, { version: 2, closedOn: today, closingNote: 'x' }), 404);
    assertProblem(await get('/inspections?province=08', as), 403, 'out_of_scope');
    assertProblem(await get('/inspection-plans?province=08', as), 403, 'out_of_scope');
    assertProblem(await get('/corrective-actions?province=08', as), 403, 'out_of_scope');
    assertProblem(await post('/inspection-plans', as, { provinceCode: '08', year: year + 1, title: 'Kế hoạch của tỉnh khác' }), 403);
    assertProblem(await post('/inspections', as, { productId: P.tea.id, dueOn: today }), 400, 'product_out_of_province');
    assert.equal((await get('/inspections', as)).json().items.length, 0, 'their own list holds nothing of 08');
    assert.equal((await get('/inspection-plans', as)).json().items.length, 0);
  }
  assertProblem(await post(`/inspection-plans/${plan.id}/approve`, provinceB, { version: 2 }), 404);
  assertProblem(await post(`/inspections/${honeyInspection}/revocation`, provinceB, { decisionNumber: '1/QĐ', decidedOn: today }), 404);
  assertProblem(await post(`/inspection-plans/${plan.id}/approve`, provinceA, { version: 2 }), 409, 'plan_already_approved');
  const commune = await t.user('commune', { communeCode: MEO_VAC });
  assertProblem(await get('/inspections', commune), 403);
  assertProblem(await get(`/inspections/${teaInspection}`, await t.user('entity', { entityId: (await makeEntity(t, central, MEO_VAC)).id })), 403);
  assertProblem(await get('/inspection-plans'), 401);
  // The central office reads every province, but records a province's inspection only through the province.
  assert.equal((await get(`/inspections/${teaInspection}`, central)).statusCode, 200);
  assert.ok((await get('/inspections?province=08', central)).json().items.length >= 3);
  assert.deepEqual(await tally(), before_, 'nothing written by the refusals');
});
