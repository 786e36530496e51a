// GET /me/todo on the demo data: each demo account lands on its own work, ordered by legal deadline, overdue marked,
// and nobody outside a scope sees any of that scope's items.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { DEMO_PASSWORD } from '../../cli/seed/seed.js';
import { DONG_VAN, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { addDays, vnDate } from './certificates.rules.js';
import type { TodoOut } from './todo.contract.js';

let t: TestApp;
const today = vnDate(new Date());
before(async () => { t = await testApp({}, { demo: true }); });
after(() => t.close());

const demo = (who: string) => t.login(`${who}@demo.ocop.vn`, DEMO_PASSWORD);
async function todo(as: Session, qs = ''): Promise<TodoOut> {
  const res = await t.call({ url: `/api/v1/me/todo${qs}`, as });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['cache-control'], 'private, no-store');
  return res.json();
}
const subjects = (out: TodoOut, kind: string) => out.items.filter((i) => i.kind === kind).map((i) => i.subject);

/** Dated items by deadline, earliest first, then the undated ones. */
function assertOrdered(out: TodoOut) {
  const dues = out.items.map((i) => i.dueOn);
  const firstNull = dues.indexOf(null);
  const dated = (firstNull < 0 ? dues : dues.slice(0, firstNull)) as string[];
  assert.deepEqual(dated, [...dated].sort(), 'dated items by deadline');
  if (firstNull >= 0) assert.ok(dues.slice(firstNull).every((d) => d === null), 'undated items last');
  // A re-rating window is late once it has closed (its date is then the expiry, still ahead): checked on its own.
  for (const i of out.items.filter((x) => x.kind !== 'rerating_window')) assert.equal(i.overdue, i.kind === 'revocation_late' || (i.dueOn !== null && i.dueOn < today), `${i.kind} ${i.subject}`);
}

test('the commune officer: dossiers awaiting Mẫu 03, reports to forward, entities to approve; scope by name', async () => {
  const out = await todo(await demo('xa'));
  assertOrdered(out);
  assert.deepEqual(out.scope, { provinceName: 'Tỉnh Tuyên Quang', communeName: 'Xã Mèo Vạc', entityName: null });
  assert.deepEqual(subjects(out, 'commune_review'), ['Mật ong hoa cải Mèo Vạc']);
  assert.deepEqual(subjects(out, 'commune_forward'), ['Mật ong hoa ngô cao nguyên đá']);
  assert.equal(out.counts.entity_pending, 1);
  const review = out.items.find((i) => i.kind === 'commune_review')!;
  // The commune's 15 working days from the submission, from the database's holiday calendar.
  assert.equal(review.workingDaysLeft, 15);
  assert.ok(review.dueOn! > today);
  assert.equal(review.overdue, false);
  assert.match(review.link, /^\/ho-so\/[0-9a-f-]{36}$/);
  assert.deepEqual([review.provinceName, review.communeName], ['Tỉnh Tuyên Quang', 'Xã Mèo Vạc']);
  assert.match(out.items.find((i) => i.kind === 'entity_pending')!.link, /^\/lam-viec\/chu-the\//);
  assert.equal(out.total, 3);
});

test('the province office: to accept (a transition dossier overdue first), to schedule, to decide, re-rating windows', async () => {
  const out = await todo(await demo('tinh'), '?limit=100');
  assertOrdered(out);
  assert.equal(out.scope.provinceName, 'Tỉnh Tuyên Quang');
  // Filed under QĐ 148 before 22/05/2026: finished within 60 days of it (Điều 12.2), long past.
  assert.equal(out.items[0].subject, 'Mật ong bạc hà hồ sơ chuyển tiếp');
  assert.equal(out.items[0].kind, 'dossier_accept');
  assert.equal(out.items[0].overdue, true);
  assert.ok(out.items[0].workingDaysLeft! < 0);
  assert.ok(subjects(out, 'dossier_accept').includes('Mật ong hoa bạc hà rừng'));
  assert.ok(subjects(out, 'dossier_schedule').includes('Mật ong bạc hà tổ'));
  assert.ok(subjects(out, 'dossier_decide').includes('Rượu mật ong Mèo Vạc'));
  // In its window with no re-rating filed: listed; the one whose re-rating is already with the council: not.
  const window = out.items.find((i) => i.subject === 'Mật ong hoa tam giác mạch')!;
  assert.equal(window.kind, 'rerating_window');
  assert.equal(window.overdue, false);
  assert.match(window.link, /^\/lam-viec\/san-pham\//);
  assert.ok(!subjects(out, 'rerating_window').includes('Mật ong hoa rừng già'));
  // The demo's certificate whose window has closed (expiry in 30–110 days): a late filing, marked overdue, dated by its expiry.
  const closed = out.items.filter((i) => i.kind === 'rerating_window' && i.overdue);
  assert.ok(closed.length >= 1);
  for (const i of closed) assert.ok(i.dueOn! >= today && i.dueOn! <= addDays(today, 120));
  assert.ok(out.items.every((i) => i.provinceName === 'Tỉnh Tuyên Quang'));
  assert.equal(out.overdue, out.items.filter((i) => i.overdue).length);
});

test('council member: the open session still waiting for their score; the chair who scored has nothing there', async () => {
  const out = await todo(await demo('hoidong'));
  assert.deepEqual(subjects(out, 'session_scoring'), ['Phiên họp đánh giá, phân hạng đợt 2']);
  assert.match(out.items[0].link, /^\/phien-hop\/[0-9a-f-]{36}$/);
  assert.equal(out.items[0].detail, 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Tuyên Quang');
  const chair = await todo(await demo('chutich.hoidong'));
  assert.deepEqual(chair.items, []);
  // The secretary does not score; a member with a declared conflict of interest with the entity may not (saveScore).
  assert.deepEqual((await todo(await demo('thuky.hoidong'))).items, []);
  const member2 = await demo('thanhvien.hoidong');
  assert.deepEqual(subjects(await todo(member2), 'session_scoring'), ['Phiên họp đánh giá, phân hạng đợt 2'], 'saved a draft, not submitted');
  const [c] = await query<{ council_id: string; entity_id: string }>(t.database.db, sql`SELECT s.council_id, d.entity_id FROM council_session s
    JOIN session_item si ON si.session_id = s.id JOIN dossier d ON d.id = si.dossier_id WHERE s.status = 'open' AND s.title = 'Phiên họp đánh giá, phân hạng đợt 2'`);
  const res = await t.call({ method: 'POST', url: `/api/v1/councils/${c.council_id}/conflicts`, as: await demo('tinh'), body: { userId: member2.user.id, entityId: c.entity_id, reason: 'Thành viên HTX' } });
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual((await todo(member2)).items, []);
});

test('advisory team: the accepted dossier not yet reviewed; inspector: new certificates and revocations, late ones first', async () => {
  const advisory = await todo(await demo('tuvan'));
  assert.deepEqual(advisory.items.map((i) => [i.kind, i.subject]), [['advisory_review', 'Mật ong bạc hà mùa xuân']]);

  // A revocation decided 30 days after the finding (Điều 8.4: 15): late, and first on the inspector's list.
  const tinh = await demo('tinh');
  const [c] = await query<{ number: string }>(t.database.db, sql`SELECT c.number FROM certificate c JOIN product p ON p.id = c.product_id
    WHERE c.province_code = '08' AND c.status = 'valid' AND c.stars = 3 AND c.expires_on > ${addDays(today, 400)}::date ORDER BY c.number LIMIT 1`);
  const res = await t.call({ method: 'POST', url: `/api/v1/certificates/${c.number}/revoke`, as: tinh, body: { ground: 'c', decisionNumber: '77/QĐ-UBND', decidedOn: today, groundFoundOn: addDays(today, -30) } });
  assert.equal(res.statusCode, 200, res.body);
  const out = await todo(await demo('thanhtra'), '?limit=100');
  assertOrdered(out);
  assert.deepEqual([out.items[0].kind, out.items[0].number, out.items[0].overdue, out.items[0].dueOn], ['revocation_late', c.number, true, addDays(today, -15)]);
  assert.equal(out.items[0].link, `/lam-viec/giay-chung-nhan/${c.number}`);
  assert.ok(out.counts.revocation! >= 1, 'the demo revocation decided on time');
  assert.ok(subjects(out, 'certificate_issued').includes('Mật ong bạc hà nguyên chất'), 'certified by the demo session');
  assert.ok(out.items.every((i) => i.provinceName === 'Tỉnh Tuyên Quang'));
});

test('producer: the returned dossier with its reasons, the draft missing its documents, the re-rating window', async () => {
  const out = await todo(await demo('chuthe'));
  assertOrdered(out);
  assert.equal(out.scope.entityName, 'HTX Mật ong bạc hà Mèo Vạc');
  const returned = out.items.find((i) => i.kind === 'dossier_returned')!;
  assert.equal(returned.subject, 'Mật ong bạc hà chai thủy tinh');
  assert.match(returned.detail!, /Thiếu báo cáo tài chính 2 năm gần nhất; Phiếu kiểm nghiệm đã hết hạn/);
  assert.deepEqual(subjects(out, 'dossier_missing_files'), ['Mật ong bạc hà hũ gốm']);
  assert.deepEqual(subjects(out, 'rerating_window'), ['Mật ong hoa tam giác mạch']);
  assert.equal(out.counts.entity_status, 0, 'the demo entity is approved');
});

test('the Ministry: the 5★ candidate sent by the province, to accept', async () => {
  const out = await todo(await demo('trunguong'));
  assertOrdered(out);
  assert.ok(subjects(out, 'dossier_accept').includes('Mật ong bạc hà quà tặng'));
  assert.equal(out.scope.provinceName, null);
});

test('outside the scope: another commune, province, entity, council or advisory team sees none of these items', async () => {
  const demoKeys = new Set<string>();
  for (const who of ['xa', 'tinh', 'hoidong', 'tuvan', 'thanhtra', 'chuthe']) for (const i of (await todo(await demo(who), '?limit=100')).items) demoKeys.add(i.key);
  const outsiders = [
    await t.user('commune', { communeCode: DONG_VAN }), await t.user('province', { provinceCode: '19' }), await t.user('inspector', { provinceCode: '19' }),
    await t.user('council', { provinceCode: '08' }), await t.user('advisory', { provinceCode: '19' }),
  ];
  const [{ id: other }] = await query<{ id: string }>(t.database.db, sql`SELECT id FROM entity WHERE province_code <> '08' AND status = 'approved' ORDER BY id LIMIT 1`);
  outsiders.push(await t.user('entity', { entityId: other }));
  for (const s of outsiders) {
    const out = await todo(s, '?limit=100');
    assert.deepEqual(out.items.filter((i) => demoKeys.has(i.key)), [], `${s.user.id} sees another scope's items`);
  }
  // Thái Nguyên's officer and inspector: nothing of Tuyên Quang at all.
  for (const s of [outsiders[1], outsiders[2]]) assert.ok((await todo(s, '?limit=100')).items.every((i) => i.provinceName !== 'Tỉnh Tuyên Quang'));
  // The council account of Tuyên Quang that sits on no council: nothing to score.
  assert.deepEqual((await todo(outsiders[3])).items, []);
});

test('limit and total: the list is capped, the total counts every kind; bad input is a problem, the public is refused', async () => {
  const tinh = await demo('tinh');
  const one = await todo(tinh, '?limit=1');
  assert.equal(one.items.length, 1);
  assert.ok(one.total >= 5);
  assert.equal(one.capped, false);
  for (const qs of ['?limit=0', '?limit=101', '?limit=abc', '?province=19']) {
    const res = await t.call({ url: `/api/v1/me/todo${qs}`, as: tinh });
    assert.equal(res.statusCode, 400, qs);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
  }
  assert.equal((await t.call({ url: '/api/v1/me/todo' })).statusCode, 401);
});
