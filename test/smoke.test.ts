import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from './harness.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

test('health names the engine', async () => {
  const res = await t.call({ url: '/api/v1/health' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().engine, process.env.DATABASE_URL ? 'postgresql' : 'pglite');
});
