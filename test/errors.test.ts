// Bad input of every kind, across routes: a 4xx problem+json with a code, the field path and a message in both
// languages, and nothing written. No client mistake yields a 500.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { entityBody, MEO_VAC, testApp, type Session, type TestApp } from './harness.js';
import { assertProblem, counts, makeEntity, makeProduct } from './api-helpers.js';

let t: TestApp;
let central: Session;
before(async () => { t = await testApp(); central = await t.user('central'); });
after(() => t.close());

async function refused(call: Parameters<TestApp['call']>[0], status: number, code?: string, field?: string) {
  const before_ = await counts(t);
  const body = assertProblem(await t.call({ as: central, ...call }), status, code, field);
  assert.deepEqual(await counts(t), before_, `${call.method} ${call.url} wrote nothing`);
  return body;
}

test('entity bodies: wrong types, unknown fields, over-long strings, bad codes, bad dates, unsafe links', async () => {
  const post = (overrides: Record<string, unknown>, code = 'validation_failed', field?: string, status = 400) =>
    refused({ method: 'POST', url: '/api/v1/entities', body: entityBody(MEO_VAC, overrides) }, status, code, field);
  await post({ name: 42 }, undefined, 'name');
  await post({ workers: 'hai mươi' }, undefined, 'workers');
  await post({ workers: -1 }, undefined, 'workers');
  await post({ workers: 1e12 }, undefined, 'workers');
  await post({ type: 'tap_doan' }, undefined, 'type');
  await post({ representative: { fullName: 'A', sex: 'x', ethnicity: 'Kinh', disability: false } }, undefined, 'representative.sex');
  await post({ representative: { fullName: 'A', sex: 'male', ethnicity: 'Kinh', disability: false, salary: 1 } }, undefined, 'representative.salary');
  await post({ isApproved: true }, undefined, 'isApproved');
  await post({ status: 'approved' }, undefined, 'status');
  await post({ name: 'x'.repeat(301) }, undefined, 'name');
  await post({ address: 'đ'.repeat(501) }, undefined, 'address');
  await post({ name: '   ' }, undefined, 'name');
  await post({ communeCode: '99999' }, 'unknown_commune', 'communeCode');
  await post({ communeCode: '769' }, undefined, 'communeCode');
  await post({ registrationNumber: 'x' }, undefined, 'registrationNumber');
  await post({ taxCode: '123' }, undefined, 'taxCode');
  await post({ registrationDate: '2019-02-30' }, undefined, 'registrationDate');
  await post({ registrationDate: '0000-01-01' }, undefined, 'registrationDate');
  await post({ registrationDate: '15/03/2019' }, undefined, 'registrationDate');
  await post({ website: 'javascript:alert(1)' }, undefined, 'website');
  await post({ email: 'khong-phai-email' }, undefined, 'email');
  await post({ name: 'HTX\u0000Mật ong' }, 'nul_character', 'name');
  const errors = (await post({ name: 1, type: 2 })).errors as { path: string; message: { vi: string; en: string } }[];
  assert.deepEqual(errors.map((e) => e.path).sort(), ['name', 'type']);
  assert.ok(errors.every((e) => e.message.vi && e.message.en));
});

test('product bodies: invalid product set (0, 27, "x", 1.5), unknown entity, unknown fields', async () => {
  const e = await makeEntity(t, central, MEO_VAC);
  for (const productSet of [0, 27, 'x', 1.5, null]) await refused({ method: 'POST', url: '/api/v1/products', body: { entityId: e.id, name: 'Mật ong', productSet } }, 400, 'validation_failed', 'productSet');
  await refused({ method: 'POST', url: '/api/v1/products', body: { entityId: '00000000-0000-4000-8000-000000000000', name: 'Mật ong', productSet: 4 } }, 400, 'unknown_entity', 'entityId');
  await refused({ method: 'POST', url: '/api/v1/products', body: { entityId: 'abc', name: 'Mật ong', productSet: 4 } }, 400, 'validation_failed', 'entityId');
  await refused({ method: 'POST', url: '/api/v1/products', body: { entityId: e.id, name: 'Mật ong', productSet: 4, code: '08-00769-1-2026' } }, 400, 'validation_failed', 'code');
  await refused({ method: 'POST', url: '/api/v1/products', body: { entityId: e.id, name: 'Mật ong', productSet: 4, status: 'certified' } }, 400, 'validation_failed', 'status');
  await refused({ method: 'POST', url: '/api/v1/products', body: { entityId: e.id, name: 'Mật ong', productSet: 4, description: 'x'.repeat(10_001) } }, 400, 'validation_failed', 'description');
  const p = await makeProduct(t, central, e.id);
  await refused({ method: 'PATCH', url: `/api/v1/products/${p.id}`, body: { version: 1, productSet: 27 } }, 400, 'validation_failed', 'productSet');
  await refused({ method: 'PATCH', url: `/api/v1/products/${p.id}`, body: { version: 1, entityId: e.id } }, 400, 'validation_failed', 'entityId');
  await refused({ method: 'PATCH', url: `/api/v1/products/${p.id}`, body: { name: 'thiếu version' } }, 400, 'validation_failed', 'version');
  await refused({ method: 'PATCH', url: `/api/v1/products/${p.id}`, body: { version: '1' } }, 400, 'validation_failed', 'version');
  await refused({ method: 'PATCH', url: `/api/v1/entities/${e.id}`, body: { version: 1, communeCode: '99999' } }, 400, 'unknown_commune', 'communeCode');
});

test('malformed JSON, an empty body, a wrong content type, a body over 1 MB', async () => {
  await refused({ method: 'POST', url: '/api/v1/entities', headers: { 'content-type': 'application/json' }, body: '{"name": "HTX' as never }, 400, 'malformed_json');
  await refused({ method: 'POST', url: '/api/v1/entities', headers: { 'content-type': 'application/json' }, body: '' as never }, 400);
  await refused({ method: 'POST', url: '/api/v1/entities', headers: { 'content-type': 'text/plain' }, body: 'name=HTX' as never }, 400, 'validation_failed', 'body');
  await refused({ method: 'POST', url: '/api/v1/entities', headers: { 'content-type': 'application/xml' }, body: '<name/>' as never }, 415, 'unsupported_media_type');
  await refused({ method: 'POST', url: '/api/v1/entities', body: [entityBody(MEO_VAC)] }, 400, 'validation_failed', 'body');
  const huge = entityBody(MEO_VAC, { name: 'x'.repeat(1024 * 1024 + 10) });
  await refused({ method: 'POST', url: '/api/v1/entities', body: huge }, 413, 'payload_too_large');
  await refused({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, body: '{"email":' as never }, 400, 'malformed_json');
});

test('ids: unknown → 404, not a uuid → 400; unknown routes → 404 problem+json', async () => {
  for (const url of ['/api/v1/entities/00000000-0000-4000-8000-000000000000', '/api/v1/products/00000000-0000-4000-8000-000000000000']) assertProblem(await t.call({ url, as: central }), 404);
  await refused({ method: 'PATCH', url: '/api/v1/entities/00000000-0000-4000-8000-000000000000', body: { version: 1, name: 'x' } }, 404, 'entity_not_found');
  await refused({ method: 'PATCH', url: '/api/v1/products/00000000-0000-4000-8000-000000000000', body: { version: 1, name: 'x' } }, 404, 'product_not_found');
  await refused({ method: 'POST', url: '/api/v1/entities/00000000-0000-4000-8000-000000000000/approve', body: { version: 1 } }, 404);
  for (const url of ['/api/v1/entities/123', '/api/v1/products/not-a-uuid', '/api/v1/entities/123/history', "/api/v1/products/1'%20OR%201=1"]) {
    assertProblem(await t.call({ url, as: central }), 400, 'validation_failed', 'params.id');
  }
  assertProblem(await t.call({ url: '/api/v1/khong-co' }), 404, 'route_not_found');
});

test('query strings: unknown parameters, wrong types, out-of-range paging, over-long and NUL searches', async () => {
  const bad: [string, string][] = [
    ['/api/v1/products?color=red', 'querystring'], ['/api/v1/entities?foo=1', 'querystring'],
    ['/api/v1/products?page=0', 'querystring.page'], ['/api/v1/products?pageSize=1000', 'querystring.pageSize'], ['/api/v1/products?page=abc', 'querystring.page'],
    ['/api/v1/products?productSet=27', 'querystring.productSet'], ['/api/v1/products?productSet=x', 'querystring.productSet'],
    ['/api/v1/products?sector=VII', 'querystring.sector'], ['/api/v1/products?stars=6', 'querystring.stars'], ['/api/v1/products?status=published', 'querystring.status'],
    ['/api/v1/products?sort=price', 'querystring.sort'], ['/api/v1/products?province=8', 'querystring.province'], ['/api/v1/entities?commune=abcde', 'querystring.commune'],
    [`/api/v1/products?q=${'a'.repeat(101)}`, 'querystring.q'], ['/api/v1/products?q=%00', 'querystring.q'], ['/api/v1/entities?q=m%00t', 'querystring.q'],
    ['/api/v1/products?province=08&province=19', 'querystring.province'],
  ];
  for (const [url, field] of bad) {
    const body = assertProblem(await t.call({ url }), 400);
    assert.ok(String(body.field ?? '').startsWith(field), `${url}: field ${body.field}`);
  }
});

test('no client mistake yields a 500 (a sweep of odd values over the write routes)', async () => {
  const e = await makeEntity(t, central, MEO_VAC);
  const p = await makeProduct(t, central, e.id);
  const odd: unknown[] = [null, true, 0, -1, 1e308, 'x'.repeat(5000), '\u0000', [], {}, [1, 2], { $gt: '' }, '2026-13-45', '<script>alert(1)</script>'];
  const targets: [string, string, Record<string, unknown>][] = [
    ['POST', '/api/v1/entities', entityBody(MEO_VAC)],
    ['PATCH', `/api/v1/entities/${e.id}`, { version: 1, name: 'x' }],
    ['POST', '/api/v1/products', { entityId: e.id, name: 'x', productSet: 4 }],
    ['PATCH', `/api/v1/products/${p.id}`, { version: 1, name: 'x' }],
    ['POST', `/api/v1/entities/${e.id}/refuse`, { version: 1, reason: 'x' }],
    ['POST', '/api/v1/auth/login', { email: 'a@b.vn', password: 'x' }],
  ];
  for (const [method, url, base] of targets) {
    for (const key of Object.keys(base)) {
      for (const value of odd) {
        const res = await t.call({ method: method as 'POST', url, as: central, body: { ...base, [key]: value } });
        assert.ok(res.statusCode < 500, `${method} ${url} ${key}=${JSON.stringify(value)?.slice(0, 40)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
  }
});
