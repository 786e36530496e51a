// The integrity analytics and the process audit over HTTP, on the demo integrity data (closed sessions of three
// provinces): every view, the drill-downs and exports; the scopes (a province sees its own council, an inspector of
// one province nothing of another's); council members refused, and no member shown another's figures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { seedDemoIntegrity } from '../../cli/seed/integrity.js';
import { issueCertificate } from '../scoring/index.js';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem } from '../../../test/api-helpers.js';

let t: TestApp;
let central: Session; let inspector08: Session; let inspector19: Session; let province08: Session; let province19: Session; let member19: Session; let centralOn19: Session;
let lenient: { id: string; name: string }; let fellow: string; let certNumber: string;

before(async () => {
  t = await testApp();
  const db = t.database.db;
  // A few approved producers with unrated products in the three provinces, as the demo has.
  await db.transaction(async (tx) => {
    for (const prov of ['08', '19', '38']) {
      const [c] = await query<{ code: string }>(tx, sql`SELECT code FROM commune WHERE province_code = ${prov} ORDER BY code LIMIT 1`);
      const [e] = await query<{ id: string }>(tx, sql`INSERT INTO entity (name, type, registration_number, address, commune_code, province_code, representative, status)
        VALUES (${`HTX thử ${prov}`}, 'htx', ${`REG-${prov}`}, 'Thôn 1', ${c.code}, ${prov}, '{"fullName":"A","sex":"female","ethnicity":"Kinh","disability":false}'::jsonb, 'approved') RETURNING id`);
      for (let i = 0; i < 20; i++) {
        await tx.execute(sql`INSERT INTO product (code, entity_id, name, product_set, status, province_code, commune_code)
          VALUES (${`${prov}-${c.code}-${i + 1}-2025`}, ${e.id}::uuid, ${`Sản phẩm ${prov} số ${i + 1}`}, ${[4, 1, 9, 13][i % 4]}, 'registered', ${prov}, ${c.code})`);
      }
    }
    await seedDemoIntegrity(tx);
  });
  central = await t.user('central');
  inspector08 = await t.user('inspector', { provinceCode: '08' });
  inspector19 = await t.user('inspector', { provinceCode: '19' });
  province08 = await t.user('province', { provinceCode: '08' });
  province19 = await t.user('province', { provinceCode: '19' });
  member19 = await t.user('council', { provinceCode: '19' });
  centralOn19 = await t.user('central');
  const [c19] = await query<{ id: string }>(db, sql`SELECT id FROM council WHERE province_code = '19'`);
  await db.execute(sql`INSERT INTO council_member (council_id, user_id, team, role) VALUES (${c19.id}::uuid, ${member19.user.id}::uuid, 'council', 'member'), (${c19.id}::uuid, ${centralOn19.user.id}::uuid, 'council', 'member')`);
  const [l] = await query<{ id: string; full_name: string }>(db, sql`SELECT id, full_name FROM app_user WHERE email = 'hoidong2.t19@demo.ocop.vn'`);
  lenient = { id: l.id, name: l.full_name };
  fellow = (await query<{ id: string }>(db, sql`SELECT id FROM app_user WHERE email = 'hoidong3.t19@demo.ocop.vn'`))[0].id;
  // A certificate issued for one of Tuyên Quang's rated products: its story.
  const [p] = await query<{ product_id: string; stars: number }>(db, sql`SELECT product_id, stars FROM dossier WHERE province_code = '08' AND status = 'certified' ORDER BY number LIMIT 1`);
  const cert = await db.transaction((tx) => issueCertificate({ actor: { kind: 'user', id: province08.user.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' }, tx, log: console as never, now: new Date() },
    { productId: p.product_id, stars: Number(p.stars), kind: 'first', decisionNumber: '77/QĐ-UBND', decidedOn: '2025-06-27', issuedOn: '2025-06-27' }));
  certNumber = cert.number;
});
after(() => t.close());

test('bunching over closed sessions: the histogram, the thresholds of data/rules, more means just above 70 than below; a province sees its own council only', async () => {
  const res = await t.call({ url: '/api/v1/integrity/bunching?window=2', as: central });
  assert.equal(res.statusCode, 200, res.body);
  const b = res.json();
  assert.ok(b.closedItems >= 40, `${b.closedItems} closed products`);
  assert.deepEqual(b.thresholds.map((x: { points: number }) => x.points), [50, 70, 90]);
  assert.equal(b.histogram.length, 100);
  assert.equal(b.histogram.reduce((s: number, h: { count: number }) => s + h.count, 0), b.closedItems);
  const b70 = b.rows.find((x: { threshold: number }) => x.threshold === 70);
  assert.ok(b70.above > b70.below, JSON.stringify(b70));
  assert.ok(b70.interval.low <= b70.shareAbove && b70.shareAbove <= b70.interval.high);

  const own = (await t.call({ url: '/api/v1/integrity/bunching', as: province08 })).json();
  const [n08] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM session_item si JOIN council_session s ON s.id = si.session_id JOIN council c ON c.id = s.council_id WHERE c.province_code = '08' AND s.status = 'closed'`);
  assert.equal(own.closedItems, Number(n08.n));
  assert.ok(own.closedItems < b.closedItems);
  assertProblem(await t.call({ url: '/api/v1/integrity/bunching?province=19', as: province08 }), 403, 'out_of_scope');
  assertProblem(await t.call({ url: '/api/v1/integrity/bunching?province=08', as: inspector19 }), 403, 'out_of_scope');
  assertProblem(await t.call({ url: '/api/v1/integrity/bunching' }), 401);
  for (const view of ['bunching', 'leniency', 'spread', 'self-assessment', 'timeliness', 'items', 'dossiers']) {
    assertProblem(await t.call({ url: `/api/v1/integrity/${view}`, as: member19 }), 403);
  }
});

test('leniency: the lenient member flagged; names for the central office and inspectors only; a member never sees a fellow member\'s figures', async () => {
  const all = (await t.call({ url: '/api/v1/integrity/leniency', as: central })).json();
  assert.equal(all.namesShown, true);
  const row = all.rows.find((r: { memberId: string }) => r.memberId === lenient.id);
  assert.equal(row.name, lenient.name);
  assert.ok(row.meanDiff >= 4 && row.flagged && row.n >= 10, JSON.stringify(row));
  assert.equal(all.rows[0].memberId, lenient.id, 'the most lenient first');
  assert.ok(all.rows.filter((r: { flagged: boolean }) => r.flagged).length <= 2);

  const prov = (await t.call({ url: '/api/v1/integrity/leniency', as: province19 })).json();
  assert.equal(prov.namesShown, false);
  assert.ok(prov.rows.length === 4 && prov.rows.every((r: { name: string | null; memberId: string | null; alias: string }) => r.name === null && r.memberId === null && /^TV\d\d$/.test(r.alias)));
  assert.ok(prov.rows[0].flagged);

  const insp = (await t.call({ url: '/api/v1/integrity/leniency', as: inspector08 })).json();
  assert.ok(insp.rows.length === 4 && insp.rows.every((r: { name: string | null }) => r.name !== null));
  assert.ok(!insp.rows.some((r: { memberId: string }) => r.memberId === lenient.id), 'another province\'s members are not in scope');

  // A central officer sitting on Thái Nguyên's council: its members are aliases, and their products cannot be listed.
  const sits = (await t.call({ url: '/api/v1/integrity/leniency?province=19', as: centralOn19 })).json();
  assert.ok(sits.rows.every((r: { name: string | null }) => r.name === null));
  assertProblem(await t.call({ url: `/api/v1/integrity/items?member=${fellow}`, as: centralOn19 }), 403, 'member_identity_hidden');
  assertProblem(await t.call({ url: `/api/v1/integrity/items?member=${lenient.id}`, as: province19 }), 403, 'member_identity_hidden');

  const drill = (await t.call({ url: `/api/v1/integrity/items?member=${lenient.id}`, as: central })).json();
  assert.equal(drill.total, row.n);
  assert.ok(drill.items.every((i: Record<string, unknown>) => i.provinceCode === '19' && !('total' in i) && !('scores' in i)), 'the council\'s mean only, never a member\'s score');
});

test('spread, self-assessment and deadlines: re-scoring moved scores, producers over-claim, some stages overdue; drill-downs and exports', async () => {
  const s = (await t.call({ url: '/api/v1/integrity/spread', as: central })).json();
  assert.ok(s.summary.rescored > 0 && s.summary.meanFirstSpread > s.summary.meanFinalSpread && s.summary.overLimitFirst > 0, JSON.stringify(s.summary));
  const re = (await t.call({ url: '/api/v1/integrity/items?rescored=true', as: central })).json();
  assert.equal(re.total, s.summary.rescored);

  const self = (await t.call({ url: '/api/v1/integrity/self-assessment', as: central })).json();
  assert.equal(self.rows.length, 3);
  assert.ok(self.rows.every((r: { meanGap: number }) => r.meanGap > 0), JSON.stringify(self.rows));
  const bySet = (await t.call({ url: '/api/v1/integrity/self-assessment?by=sheet&lang=en', as: central })).json();
  assert.ok(bySet.rows.length >= 3 && bySet.rows.every((r: { label: string }) => /^\d+\. \S/.test(r.label)));

  const time = (await t.call({ url: '/api/v1/integrity/timeliness', as: central })).json();
  assert.deepEqual([time.deadlines.communeWorkingDays, time.deadlines.reRatingDays], [15, 45]);
  const commune = time.byStage.find((r: { stage: string }) => r.stage === 'commune');
  assert.ok(commune.overdue > 0 && commune.overdue < commune.n, JSON.stringify(commune));
  const late = (await t.call({ url: '/api/v1/integrity/dossiers?stage=commune&overdue=true', as: central })).json();
  assert.equal(late.total, commune.overdue);
  assert.ok(late.items.every((d: { end: string; due: string }) => d.end > d.due));
  const own = (await t.call({ url: '/api/v1/integrity/dossiers?overdue=true', as: inspector08 })).json();
  assert.ok(own.items.every((d: { provinceCode: string }) => d.provinceCode === '08'));

  const band = (await t.call({ url: '/api/v1/integrity/items?meanFrom=70&meanBelow=72&province=08', as: inspector08 })).json();
  assert.ok(band.items.every((i: { mean: number; provinceCode: string }) => i.mean >= 70 && i.mean < 72 && i.provinceCode === '08'));

  const csv = await t.call({ url: '/api/v1/integrity/leniency?format=csv', as: central });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.ok(csv.body.startsWith('\uFEFFMã,Thành viên,Hội đồng') && csv.body.includes(lenient.name));
  const provCsv = await t.call({ url: '/api/v1/integrity/leniency?format=csv', as: province19 });
  assert.ok(!provCsv.body.includes(lenient.name), 'the file hides names as the view does');
  const xlsx = await t.call({ url: '/api/v1/integrity/timeliness?format=xlsx&lang=en', as: central });
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
});

test('audit trail: inspectors search their scope, keyset pages, export; a province inspector sees only its province', async () => {
  const page1 = await t.call({ url: '/api/v1/audit-trail?pageSize=2', as: central });
  assert.equal(page1.statusCode, 200, page1.body);
  const p1 = page1.json();
  assert.equal(p1.items.length, 2);
  assert.ok(p1.nextCursor);
  const p2 = (await t.call({ url: `/api/v1/audit-trail?pageSize=2&cursor=${p1.nextCursor}`, as: central })).json();
  assert.ok(BigInt(p2.items[0].id) < BigInt(p1.items[1].id));

  const mine = (await t.call({ url: '/api/v1/audit-trail?recordType=council_session&pageSize=100', as: inspector08 })).json();
  assert.ok(mine.items.length >= 3 && mine.items.every((a: { provinceCode: string }) => a.provinceCode === '08'));
  const national = (await t.call({ url: '/api/v1/audit-trail?action=session&pageSize=100', as: central })).json();
  assert.ok(national.items.some((a: { provinceCode: string }) => a.provinceCode === '19'));
  assertProblem(await t.call({ url: '/api/v1/audit-trail?province=19', as: inspector08 }), 403, 'out_of_scope');
  assertProblem(await t.call({ url: '/api/v1/audit-trail', as: province08 }), 403);
  assertProblem(await t.call({ url: '/api/v1/audit-trail', as: member19 }), 403);
  assertProblem(await t.call({ url: '/api/v1/audit-trail?cursor=bm90LWEtY3Vyc29y', as: central }), 400, 'invalid_cursor');
  // A member's score in the trail: its total for the central office, hidden from a central officer sitting on that council.
  await t.database.db.execute(sql`INSERT INTO audit_log (actor_id, action, record_type, record_id, province_code, after) VALUES (${lenient.id}::uuid, 'score.submit', 'member_score', ${lenient.id}, '19', '{"total": 77}'::jsonb)`);
  const seen = (await t.call({ url: '/api/v1/audit-trail?recordType=member_score', as: central })).json();
  assert.equal(seen.items[0].after.total, 77);
  const hidden = (await t.call({ url: '/api/v1/audit-trail?recordType=member_score', as: centralOn19 })).json();
  assert.deepEqual([hidden.items[0].after, hidden.items[0].changes], [null, ['total']]);
  const csv = await t.call({ url: '/api/v1/audit-trail?format=csv&recordType=certificate', as: inspector08 });
  assert.ok(csv.body.startsWith('\uFEFFThời điểm') && csv.body.includes('certificate.issue'));
});

test('a certificate\'s story: dossier, council session with the members\' totals, decision, complaints, audit; out of scope reads as absent', async () => {
  const [cert] = await query<{ product_id: string }>(t.database.db, sql`SELECT product_id FROM certificate WHERE number = ${certNumber}`);
  const filed = await t.call({ method: 'POST', url: '/api/v1/reports', body: { productId: cert.product_id, category: 'quality', message: 'Mật ong bị lên men, vị chua.', contact: '0912345678' } });
  assert.equal(filed.statusCode, 201, filed.body);
  const res = await t.call({ url: `/api/v1/certificates/${certNumber}/story`, as: inspector08 });
  assert.equal(res.statusCode, 200, res.body);
  const s = res.json();
  assert.equal(s.certificate.number, certNumber);
  assert.equal(s.dossiers.length, 1);
  assert.equal(s.sessions.length, 1);
  assert.equal(s.sessions[0].scores.length, 4);
  assert.equal(s.sessions[0].mean, s.dossiers[0].provinceMean);
  assert.ok(s.audit.some((a: { action: string }) => a.action === 'certificate.issue'));
  assert.deepEqual([s.inspections.available, s.inspections.items, s.complaints.available, s.revocation], [true, [], true, null]);
  assert.deepEqual(s.complaints.items.map((c: { reference: string; category: string }) => [c.reference, c.category]), [[filed.json().reference, 'quality']]);
  assert.ok(!JSON.stringify(s.complaints).includes('0912345678'), 'never the reporter\'s contact');
  assert.equal((await t.call({ url: `/api/v1/certificates/${certNumber}/story`, as: province08 })).statusCode, 200);
  assertProblem(await t.call({ url: `/api/v1/certificates/${certNumber}/story`, as: inspector19 }), 404);
  assertProblem(await t.call({ url: `/api/v1/certificates/${certNumber}/story`, as: member19 }), 403);
});
