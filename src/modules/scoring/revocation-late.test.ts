// Điều 8.4: the 15 days to revoke are the authority's duty, not a bar. A revocation decided later is accepted, stored
// with its deadline and days late, shown on the verification and listed for the authority and the inspectors.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { UserActor } from '../../app/actor.js';
import { query } from '../../app/db.js';
import { entityBody, MEO_VAC, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { issueCertificate } from './commands/issue-certificate.js';
import { addDays, revocationTiming, vnDate } from './certificates.rules.js';

let t: TestApp;
let tuyenQuang: Session;
const today = vnDate(new Date());

before(async () => {
  t = await testApp();
  tuyenQuang = await t.user('province', { provinceCode: '08' });
});
after(() => t.close());

async function certified(name: string) {
  const e = await t.call({ method: 'POST', url: '/api/v1/entities', as: tuyenQuang, body: entityBody(MEO_VAC, { name: `HTX ${name}` }) });
  assert.equal(e.statusCode, 201, e.body);
  const p = await t.call({ method: 'POST', url: '/api/v1/products', as: tuyenQuang, body: { entityId: e.json().id, name, productSet: 4, status: 'registered' } });
  assert.equal(p.statusCode, 201, p.body);
  const actor: UserActor = { kind: 'user', id: tuyenQuang.user.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' };
  return t.database.db.transaction((tx) => issueCertificate({ actor, tx, log: console as never, now: new Date() }, {
    productId: p.json().id, stars: 4, kind: 'first', decisionNumber: `${Math.floor(Math.random() * 9000) + 1000}/QĐ-UBND`, decidedOn: today,
  }));
}
const revoke = (number: string, groundFoundOn: string, decisionNumber: string) => t.call({
  method: 'POST', url: `/api/v1/certificates/${number}/revoke`, as: tuyenQuang, body: { ground: 'c', decisionNumber, decidedOn: today, groundFoundOn },
});
const lateList = (as?: Session, qs = '') => t.call({ url: `/api/v1/certificates/revocations/late${qs}`, as });

test('the timing rule: on day 15 on time, on day 20 five days late', () => {
  assert.deepEqual(revocationTiming('2026-06-01', '2026-06-16'), { deadlineOn: '2026-06-16', daysLate: 0 });
  assert.deepEqual(revocationTiming('2026-06-01', '2026-06-21'), { deadlineOn: '2026-06-16', daysLate: 5 });
  assert.deepEqual(revocationTiming('2026-06-01', '2026-06-01'), { deadlineOn: '2026-06-16', daysLate: 0 });
});

test('a revocation decided on day 20 after the finding is accepted and shown as late', async () => {
  const c = await certified('Mật ong bạc hà thu hồi muộn');
  const res = await revoke(c.number, addDays(today, -20), '77/QĐ-UBND');
  assert.equal(res.statusCode, 200, res.body);
  const v = (await t.call({ url: `/api/v1/certificates/${c.number}/verify` })).json();
  assert.deepEqual([v.status, v.valid, v.revocation.deadlineOn, v.revocation.daysLate], ['revoked', false, addDays(today, -5), 5]);
  const [row] = await query<{ revocation_days_late: number }>(t.database.db, sql`SELECT revocation_days_late FROM certificate WHERE number = ${c.number}`);
  assert.equal(Number(row.revocation_days_late), 5, 'the delay is stored');
  const audit = await query<{ after: { revocationDaysLate: number } }>(t.database.db, sql`SELECT after FROM audit_log WHERE action = 'certificate.revoke' AND record_id = ${c.id}`);
  assert.equal(audit[0].after.revocationDaysLate, 5);

  const list = (await lateList(tuyenQuang)).json();
  const mine = list.items.find((i: { number: string }) => i.number === c.number);
  assert.ok(mine, 'listed as late');
  assert.deepEqual([mine.revocation.daysLate, mine.revocation.decisionNumber, list.deadlineDays], [5, '77/QĐ-UBND', 15]);
});

test('a revocation on time is not listed; the list is for the authority and the inspectors in scope', async () => {
  const c = await certified('Chè shan tuyết thu hồi đúng hạn');
  assert.equal((await revoke(c.number, addDays(today, -15), '78/QĐ-UBND')).statusCode, 200);
  const v = (await t.call({ url: `/api/v1/certificates/${c.number}/verify` })).json();
  assert.equal(v.revocation.daysLate, 0);
  const numbers = async (s: Session, qs = '') => (await lateList(s, qs)).json().items.map((i: { number: string }) => i.number) as string[];
  assert.ok(!(await numbers(tuyenQuang)).includes(c.number));

  const late = await certified('Cam sành thu hồi muộn');
  assert.equal((await revoke(late.number, addDays(today, -40), '79/QĐ-UBND')).statusCode, 200);
  assert.ok((await numbers(await t.user('inspector', { provinceCode: '08' }))).includes(late.number), 'the province\'s inspector');
  assert.ok((await numbers(await t.user('central'), '?province=08')).includes(late.number), 'the central office');
  assert.ok(!(await numbers(await t.user('province', { provinceCode: '19' }))).includes(late.number), 'another province sees its own only');
  assert.equal((await lateList(await t.user('province', { provinceCode: '19' }), '?province=08')).statusCode, 403);
  assert.equal((await lateList(await t.user('commune', { communeCode: MEO_VAC }))).statusCode, 403);
  assert.equal((await lateList()).statusCode, 401);
  assert.equal((await lateList(tuyenQuang, '?pageSize=1000')).statusCode, 400);
});

test('the late list goes on by cursor: revocations of the same day ordered by number, each once, as numbered pages', async () => {
  for (let i = 0; i < 3; i++) {
    const c = await certified(`Chè thu hồi muộn ${i}`);
    assert.equal((await revoke(c.number, addDays(today, -30), `${80 + i}/QĐ-UBND`)).statusCode, 200);
  }
  const pages: string[] = [];
  for (let page = 1; ; page++) {
    const items = (await lateList(tuyenQuang, `?pageSize=1&page=${page}`)).json().items as { number: string }[];
    pages.push(...items.map((i) => i.number));
    if (!items.length) break;
  }
  const walked: string[] = [];
  let qs: string | null = '?pageSize=1';
  while (qs !== null) {
    const res = await lateList(tuyenQuang, qs);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    walked.push(...body.items.map((i: { number: string }) => i.number));
    assert.equal(body.totalExact, true);
    assert.equal(body.total, pages.length);
    qs = body.nextCursor ? `?pageSize=1&cursor=${body.nextCursor}` : null;
    assert.equal(Boolean(res.headers.link), Boolean(body.nextCursor));
  }
  assert.ok(walked.length >= 3);
  assert.deepEqual(walked, pages);
  assert.equal((await lateList(tuyenQuang, '?cursor=abc')).statusCode, 400);
});
