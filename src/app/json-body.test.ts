// Deep JSON: a body nested beyond MAX_JSON_DEPTH is refused by the parser with a 400 problem (it once overflowed the
// stack of the NUL check and answered 500); bodies up to the limit, and brackets inside strings, are not affected.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, counts } from '../../test/api-helpers.js';
import { entityBody, MEO_VAC, testApp, type Session, type TestApp } from '../../test/harness.js';
import { MAX_JSON_DEPTH, nestedDeeperThan } from './json-body.js';

const arrays = (depth: number, inner = '0') => '['.repeat(depth) + inner + ']'.repeat(depth);
const objects = (depth: number, inner = '0') => '{"a":'.repeat(depth) + inner + '}'.repeat(depth);

describe('nestedDeeperThan', () => {
  test('counts arrays and objects alike, up to and beyond the limit', () => {
    assert.equal(nestedDeeperThan(arrays(3), 3), false);
    assert.equal(nestedDeeperThan(arrays(4), 3), true);
    assert.equal(nestedDeeperThan(objects(3), 3), false);
    assert.equal(nestedDeeperThan(`[{"a":[${objects(1)}]}]`, 3), true);
    assert.equal(nestedDeeperThan('[[1],[2],[3],[[4]]]', 3), false, 'siblings do not add up');
  });
  test('brackets inside strings, escaped quotes included, do not count', () => {
    assert.equal(nestedDeeperThan(JSON.stringify({ p: '[[[[[[[[{{{{{{' }), 2), false);
    assert.equal(nestedDeeperThan(JSON.stringify({ p: 'say "[[[[[[" \\ [[[[' }), 2), false);
    assert.equal(nestedDeeperThan(JSON.stringify(['\\', [[['x']]]]), 3), true, 'a string ending in a backslash closes where it should');
  });
  test('ten thousand brackets stop at the first one too many, without recursion', () => {
    assert.equal(nestedDeeperThan(arrays(10_000), MAX_JSON_DEPTH), true);
    assert.equal(nestedDeeperThan('['.repeat(1_000_000), MAX_JSON_DEPTH), true);
  });
});

describe('over HTTP', () => {
  let t: TestApp;
  let central: Session;
  before(async () => { t = await testApp(); central = await t.user('central'); });
  after(() => t.close());

  const post = (url: string, payload: string, as?: Session) => t.app.inject({
    method: 'POST', url, payload,
    headers: { 'content-type': 'application/json', ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrf } : {}) },
  });

  test('10,000 nested arrays or objects sent to /auth/login: 400 json_too_deep on the body, not a 500', async () => {
    for (const deep of [arrays(10_000), objects(10_000), `{"email":"a@b.vn","password":${arrays(10_000, '"x"')}}`]) {
      assertProblem(await post('/api/v1/auth/login', deep), 400, 'json_too_deep', 'body');
    }
  });

  test('the same to an authenticated write: 400 json_too_deep and nothing written', async () => {
    const before_ = await counts(t);
    const deep = JSON.stringify(entityBody(MEO_VAC)).replace(/}$/, `,"extra":${objects(10_000)}}`);
    assertProblem(await post('/api/v1/entities', deep, central), 400, 'json_too_deep', 'body');
    assertProblem(await post('/api/v1/entities', arrays(10_000), central), 400, 'json_too_deep', 'body');
    assert.deepEqual(await counts(t), before_);
  });

  test('a body exactly at the limit passes the parser (the schema judges it); one level more does not', async () => {
    // The body object is level 1, so the value inside adds MAX_JSON_DEPTH - 1 levels.
    const atLimit = `{"email":"a@b.vn","password":"x","extra":${arrays(MAX_JSON_DEPTH - 1)}}`;
    const body = assertProblem(await post('/api/v1/auth/login', atLimit), 400);
    assert.notEqual(body.code, 'json_too_deep');
    const beyond = `{"email":"a@b.vn","password":"x","extra":${arrays(MAX_JSON_DEPTH)}}`;
    assertProblem(await post('/api/v1/auth/login', beyond), 400, 'json_too_deep', 'body');
  });

  test('normal bodies still work (every test user logged in through the parser): a created entity, brackets inside a password, malformed JSON and __proto__ as before', async () => {
    const created = await post('/api/v1/entities', JSON.stringify(entityBody(MEO_VAC)), central);
    assert.equal(created.statusCode, 201, created.body);
    const wrong = await post('/api/v1/auth/login', JSON.stringify({ email: 'khong.co@test.ocop.vn', password: '['.repeat(200) }));
    assert.notEqual(wrong.json().code, 'json_too_deep');
    assert.ok(wrong.statusCode === 401 || wrong.statusCode === 400, wrong.body);
    assertProblem(await post('/api/v1/auth/login', '{"email":'), 400, 'malformed_json', 'body');
    assertProblem(await post('/api/v1/auth/login', '{"__proto__":{"x":1},"email":"a@b.vn","password":"x"}'), 400);
  });

  test('a NUL deep inside a body is still found, with its path', async () => {
    const nested = { a: { b: [{ c: [['ok', 'x\u0000y']] }] } };
    const body = assertProblem(await post('/api/v1/entities', JSON.stringify({ ...entityBody(MEO_VAC), nested }), central), 400, 'nul_character');
    assert.equal(body.field, 'nested.a.b.0.c.0.1');
  });
});
