// The daily expiry job on the real database: a lapsed certificate makes its product 'expired' in the registry, audited
// as the system; the Điều 12.3 extension holds it off; revoked, replaced and still valid certificates are left alone;
// a second run changes nothing. The job's clock is its argument, so "yesterday" is exact.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Ctx, UserActor } from '../../../app/actor.js';
import { query } from '../../../app/db.js';
import { testApp, type TestApp } from '../../../../test/harness.js';
import { addDays } from '../certificates.rules.js';
import { newProduct, ok, today, world, type World } from '../scoring.fixtures.js';
import { EXPIRY_ACTOR, runCertificateExpiry } from './expire-certificates.js';
import { issueCertificate } from './issue-certificate.js';
import { revokeCertificate } from './revoke-certificate.js';
import { submitDossier } from './submit-dossier.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

const noon = (day: string) => new Date(`${day}T05:00:00Z`); // 12:00 in Việt Nam
const run = (at: Date) => runCertificateExpiry(t.database.db, console as never, at);
const province = (): UserActor => ({ kind: 'user', id: w.province.user.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' });
const entity = (): UserActor => ({ kind: 'user', id: w.entity.user.id, role: 'entity', provinceCode: null, communeCode: null, entityId: w.entityId, via: 'session' });
const as = <T>(who: UserActor, at: Date, fn: (ctx: Ctx) => Promise<T>) => t.database.db.transaction((tx) => fn({ actor: who, tx, log: console as never, now: at }));

async function certified(name: string) {
  const productId = await newProduct(w, name);
  const c = await as(province(), new Date(), (ctx) => issueCertificate(ctx, { productId, stars: 3, kind: 'first', decisionNumber: `${Math.floor(Math.random() * 90000)}/QĐ-UBND`, decidedOn: today() }));
  return { productId, certificate: c };
}
const productOf = async (id: string) => ok(w, 'GET', `/products/${id}`, w.province);
const auditCount = async () => (await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`))[0].n;

test('a certificate that expired yesterday makes its product expired, audited as the system; valid through its last day', async () => {
  const { productId, certificate: c } = await certified('Mật ong bạc hà hết hạn hôm qua');
  const onLastDay = await run(noon(c.expiresOn));
  assert.ok(!onLastDay.expired.some((e) => e.productId === productId), 'in force through the expiry day');
  assert.equal((await productOf(productId)).status, 'certified');

  const r = await run(noon(addDays(c.expiresOn, 1)));
  assert.equal(r.today, addDays(c.expiresOn, 1));
  assert.deepEqual(r.expired.find((e) => e.productId === productId), { productId, certificateNumber: c.number, expiresOn: c.expiresOn });
  const p = await productOf(productId);
  assert.deepEqual([p.status, p.stars], ['expired', null]);
  const history = (await ok(w, 'GET', `/products/${productId}/history`, w.province)).items;
  const entry = history.find((h: { action: string }) => h.action === 'product.certificate_expired');
  assert.ok(entry, 'audited');
  assert.deepEqual([entry.actorId, entry.actorName, entry.after.certificateNumber, entry.at], [null, `system:${EXPIRY_ACTOR.name}`, c.number, noon(addDays(c.expiresOn, 1)).toISOString()]);
  // The public verification agrees once the date has passed (derived, nothing stored on the certificate).
  const [row] = await query<{ status: string; version: number }>(t.database.db, sql`SELECT status, version FROM certificate WHERE id = ${c.id}`);
  assert.deepEqual([row.status, row.version], ['valid', 1]);
});

test('"today" is Việt Nam\'s day: 17:30 UTC on the expiry day is already the next day there', async () => {
  const { productId, certificate: c } = await certified('Mật ong bạc hà nửa đêm');
  const r = await run(new Date(`${c.expiresOn}T16:59:00Z`)); // 23:59 in Hà Nội
  assert.ok(!r.expired.some((e) => e.productId === productId));
  const r2 = await run(new Date(`${c.expiresOn}T17:30:00Z`)); // 00:30 the next day in Hà Nội
  assert.ok(r2.expired.some((e) => e.productId === productId));
});

test('running twice changes nothing the second time', async () => {
  const { productId, certificate: c } = await certified('Mật ong bạc hà chạy hai lần');
  const at = noon(addDays(c.expiresOn, 1));
  const first = await run(at);
  assert.ok(first.expired.some((e) => e.productId === productId));
  const version = (await productOf(productId)).version;
  const audits = await auditCount();
  const second = await run(at);
  assert.deepEqual(second.expired, []);
  assert.equal(await auditCount(), audits, 'no audit record either');
  assert.equal((await productOf(productId)).version, version);
  assert.deepEqual((await run(noon(addDays(c.expiresOn, 30)))).expired, [], 'nor on a later day');
});

test('a pending late re-rating holds the expiry off for 180 days; revoked and valid certificates are left alone', async () => {
  const graced = await certified('Mật ong bạc hà đang đánh giá lại muộn');
  const E = graced.certificate.expiresOn;
  const d = await ok(w, 'POST', '/dossiers', w.entity, { productId: graced.productId, type: 'rerating' });
  await as(entity(), noon(addDays(E, -30)), (ctx) => submitDossier(ctx, d.id, d.version));

  const revoked = await certified('Mật ong bạc hà bị thu hồi');
  await as(province(), new Date(), (ctx) => revokeCertificate(ctx, revoked.certificate.number, { ground: 'b', decisionNumber: '12/QĐ-UBND', decidedOn: today(), groundFoundOn: today() }));
  const later = await certified('Mật ong bạc hà còn hạn dài');
  await t.database.db.execute(sql`UPDATE certificate SET expires_on = ${addDays(E, 400)} WHERE id = ${later.certificate.id}`);

  for (const day of [addDays(E, 1), addDays(E, 180)]) {
    const r = await run(noon(day));
    for (const p of [graced, revoked, later]) assert.ok(!r.expired.some((e) => e.productId === p.productId), `${day}: ${p.certificate.number}`);
  }
  assert.equal((await productOf(graced.productId)).status, 'certified');
  assert.equal((await productOf(revoked.productId)).status, 'revoked');
  const r = await run(noon(addDays(E, 181)));
  assert.ok(r.expired.some((e) => e.productId === graced.productId), 'the extension ended');
  assert.ok(!r.expired.some((e) => e.productId === revoked.productId || e.productId === later.productId));
  assert.equal((await productOf(revoked.productId)).status, 'revoked');
  assert.equal((await productOf(later.productId)).status, 'certified');
});
