// The programme's plans and the OCOP cycle through the real API on a real database: a province's plan from draft to
// approval with its progress counted live from the data, bad input and scope refusals, the national plan, and the
// product idea that a commune accepts into the cycle, then the product's step and upgrade path.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { UserActor } from '../../app/actor.js';
import { query } from '../../app/db.js';
import { DONG_VAN, MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, makeEntity, makeProduct } from '../../../test/api-helpers.js';
import { answersNear, getSheet, issueCertificate } from '../scoring/index.js';

let t: TestApp;
let central: Session; let central2: Session; let provinceA: Session; let provinceOther: Session;
let commune: Session; let communeOther: Session; let producer: Session;
let entityId: string; let otherEntityId: string;

before(async () => {
  t = await testApp();
  central = await t.user('central');
  central2 = await t.user('central');
  provinceA = await t.user('province', { provinceCode: '08' });
  provinceOther = await t.user('province', { provinceCode: '19' });
  commune = await t.user('commune', { communeCode: MEO_VAC });
  communeOther = await t.user('commune', { communeCode: DONG_VAN });
  entityId = (await makeEntity(t, central, MEO_VAC)).id;
  producer = await t.user('entity', { entityId });
  otherEntityId = (await makeEntity(t, central, TAN_CUONG)).id;
});
after(() => t.close());

const plan08 = '/api/v1/plans/2026?province=08';
const rows = async () => (await query<{ p: number; v: number }>(t.database.db, sql`SELECT (SELECT count(*)::int FROM programme_plan) AS p, (SELECT count(*)::int FROM programme_plan_version) AS v`))[0];
const targets = [
  { kind: 'new_products', target: 6, byCommune: [{ communeCode: MEO_VAC, target: 3 }, { communeCode: DONG_VAN, target: 2 }] },
  { kind: 'new_products', stars: 4, sector: 'I', target: 2 },
  { kind: 'modern_channel_share', target: 50 },
  { kind: 'trainings', target: 4 },
  { kind: 'budget', label: 'Ngân sách tỉnh hỗ trợ chủ thể OCOP', target: 1_500_000_000 },
];
const byKey = (plan: { targets: { key: string; kind: string; achieved: number | null; byCommune: { communeCode: string; achieved: number | null }[] }[] }, i: number) => plan.targets[i];

/** A certificate issued by the province (the competent authority), as scoring's decision would. */
async function certify(productId: string, stars: number) {
  const actor: UserActor = { kind: 'user', id: provinceA.user.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' };
  await t.database.db.transaction((tx) => issueCertificate({ actor, tx, log: console as never, now: new Date() }, {
    productId, stars, kind: 'first', decisionNumber: `${stars}12/QĐ-UBND`, decidedOn: '2026-06-15',
  }));
}

test('a province drafts and submits its 2026 plan, the central office approves it; the public reads the approved targets with achievements that move with the data', async () => {
  assertProblem(await t.call({ url: plan08 }), 404, 'plan_not_found');
  const empty = await rows();

  // Who may write, and bad input: nothing is written.
  assertProblem(await t.call({ method: 'PUT', url: plan08, body: { basedOn: null, targets } }), 401);
  assertProblem(await t.call({ method: 'PUT', url: plan08, as: commune, body: { basedOn: null, targets } }), 403);
  assertProblem(await t.call({ method: 'PUT', url: plan08, as: provinceOther, body: { basedOn: null, targets } }), 403);
  assertProblem(await t.call({ method: 'PUT', url: plan08, as: provinceA, body: { basedOn: null, targets: [{ kind: 'rice_yield', target: 1 }] } }), 400, 'unknown_target_kind', 'targets.0.kind');
  assertProblem(await t.call({ method: 'PUT', url: plan08, as: provinceA, body: { basedOn: null, targets: [{ kind: 'modern_channel_share', target: 120 }] } }), 400, 'invalid_target_value', 'targets.0.target');
  assertProblem(await t.call({ method: 'PUT', url: plan08, as: provinceA, body: { basedOn: null, targets: [{ kind: 'modern_channel_share', stars: 4, target: 50 }] } }), 400, 'stars_not_applicable');
  assertProblem(await t.call({ method: 'PUT', url: plan08, as: provinceA, body: { basedOn: null, targets: [{ kind: 'budget', target: 5 }] } }), 400, 'label_required');
  assertProblem(await t.call({ method: 'PUT', url: plan08, as: provinceA, body: { basedOn: null, targets: [{ kind: 'new_products', target: 2, byCommune: [{ communeCode: TAN_CUONG, target: 1 }] }] } }), 400, 'commune_not_in_province', 'targets.0.byCommune.0.communeCode');
  assertProblem(await t.call({ method: 'PUT', url: plan08, as: provinceA, body: { basedOn: null, targets: [{ kind: 'new_products', target: 2, byCommune: [{ communeCode: MEO_VAC, target: 3 }] }] } }), 400, 'communes_exceed_target');
  assertProblem(await t.call({ method: 'PUT', url: plan08, as: provinceA, body: { basedOn: null, targets, extra: 1 } }), 400);
  assertProblem(await t.call({ method: 'PUT', url: '/api/v1/plans/1999?province=08', as: provinceA, body: { basedOn: null, targets } }), 400);
  assert.deepEqual(await rows(), empty, 'a refused edit writes nothing');

  // Draft, a second draft, then submitted and approved by another officer of the office.
  const v1 = await t.call({ method: 'PUT', url: plan08, as: provinceA, body: { basedOn: null, targets, note: 'Dự thảo lần 1' } });
  assert.equal(v1.statusCode, 200, v1.body);
  assert.deepEqual([v1.json().versionNumber, v1.json().status, v1.json().scope, v1.json().provinceName], [1, 'draft', 'province', 'Tuyên Quang']);
  assert.deepEqual(v1.json().targets.map((x: { key: string }) => x.key), ['t1', 't2', 't3', 't4', 't5']);
  assertProblem(await t.call({ method: 'PUT', url: plan08, as: provinceA, body: { basedOn: null, targets } }), 409, 'stale_version');
  const v2 = await t.call({ method: 'PUT', url: plan08, as: provinceA, body: { basedOn: 1, targets: v1.json().targets.map((x: { key: string }, i: number) => ({ ...targets[i], key: x.key })), note: 'Dự thảo lần 2' } });
  assert.deepEqual([v2.statusCode, v2.json().versionNumber, v2.json().actions], [200, 2, ['edit', 'submit']], v2.body);
  assertProblem(await t.call({ url: plan08 }), 404, 'plan_not_found'); // the public never reads a draft

  assertProblem(await t.call({ method: 'POST', url: '/api/v1/plans/2026/submit?province=08', as: provinceOther, body: { versionNumber: 2 } }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/plans/2026/submit?province=08', as: provinceA, body: { versionNumber: 1 } }), 409, 'stale_version');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/plans/2026/approve?province=08', as: central, body: { versionNumber: 2 } }), 409, 'plan_not_submitted');
  const submitted = await t.call({ method: 'POST', url: '/api/v1/plans/2026/submit?province=08', as: provinceA, body: { versionNumber: 2 } });
  assert.deepEqual([submitted.statusCode, submitted.json().status], [200, 'submitted'], submitted.body);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/plans/2026/approve?province=08', as: provinceA, body: { versionNumber: 2 } }), 403, 'approver_is_submitter');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/plans/2026/approve?province=08', as: provinceOther, body: { versionNumber: 2 } }), 403);
  const approved = await t.call({ method: 'POST', url: '/api/v1/plans/2026/approve?province=08', as: central, body: { versionNumber: 2 } });
  assert.deepEqual([approved.statusCode, approved.json().status, approved.json().approvedVersion], [200, 'approved', 2], approved.body);

  // The acceptance route: targets with `target` and a live `achieved`.
  const before_ = (await t.call({ url: plan08 })).json();
  assert.deepEqual([before_.versionNumber, before_.status, before_.planNote, before_.actions], [2, 'approved', undefined, undefined]);
  const [all, fourStar, share, trainings, budget] = before_.targets;
  assert.deepEqual([all.kind, all.target, all.unit, all.measured], ['new_products', 6, 'products', true]);
  assert.equal(typeof all.achieved, 'number');
  assert.deepEqual(all.byCommune.map((c: { communeCode: string; communeName: string; target: number }) => [c.communeCode, c.target]), [[MEO_VAC, 3], [DONG_VAN, 2]]);
  assert.match(fourStar.label.vi, /4 sao · Thực phẩm/);
  assert.deepEqual([share.unit, typeof share.achieved], ['percent', 'number']);
  assert.deepEqual([trainings.achieved, trainings.measured], [0, true], 'trainings: counted from the trainings held (none yet)');
  assert.deepEqual([budget.label.vi, budget.unit, budget.achieved], ['Ngân sách tỉnh hỗ trợ chủ thể OCOP', 'vnd', null]);

  // A product of Mèo Vạc certified 4★ (sector I: honey) in 2026: the counts move, live.
  const honey = await makeProduct(t, central, entityId, { status: 'registered' });
  await certify(honey.id, 4);
  const after_ = (await t.call({ url: plan08 })).json();
  assert.equal(byKey(after_, 0).achieved, all.achieved + 1);
  assert.equal(byKey(after_, 0).byCommune[0].achieved, all.byCommune[0].achieved + 1);
  assert.equal(byKey(after_, 0).byCommune[1].achieved, all.byCommune[1].achieved);
  assert.equal(byKey(after_, 1).achieved, fourStar.achieved + 1);
  assert.equal((await t.call({ url: '/api/v1/plans/2027?province=08' })).statusCode, 404);

  // An edit of the approved plan is a new draft; the approved version stays the public plan, frozen.
  const v3 = await t.call({ method: 'PUT', url: plan08, as: provinceA, body: { basedOn: 2, targets: [{ kind: 'new_products', target: 8 }] } });
  assert.deepEqual([v3.json().versionNumber, v3.json().status, v3.json().approvedVersion], [3, 'draft', 2]);
  assert.equal((await t.call({ url: plan08 })).json().versionNumber, 2);
  assert.equal((await t.call({ url: plan08, as: commune })).json().versionNumber, 3, 'officers of the province read the newest');
  assert.equal((await t.call({ url: `${plan08}&version=3` })).statusCode, 404);
  const versions = await t.call({ url: '/api/v1/plans/2026/versions?province=08', as: provinceA });
  assert.deepEqual(versions.json().items.map((v: { versionNumber: number; status: string }) => `${v.versionNumber}:${v.status}`), ['3:draft', '2:approved', '1:draft']);
  assertProblem(await t.call({ url: '/api/v1/plans/2026/versions?province=08', as: provinceOther }), 404);
  const audit = await query<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE record_type = 'programme_plan' ORDER BY id`);
  assert.deepEqual(audit.map((a) => a.action), ['plan.edit', 'plan.edit', 'plan.submit', 'plan.approve', 'plan.edit']);
});

test('the national plan is the central office\'s, approved by another central officer', async () => {
  const nation = '/api/v1/plans/2026';
  assertProblem(await t.call({ method: 'PUT', url: nation, as: provinceA, body: { basedOn: null, targets: [] } }), 403);
  assertProblem(await t.call({ method: 'PUT', url: nation, as: central, body: { basedOn: null, targets: [{ kind: 'new_products', target: 10, byCommune: [{ communeCode: MEO_VAC, target: 1 }] }] } }), 400, 'no_commune_breakdown');
  const v1 = await t.call({ method: 'PUT', url: nation, as: central, body: { basedOn: null, targets: [{ kind: 'new_products', stars: 5, target: 50 }, { kind: 'modern_channel_share', target: 50 }] } });
  assert.deepEqual([v1.statusCode, v1.json().scope, v1.json().provinceCode], [200, 'nation', null], v1.body);
  await t.call({ method: 'POST', url: `${nation}/submit`, as: central, body: { versionNumber: 1 } });
  assertProblem(await t.call({ method: 'POST', url: `${nation}/approve`, as: central, body: { versionNumber: 1 } }), 403, 'approver_is_submitter');
  assertProblem(await t.call({ method: 'POST', url: `${nation}/approve`, as: provinceA, body: { versionNumber: 1 } }), 403);
  assert.equal((await t.call({ method: 'POST', url: `${nation}/approve`, as: central2, body: { versionNumber: 1 } })).statusCode, 200);
  const pub = (await t.call({ url: nation })).json();
  assert.deepEqual([pub.scope, pub.status, pub.targets.length, typeof pub.targets[0].achieved], ['nation', 'approved', 2, 'number']);
  const list = (await t.call({ url: '/api/v1/plans?year=2026', as: provinceOther })).json();
  assert.deepEqual(list.items.map((p: { provinceCode: string | null; approvedVersion: number }) => [p.provinceCode, p.approvedVersion]), [[null, 1], ['08', 2]]);
});

test('a producer submits a product idea; the commune returns it, then accepts it into the cycle; the product\'s step and upgrade path', async () => {
  const body = { title: 'Trà hoa vàng Mèo Vạc', description: 'Trà từ hoa vàng mọc tự nhiên dưới tán rừng, sấy lạnh, đóng hộp quà tặng', productSet: 11, market: 'Khách du lịch cao nguyên đá' };
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/product-ideas', as: provinceA, body }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/product-ideas', as: producer, body: { ...body, title: 'T' } }), 400, undefined, 'title');
  const created = await t.call({ method: 'POST', url: '/api/v1/product-ideas', as: producer, body });
  assert.equal(created.statusCode, 201, created.body);
  const idea = created.json();
  assert.deepEqual([idea.status, idea.step, idea.entity.id, idea.communeCode, idea.actions], ['submitted', 'idea', entityId, MEO_VAC, ['edit']]);

  // Outside the scope: not found; a producer cannot decide.
  assertProblem(await t.call({ url: `/api/v1/product-ideas/${idea.id}`, as: communeOther }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/product-ideas/${idea.id}/accept`, as: communeOther, body: { version: 1 } }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/product-ideas/${idea.id}/accept`, as: producer, body: { version: 1 } }), 403);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/product-ideas/${idea.id}/return`, as: commune, body: { version: 1, reason: '' } }), 400);

  const returned = await t.call({ method: 'POST', url: `/api/v1/product-ideas/${idea.id}/return`, as: commune, body: { version: 1, reason: 'Ghi rõ vùng nguyên liệu hoa vàng' } });
  assert.deepEqual([returned.json().status, returned.json().statusReason], ['returned', 'Ghi rõ vùng nguyên liệu hoa vàng']);
  const fixed = await t.call({ method: 'PATCH', url: `/api/v1/product-ideas/${idea.id}`, as: producer, body: { version: 2, rawMaterials: '12 ha rừng trà hoa vàng xã Mèo Vạc' } });
  assert.deepEqual([fixed.statusCode, fixed.json().status], [200, 'submitted'], fixed.body);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/product-ideas/${idea.id}/business-plan`, as: producer, body: { version: 3, summary: 'Sấy lạnh 2 tấn hoa mỗi năm' } }), 409, 'idea_not_accepted');
  const accepted = await t.call({ method: 'POST', url: `/api/v1/product-ideas/${idea.id}/accept`, as: commune, body: { version: 3 } });
  assert.deepEqual([accepted.json().status, accepted.json().step], ['accepted', 'business_plan'], accepted.body);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/product-ideas/${idea.id}`, as: producer, body: { version: 4, title: 'Trà hoa vàng' } }), 409, 'idea_already_accepted');
  const plan = await t.call({ method: 'POST', url: `/api/v1/product-ideas/${idea.id}/business-plan`, as: producer, body: { version: 4, summary: 'Sấy lạnh 2 tấn hoa mỗi năm, hộp 50 g', investmentVnd: 350_000_000 } });
  assert.deepEqual([plan.statusCode, plan.json().businessPlan.investmentVnd], [200, 350_000_000], plan.body);

  // The product registered from the idea: its step is derived; the entity sees its idea and its upgrade path.
  const tea = await makeProduct(t, central, entityId, { name: 'Trà hoa vàng Mèo Vạc', productSet: 4, status: 'registered' });
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/product-ideas/${idea.id}/advance`, as: commune, body: { version: 5, productId: (await makeProduct(t, central, otherEntityId, { status: 'registered' })).id } }), 400, 'product_not_of_idea');
  const advanced = await t.call({ method: 'POST', url: `/api/v1/product-ideas/${idea.id}/advance`, as: commune, body: { version: 5, productId: tea.id } });
  assert.deepEqual([advanced.json().step, advanced.json().productId], ['implementation', tea.id], advanced.body);
  const pub = (await t.call({ url: `/api/v1/products/${tea.id}/cycle` })).json();
  assert.deepEqual([pub.step, pub.reason, pub.idea, pub.upgradePath], ['implementation', 'product_registered', undefined, undefined]);
  assert.deepEqual(pub.steps.map((s: { state: string }) => s.state), ['done', 'done', 'done', 'current', 'ahead', 'ahead']);
  const d = await t.call({ method: 'POST', url: '/api/v1/dossiers', as: producer, body: { productId: tea.id, type: 'first', answers: answersNear(getSheet(4)!, 80) } });
  assert.equal(d.statusCode, 201, d.body);
  const own = (await t.call({ url: `/api/v1/products/${tea.id}/cycle`, as: producer })).json();
  assert.deepEqual([own.step, own.idea.id, own.upgradePath.source, own.upgradePath.currentStars, own.upgradePath.targetStars, own.upgradePath.pointsNeeded], ['rating', idea.id, 'self_assessment', 4, 5, 10]);
  assert.ok(own.upgradePath.groups[0].gain >= own.upgradePath.groups.at(-1).gain);
  // What helps: the product set's requirements the checklist has not met (none recorded yet: all of them), and the
  // trainings coming up (none in this database); the public sees neither.
  assert.ok(own.help.standards.length > 0 && own.help.standards.every((x: { state: string }) => x.state === 'missing'), JSON.stringify(own.help));
  assert.deepEqual(own.help.trainings, []);
  assert.equal(pub.help, undefined);
  assert.equal((await t.call({ url: `/api/v1/products/${tea.id}/cycle`, as: communeOther })).json().upgradePath, undefined);

  // An idea for a producer not registered yet, by the commune officer; the phone reaches only the commune.
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/product-ideas', as: commune, body }), 400, 'producer_required', 'producerName');
  const walkIn = await t.call({ method: 'POST', url: '/api/v1/product-ideas', as: commune, body: { ...body, title: 'Rượu ngô men lá', producerName: 'Vàng Seo Páo', producerPhone: '0912 345 678' } });
  assert.equal(walkIn.statusCode, 201, walkIn.body);
  assert.equal(walkIn.json().producerPhone, undefined, 'lists and write answers carry no phone');
  assert.equal((await t.call({ url: `/api/v1/product-ideas/${walkIn.json().id}`, as: commune })).json().producerPhone, '0912 345 678');
  assert.equal((await t.call({ url: `/api/v1/product-ideas/${walkIn.json().id}`, as: provinceA })).json().producerPhone, undefined);
  const lists = await Promise.all([commune, producer, provinceOther, provinceA].map(async (as) => (await t.call({ url: '/api/v1/product-ideas', as })).json().total));
  assert.deepEqual(lists, [2, 1, 0, 2]);
  assert.equal((await t.call({ url: '/api/v1/product-ideas?status=submitted', as: commune })).json().items[0].producerName, 'Vàng Seo Páo');
  const history = (await t.call({ url: `/api/v1/product-ideas/${idea.id}/history`, as: producer })).json().items.map((h: { action: string }) => h.action);
  assert.deepEqual(history, ['idea.advance', 'idea.business_plan', 'idea.accept', 'idea.resubmit', 'idea.return', 'idea.submit']);
});
