// What the web app asks before it offers "Thu hồi giấy chứng nhận": the caller's actions on one certificate (the
// competent authority only, while it is in force) and the grounds and deadline of Điều 8 from the rules data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { UserActor } from '../../app/actor.js';
import { entityBody, MEO_VAC, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { issueCertificate } from './commands/issue-certificate.js';
import { addDays, vnDate } from './certificates.rules.js';
import { RULES } from './rules.data.js';

let t: TestApp;
let tuyenQuang: Session;
let thaiNguyen: Session;
let central: Session;
const today = vnDate(new Date());

before(async () => {
  t = await testApp();
  [tuyenQuang, thaiNguyen, central] = [await t.user('province', { provinceCode: '08' }), await t.user('province', { provinceCode: '19' }), await t.user('central')];
});
after(() => t.close());

const actorOf = (s: Session, role: UserActor['role'], provinceCode: string | null): UserActor => ({ kind: 'user', id: s.user.id, role, provinceCode, communeCode: null, entityId: null, via: 'session' });

async function certified(name: string, stars: number) {
  const e = await t.call({ method: 'POST', url: '/api/v1/entities', as: tuyenQuang, body: entityBody(MEO_VAC, { name: `HTX ${name}` }) });
  assert.equal(e.statusCode, 201, e.body);
  const p = await t.call({ method: 'POST', url: '/api/v1/products', as: tuyenQuang, body: { entityId: e.json().id, name, productSet: 4, status: 'registered' } });
  assert.equal(p.statusCode, 201, p.body);
  const actor = stars === 5 ? actorOf(central, 'central', null) : actorOf(tuyenQuang, 'province', '08');
  return t.database.db.transaction((tx) => issueCertificate({ actor, tx, log: console as never, now: new Date() }, {
    productId: p.json().id, stars, kind: 'first', decisionNumber: '12/QĐ-UBND', decidedOn: today,
  }));
}

const actionsOf = async (number: string, as?: Session) => {
  const res = await t.call({ url: `/api/v1/certificates/${encodeURIComponent(number)}/actions`, as });
  return res.statusCode === 200 ? res.json().actions : res.statusCode;
};

test('revoke is offered to the competent authority only, and only while the certificate is in force', async () => {
  const c = await certified('Mật ong bạc hà chai 500 ml', 4);
  assert.deepEqual(await actionsOf(c.number, tuyenQuang), ['revoke']);
  assert.deepEqual(await actionsOf(c.number, thaiNguyen), [], 'another province');
  assert.deepEqual(await actionsOf(c.number, central), [], 'the Ministry does not revoke 3–4★');
  assert.deepEqual(await actionsOf(c.number, await t.user('commune', { communeCode: MEO_VAC })), []);
  assert.deepEqual(await actionsOf(c.number, await t.user('inspector', { provinceCode: '08' })), []);
  assert.equal(await actionsOf(c.number), 401, 'anonymous');
  assert.equal(await actionsOf('OCOP-08-2026-99999', tuyenQuang), 404);

  const five = await certified('Mật ong bạc hà thượng hạng hộp gỗ', 5);
  assert.deepEqual(await actionsOf(five.number, central), ['revoke']);
  assert.deepEqual(await actionsOf(five.number, tuyenQuang), []);

  const revoke = await t.call({ method: 'POST', url: `/api/v1/certificates/${c.number}/revoke`, as: tuyenQuang, body: { ground: 'dd', decisionNumber: '90/QĐ-UBND', decidedOn: today, groundFoundOn: addDays(today, -2) } });
  assert.equal(revoke.statusCode, 200, revoke.body);
  assert.deepEqual(await actionsOf(c.number, tuyenQuang), [], 'a revoked certificate cannot be revoked again');
});

test('the grounds and the deadline come from the rules data, publicly', async () => {
  const res = await t.call({ url: '/api/v1/certificates/revocation-grounds' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['cache-control']), /public/);
  const body = res.json();
  assert.equal(body.instrument, RULES.instrument);
  assert.equal(body.deadlineDays, RULES.revocation.deadlineDays);
  assert.deepEqual(body.grounds.map((g: { code: string }) => g.code), ['a', 'b', 'c', 'd', 'dd', 'e']);
  assert.ok(body.grounds.every((g: { text: { vi: string; en: string } }) => g.text.vi && g.text.en));
});
