// Small helpers the route tests share: asserting a problem+json answer, counting rows, and building fixtures
// through the real API (never by writing tables directly).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { query } from '../src/app/db.js';
import { entityBody, type Session, type TestApp } from './harness.js';

type Res = Awaited<ReturnType<TestApp['call']>>;

/** A 4xx problem+json with the stable code, a message in both languages and (when given) the field path. */
export function assertProblem(res: Res, status: number, code?: string, field?: string) {
  assert.equal(res.statusCode, status, `expected ${status}${code ? ` ${code}` : ''}, got ${res.statusCode}: ${res.body.slice(0, 400)}`);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.status, status);
  assert.equal(typeof body.code, 'string');
  if (code) assert.equal(body.code, code);
  assert.ok(body.message?.vi && body.message?.en, 'message in Vietnamese and English');
  if (field) assert.equal(body.field, field);
  return body;
}

/** Row counts of the tables a write could touch: compare before and after a refused request. */
export async function counts(t: TestApp): Promise<Record<string, number>> {
  const [row] = await query<Record<string, number>>(t.database.db, sql`SELECT
    (SELECT count(*)::int FROM entity) AS entity, (SELECT count(*)::int FROM product) AS product,
    (SELECT count(*)::int FROM app_user) AS app_user, (SELECT count(*)::int FROM audit_log) AS audit_log,
    (SELECT count(*)::int FROM stored_file) AS stored_file, (SELECT count(*)::int FROM invitation) AS invitation,
    (SELECT count(*)::int FROM api_token) AS api_token`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

export const unique = (prefix = 'X') => `${prefix}${randomBytes(4).toString('hex')}`;

/** Creates an (approved) entity as an officer through POST /entities. */
export async function makeEntity(t: TestApp, as: Session, communeCode: string, overrides: Record<string, unknown> = {}) {
  const res = await t.call({ method: 'POST', url: '/api/v1/entities', as, body: entityBody(communeCode, overrides) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** Creates a product of an entity through POST /products. */
export async function makeProduct(t: TestApp, as: Session, entityId: string, overrides: Record<string, unknown> = {}) {
  const res = await t.call({ method: 'POST', url: '/api/v1/products', as, body: { entityId, name: 'Mật ong bạc hà', productSet: 4, ...overrides } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** A producer signs up (pending entity) and logs in. */
export async function signUp(t: TestApp, communeCode: string, entity: Record<string, unknown> = {}) {
  const email = `${unique('sx')}@test.ocop.vn`.toLowerCase();
  const res = await t.call({ method: 'POST', url: '/api/v1/auth/signup', body: { email, password: 'mat khau rat dai 2026', fullName: 'Sùng Thị Mỷ', entity: entityBody(communeCode, entity) } });
  assert.equal(res.statusCode, 202, res.body); // the answer names nothing (an existing e-mail gets the same)
  const session = await t.login(email, 'mat khau rat dai 2026');
  return { session, entityId: session.user.entityId!, email };
}
