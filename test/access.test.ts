// Access declared on every route (src/app/access.ts): the public gets 401 on every non-public route whatever it
// sends, a role the route does not list gets 403, both before the body is parsed or validated and with nothing
// written; a route without a valid declaration stops the server from starting. The walk at the end reads the
// OpenAPI document, so a route added later is covered without a line here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { query } from '../src/app/db.js';
import { buildServer } from '../src/app/server.js';
import { registerAuthentication } from '../src/modules/accounts/index.js';
import { assertProblem } from './api-helpers.js';
import { entityBody, MEO_VAC, testApp, type Session, type TestApp } from './harness.js';

let t: TestApp;
let entity: Session;
let commune: Session;
let province: Session;
before(async () => {
  t = await testApp();
  commune = await t.user('commune', { communeCode: MEO_VAC });
  province = await t.user('province', { provinceCode: '08' });
  const created = await t.call({ method: 'POST', url: '/api/v1/entities', as: commune, body: entityBody(MEO_VAC) });
  assert.equal(created.statusCode, 201, created.body);
  entity = await t.user('entity', { entityId: created.json().id });
});
after(() => t.close());

/** Row counts of every table: a refused call must leave them all as they were. */
async function everyTable(): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(t.database.db, sql`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`);
    out[name] = Number(row.n);
  }
  return out;
}

const ZERO_ID = '00000000-0000-4000-8000-000000000000';

test('anonymous writes with a bad body get 401 login_required, never a validation error', async () => {
  const before_ = await everyTable();
  const cases: { method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: Record<string, unknown> | unknown[]; raw?: string; type?: string }[] = [
    { method: 'POST', url: '/api/v1/entities', body: { name: 42, unknownField: true } },
    { method: 'POST', url: '/api/v1/entities', body: [] },
    { method: 'POST', url: '/api/v1/entities', raw: '{"name": ', type: 'application/json' }, // malformed JSON is never parsed
    { method: 'PATCH', url: `/api/v1/entities/${ZERO_ID}`, body: { version: 'x' } },
    { method: 'PATCH', url: '/api/v1/entities/not-a-uuid', body: {} }, // params are not validated either
    { method: 'POST', url: '/api/v1/products', body: {} },
    { method: 'POST', url: '/api/v1/dossiers', body: { productId: 'nope' } },
    { method: 'PUT', url: `/api/v1/sessions/${ZERO_ID}/items/${ZERO_ID}/score`, body: { answers: 'all of them' } },
    { method: 'POST', url: '/api/v1/users', body: { role: 'god' } },
    { method: 'POST', url: '/api/v1/imports/preview', raw: 'no boundary here', type: 'multipart/form-data' },
    { method: 'POST', url: `/api/v1/products/${ZERO_ID}/files`, raw: 'x', type: 'text/plain' }, // unsupported type: still 401, not 415
    { method: 'DELETE', url: `/api/v1/auth/tokens/${ZERO_ID}` },
  ];
  for (const c of cases) {
    const res = c.raw !== undefined
      ? await t.app.inject({ method: c.method, url: c.url, payload: c.raw, headers: { 'content-type': c.type! } })
      : await t.call({ method: c.method, url: c.url, body: c.body as never });
    assertProblem(res as never, 401, 'login_required');
  }
  assert.deepEqual(await everyTable(), before_);
});

test('a signed-in role the route does not list gets 403 before its body is validated', async () => {
  const before_ = await everyTable();
  // Producers do not register entities (officers do), nor import, nor manage accounts or councils.
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/entities', as: entity, body: { name: 42 } }), 403, 'forbidden');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users', as: entity, body: {} }), 403, 'forbidden');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/councils', as: commune, body: { level: 'nowhere' } }), 403, 'forbidden');
  // Only a producer opens a dossier, only the commune writes its Mẫu 03 report.
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/dossiers', as: province, body: {} }), 403, 'forbidden');
  assertProblem(await t.call({ method: 'PUT', url: `/api/v1/dossiers/${ZERO_ID}/commune-review`, as: entity, body: { items: 'none' } }), 403, 'forbidden');
  // The same calls by a listed role reach validation.
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/entities', as: commune, body: { name: 42 } }), 400, 'validation_failed');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/dossiers', as: entity, body: {} }), 400, 'validation_failed');
  assert.deepEqual(await everyTable(), before_);
});

test('sessions and tokens authenticate as before: CSRF is still required, a Bearer token needs none, a bad token is refused', async () => {
  // A browser session without its CSRF token is refused before the access check.
  const noCsrf = await t.call({ method: 'POST', url: '/api/v1/entities', headers: { cookie: commune.cookie }, body: {} });
  assertProblem(noCsrf, 403, 'csrf_token_invalid');
  const created = await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: province, body: { name: 'access test' } });
  assert.equal(created.statusCode, 201, created.body);
  const bearer = { authorization: `Bearer ${created.json().token}` };
  const me = await t.call({ url: '/api/v1/auth/me', headers: bearer });
  assert.equal(me.statusCode, 200, me.body);
  assert.equal(me.json().user.role, 'province');
  // Role routes accept the token's account like a session; a role not listed is still 403.
  assert.equal((await t.call({ url: '/api/v1/certificates/reminders', headers: bearer })).statusCode, 200);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/dossiers', headers: bearer, body: {} }), 403, 'forbidden');
  assertProblem(await t.call({ url: '/api/v1/auth/me', headers: { authorization: 'Bearer not-a-token' } }), 401, 'invalid_token');
  // Public routes stay open to everyone, signed in or not; HEAD follows its GET.
  assert.equal((await t.call({ url: '/api/v1/classification' })).statusCode, 200);
  assert.equal((await t.call({ url: '/api/v1/classification', as: entity })).statusCode, 200);
  assert.equal((await t.app.inject({ method: 'HEAD', url: '/api/v1/auth/me' })).statusCode, 401);
});

test('a server with an /api route that does not declare its access, or declares it wrongly, refuses to start', async () => {
  const start = (config: Record<string, unknown> | undefined) => {
    const routes: FastifyPluginAsync = async (api) => {
      api.post('/forgotten', config ? { config } : {}, async () => ({ ok: true }));
    };
    return buildServer(t.config, t.database, { authenticate: (app) => registerAuthentication(app, t.database.db), routes }, { logger: false })
      .then((app) => app.ready().then(() => app.close()));
  };
  await assert.rejects(start(undefined), /POST \/api\/v1\/forgotten: declare who may call this route/);
  for (const access of ['admin', 'users', [], ['central', 'mayor'], ['central', 'central'], 'PUBLIC', true, null]) {
    await assert.rejects(start({ access }), /declare who may call this route/, `access ${JSON.stringify(access)}`);
  }
  await assert.rejects(start({ publicCache: true }), /declare who may call this route/);
  await start({ access: ['central'] }); // a valid declaration starts
});

type Op = { security?: unknown[]; 'x-access'?: unknown; requestBody?: unknown };

test('every non-public route in the OpenAPI document answers the public 401 with an empty or bad body, writing nothing', async () => {
  const doc = (await t.call({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Op>> };
  const before_ = await everyTable();
  const wrong: string[] = [];
  let calls = 0;
  let publicOps = 0;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const key = `${method.toUpperCase()} ${path}`;
      // The document says who may call each operation, the same as the route's declaration.
      if (op['x-access'] === undefined) { wrong.push(`${key}: no x-access in the document`); continue; }
      if (op['x-access'] === 'public') {
        publicOps++;
        if (!Array.isArray(op.security) || op.security.length) wrong.push(`${key}: public but security ${JSON.stringify(op.security)}`);
        continue;
      }
      if (!Array.isArray(op.security) || !op.security.length) wrong.push(`${key}: not public but no security requirement`);
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => (/seq|number|sheet/i.test(name) ? '1' : name === 'form' ? '02.pdf' : ZERO_ID));
      const bodies: (Record<string, unknown> | undefined)[] = method === 'get' || method === 'delete' ? [undefined] : [{}, { junk: true, version: 'x' }];
      for (const body of bodies) {
        calls++;
        const res = await t.call({ method: method.toUpperCase() as never, url, body });
        const code = /problem\+json/.test(String(res.headers['content-type'])) ? res.json().code : undefined;
        if (res.statusCode !== 401 || code !== 'login_required') wrong.push(`${key} ${JSON.stringify(body)}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(calls > 100, `${calls} anonymous calls`);
  assert.ok(publicOps >= 15, `${publicOps} public operations`);
  assert.deepEqual(await everyTable(), before_, 'an anonymous call wrote something');
});
