// Check-then-insert races the database settles (issue 8, item 6): the same request fired several times at once gets
// exactly one success and 409s with a precise code, and nothing half-written. On PostgreSQL the requests really run
// in parallel (the harness pool has several connections); on PGlite they are serialised, so the command's own check
// answers — the tests still run there and must give the same result.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { AppError } from '../src/app/errors.js';
import { openPostgres, query, type Queryable } from '../src/app/db.js';
import { prepareDatabase } from '../src/cli/serve.js';
import { createDossier } from '../src/modules/scoring/index.js';
import { newProduct, ok, world, type World } from '../src/modules/scoring/scoring.fixtures.js';
import { assertProblem, unique } from './api-helpers.js';
import { testApp, templateDatabaseUrl, withDatabase, type Call, type TestApp } from './harness.js';

const FIRED = Number(process.env.RACE_FIRED ?? 4);
let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

/** Fires the same call FIRED times at once; returns the responses split into successes and the rest. */
async function race(c: Call) {
  const all = await Promise.all(Array.from({ length: FIRED }, () => t.call(c)));
  return { won: all.filter((r) => r.statusCode < 300), lost: all.filter((r) => r.statusCode >= 300) };
}
const one = async <T>(statement: ReturnType<typeof sql>) => (await query<T>(t.database.db, statement))[0];

test('dossiers: simultaneous openings for one product give one 201 and 409 dossier_already_open; one dossier, one audit row', async () => {
  const productId = await newProduct(w, 'Mật ong hoa bạc hà (đua)');
  const audits = async () => (await one<{ a: number }>(sql`SELECT count(*)::int AS a FROM audit_log WHERE action = 'dossier.create'`)).a;
  const auditsBefore = await audits();
  const { won, lost } = await race({ method: 'POST', url: '/api/v1/dossiers', body: { productId, type: 'first' }, as: w.entity });
  assert.equal(won.length, 1, won.map((r) => r.body).join('\n'));
  assert.equal(won[0].statusCode, 201);
  for (const r of lost) assertProblem(r, 409, 'dossier_already_open');
  const { n } = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM dossier WHERE product_id = ${productId}`);
  assert.equal(n, 1);
  assert.equal(await audits() - auditsBefore, 1, 'no audit row of a dossier that was never written');
});

test('a true race, made certain: the loser passed the check before the winner committed, and still gets dossier_already_open', { skip: !process.env.DATABASE_URL && 'PostgreSQL only: PGlite runs one transaction at a time' }, async () => {
  // Through HTTP the interleaving depends on timing; here it is forced. T1 opens the dossier and waits; T2 passes the
  // "no open dossier" check (T1 is not committed) and blocks on the number sequence T1 holds; then T1 commits.
  const productId = await newProduct(w, 'Mật ong (đua chắc chắn)');
  const actor = { kind: 'user' as const, id: w.entity.user.id, role: 'entity' as const, provinceCode: null, communeCode: null, entityId: w.entityId, via: 'session' as const };
  const ctx = (tx: Queryable) => ({ actor, tx, log: console as never, now: new Date() });
  let inserted!: () => void; let release!: () => void;
  const t1Inserted = new Promise<void>((r) => { inserted = r; });
  const t1MayCommit = new Promise<void>((r) => { release = r; });
  const t1 = t.database.db.transaction(async (tx) => { const d = await createDossier(ctx(tx), { productId, type: 'first' }); inserted(); await t1MayCommit; return d; });
  await t1Inserted;
  const t2 = t.database.db.transaction((tx) => createDossier(ctx(tx), { productId, type: 'first' })).then(() => 'stored', (e: unknown) => e);
  for (let i = 0; i < 200; i++) { // until T2 waits on T1's lock
    const [{ n }] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (n > 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  release();
  await t1;
  const outcome = await t2;
  assert.ok(outcome instanceof AppError && outcome.code === 'dossier_already_open', `the second opening: ${String(outcome)}`);
  assert.equal((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM dossier WHERE product_id = ${productId}`)).n, 1);
});

test('the index also holds below the command: a second open dossier for a product cannot be stored', async () => {
  const productId = await newProduct(w, 'Mật ong (chỉ mục)');
  const d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  await assert.rejects(t.database.db.execute(sql`
    INSERT INTO dossier (number, product_id, entity_id, province_code, commune_code, sheet, instrument, filed_under, type)
    SELECT number || '-b', product_id, entity_id, province_code, commune_code, sheet, instrument, filed_under, type FROM dossier WHERE id = ${d.id}`),
  (err: Error & { cause?: { constraint?: string } }) => (err.cause?.constraint ?? (err as { constraint?: string }).constraint) === 'dossier_one_open_idx');
  // A closed dossier does not count: a rejected one leaves room for a new filing.
  await t.database.db.execute(sql`UPDATE dossier SET status = 'rejected' WHERE id = ${d.id}`);
  await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
});

test('invitations: the same address invited at once gives one 201 and 409 invitation_pending; one invitation, one outbox event', async () => {
  const email = `${unique('moi')}@test.ocop.vn`;
  const { won, lost } = await race({ method: 'POST', url: `/api/v1/entities/${w.entityId}/invitations`, body: { email }, as: w.entity });
  assert.equal(won.length, 1, won.map((r) => r.body).join('\n'));
  for (const r of lost) assertProblem(r, 409, 'invitation_pending', 'email');
  assert.equal((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM invitation WHERE email = ${email}`)).n, 1);
  assert.equal((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbox WHERE event = 'invitation.created' AND payload->>'email' = ${email}`)).n, 1);
  // The same address in other letter case is the same address.
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/entities/${w.entityId}/invitations`, body: { email: email.toUpperCase() }, as: w.entity }), 409, 'invitation_pending');
});

test('an expired invitation is revoked when the address is invited again; its token no longer works', async () => {
  const email = `${unique('het.han')}@test.ocop.vn`;
  const first = await ok(w, 'POST', `/entities/${w.entityId}/invitations`, w.entity, { email });
  await t.database.db.execute(sql`UPDATE invitation SET expires_at = now() - interval '1 day' WHERE email = ${email}`);
  const second = await ok(w, 'POST', `/entities/${w.entityId}/invitations`, w.entity, { email });
  assert.notEqual(second.token, first.token);
  const rows = await query<{ revoked: boolean }>(t.database.db, sql`SELECT revoked_at IS NOT NULL AS revoked FROM invitation WHERE email = ${email} ORDER BY created_at`);
  assert.deepEqual(rows.map((r) => r.revoked), [true, false]);
  // Even brought back into its validity window, the revoked token is refused.
  await t.database.db.execute(sql`UPDATE invitation SET expires_at = now() + interval '1 day' WHERE email = ${email} AND revoked_at IS NOT NULL`);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/accept-invitation', body: { token: first.token, fullName: 'Giàng A Páo', password: 'mat khau moi rat dai 2026' } }), 404, 'invitation_not_found');
});

test('councils: two provincial councils for one province at once give one 201 and 409 council_exists; after dissolving, a new one', async () => {
  const body = { level: 'province', provinceCode: '08', name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Tuyên Quang' };
  const { won, lost } = await race({ method: 'POST', url: '/api/v1/councils', body, as: w.province });
  assert.equal(won.length, 1, won.map((r) => r.body).join('\n'));
  for (const r of lost) assertProblem(r, 409, 'council_exists');
  assert.equal((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM council WHERE province_code = '08'`)).n, 1);
  const first = won[0].json();
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/councils', body, as: w.province }), 409, 'council_exists');
  const dissolved = await ok(w, 'PATCH', `/councils/${first.id}`, w.province, { dissolved: true, version: first.version });
  assert.ok(dissolved.dissolvedAt);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/councils/${first.id}`, body: { name: 'Đổi tên', version: dissolved.version }, as: w.province }), 409, 'council_dissolved');
  // Nor does it schedule a session.
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/councils/${first.id}/sessions`, body: { title: 'Phiên họp sau giải thể', scheduledOn: '2026-12-20' }, as: w.province }), 409, 'council_dissolved');
  const next = await ok(w, 'POST', '/councils', w.province, body);
  assert.notEqual(next.id, first.id);
  // The central council: one too.
  const central = { level: 'central', name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương' };
  const c = await race({ method: 'POST', url: '/api/v1/councils', body: central, as: w.central });
  assert.equal(c.won.length, 1);
  for (const r of c.lost) assertProblem(r, 409, 'council_exists');
});

test('council chair: two chairs named at once give one 201 and 409 council_has_chair', async () => {
  const province19 = await t.user('province', { provinceCode: '19' });
  const council = await ok(w, 'POST', '/councils', province19, { level: 'province', provinceCode: '19', name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên' });
  const candidates = await Promise.all(Array.from({ length: FIRED }, () => t.user('council', { provinceCode: '19' })));
  const all = await Promise.all(candidates.map((s) => t.call({ method: 'POST', url: `/api/v1/councils/${council.id}/members`, body: { userId: s.user.id, role: 'chair' }, as: province19 })));
  assert.equal(all.filter((r) => r.statusCode === 201).length, 1, all.map((r) => r.body).join('\n'));
  for (const r of all.filter((x) => x.statusCode !== 201)) assertProblem(r, 409, 'council_has_chair');
  assert.equal((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM council_member WHERE council_id = ${council.id}`)).n, 1);
});

test('two servers preparing one empty PostgreSQL database at once: both succeed, everything is loaded once', { skip: !process.env.DATABASE_URL && 'PostgreSQL only (DATABASE_URL): PGlite has one process per data folder' }, async () => {
  const url = process.env.DATABASE_URL!;
  const { adminUrl } = templateDatabaseUrl(url);
  const name = `${new URL(url).pathname.slice(1)}_prep_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const a = await openPostgres(withDatabase(url, name), 4);
  const b = await openPostgres(withDatabase(url, name), 4);
  try {
    const config = { ...loadConfig({}), demo: true, adminEmail: 'quantri@test.ocop.vn', adminPassword: 'mat khau quan tri rat dai 2026' };
    const logs: string[] = [];
    const demo = await Promise.all([prepareDatabase(config, a, (m) => logs.push(`a: ${m}`)), prepareDatabase(config, b, (m) => logs.push(`b: ${m}`))]);
    assert.deepEqual(demo.sort(), [false, true], `the demo data is loaded by one of the two: ${logs.join(' | ')}`);
    const [row] = await query<Record<string, number>>(a.db, sql`SELECT
      (SELECT count(*)::int FROM schema_migration) AS migrations, (SELECT count(DISTINCT name)::int FROM schema_migration) AS distinct_migrations,
      (SELECT count(*)::int FROM province) AS provinces, (SELECT count(*)::int FROM commune) AS communes,
      (SELECT count(*)::int FROM app_user WHERE email = 'quantri@test.ocop.vn') AS admins,
      (SELECT count(*)::int FROM entity) AS entities, (SELECT count(*)::int FROM council) AS councils`);
    assert.equal(row.migrations, row.distinct_migrations);
    assert.deepEqual([row.provinces, row.communes, row.admins, row.entities], [34, 3321, 1, 300]);
    assert.equal(logs.filter((l) => l.includes('reference data loaded')).length, 1, logs.join(' | '));
    assert.equal(logs.filter((l) => l.includes('administrator created')).length, 1, logs.join(' | '));
  } finally {
    await a.close();
    await b.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});
