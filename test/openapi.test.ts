import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from './harness.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

type Op = { responses?: Record<string, unknown>; parameters?: { name: string; in: string }[] };

test('/api/openapi.json is an OpenAPI 3 document listing the issue\'s routes', async () => {
  const res = await t.call({ url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.match(doc.openapi, /^3\.\d+\.\d+$/);
  assert.ok(doc.info.title && doc.info.version);
  const expected: [string, string][] = [
    ['get', '/api/v1/health'], ['get', '/api/v1/admin-units'], ['get', '/api/v1/admin-units/translate'], ['get', '/api/v1/classification'],
    ['get', '/api/v1/entities'], ['post', '/api/v1/entities'], ['get', '/api/v1/entities/{id}'], ['patch', '/api/v1/entities/{id}'],
    ['post', '/api/v1/entities/{id}/approve'], ['post', '/api/v1/entities/{id}/refuse'], ['get', '/api/v1/entities/{id}/history'],
    ['post', '/api/v1/entities/{id}/invitations'], ['post', '/api/v1/entities/{id}/documents'],
    ['get', '/api/v1/products'], ['post', '/api/v1/products'], ['get', '/api/v1/products/{id}'], ['patch', '/api/v1/products/{id}'],
    ['get', '/api/v1/products/{id}/history'], ['post', '/api/v1/products/{id}/files'], ['get', '/api/v1/files/{id}'],
    ['post', '/api/v1/auth/login'], ['post', '/api/v1/auth/logout'], ['get', '/api/v1/auth/me'], ['post', '/api/v1/auth/signup'],
    ['post', '/api/v1/auth/accept-invitation'], ['post', '/api/v1/auth/tokens'], ['post', '/api/v1/users/{id}/deactivate'],
  ];
  for (const [method, path] of expected) assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} is documented`);
  // Structurally valid: every operation has responses, every {param} in a path is declared, every $ref resolves.
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Op>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      assert.ok(op.responses && Object.keys(op.responses).length, `${method} ${path} has responses`);
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        assert.ok(op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name), `${method} ${path} declares ${name}`);
      }
    }
  }
  const text = JSON.stringify(doc);
  for (const [, ref] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
    let node: unknown = doc;
    for (const part of ref.split('/')) node = (node as Record<string, unknown>)?.[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))];
    assert.ok(node, `$ref #/${ref} resolves`);
  }
  // The product list documents its filters.
  const params = (doc.paths['/api/v1/products'].get as Op).parameters!.map((p) => p.name);
  for (const name of ['q', 'province', 'commune', 'productSet', 'sector', 'group', 'status', 'entityType', 'stars', 'page', 'pageSize', 'sort']) assert.ok(params.includes(name), name);
});

test('the classification: 6 sectors, 17 groups, 26 product sets with sheets 1–26 each once', async () => {
  const res = await t.call({ url: '/api/v1/classification' });
  assert.equal(res.statusCode, 200);
  const c = res.json();
  assert.match(c.instrument, /26\/2026/);
  assert.equal(c.sectors.length, 6);
  const groups = c.sectors.flatMap((s: { groups: unknown[] }) => s.groups);
  assert.equal(groups.length, 17);
  const sheets = groups.flatMap((g: { productSets: { sheet: number }[] }) => g.productSets.map((p) => p.sheet)).sort((a: number, b: number) => a - b);
  assert.deepEqual(sheets, Array.from({ length: 26 }, (_, i) => i + 1));
  assert.ok(c.sectors.every((s: { name: string; nameEn: string }) => s.name && s.nameEn));
});
