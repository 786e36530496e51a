import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PUBLIC, type Role, type UserActor } from '../../app/actor.js';
import { todoSources } from './todo.policy.js';

const user = (role: Role, scope: Partial<UserActor> = {}): UserActor =>
  ({ kind: 'user', id: 'u1', role, provinceCode: null, communeCode: null, entityId: null, via: 'session', ...scope });

test('each role reads its own lists, scoped by its account only', () => {
  assert.deepEqual(todoSources(PUBLIC), []);
  assert.deepEqual(todoSources({ kind: 'system', name: 'job' }), []);
  const commune = todoSources(user('commune', { communeCode: '00769', provinceCode: '08' }));
  assert.deepEqual(commune.map((s) => s.kind), ['commune_review', 'commune_forward', 'entity_pending']);
  assert.ok(commune.every((s) => s.scope.communeCode === '00769' && !s.scope.provinceCode), 'a commune officer reads its commune, not its province');
  assert.ok(todoSources(user('province', { provinceCode: '08' })).every((s) => s.scope.provinceCode === '08'));
  assert.ok(todoSources(user('entity', { entityId: 'e1', communeCode: '00769' })).every((s) => s.scope.entityId === 'e1' && !s.scope.communeCode));
  assert.deepEqual(todoSources(user('council', { provinceCode: '08' })), [{ kind: 'session_scoring', scope: { userId: 'u1' } }]);
  assert.deepEqual(todoSources(user('advisory')), [{ kind: 'advisory_review', scope: { level: 'central' } }]);
  assert.deepEqual(todoSources(user('inspector', { provinceCode: '19' })).map((s) => s.scope), [{ provinceCode: '19' }, { provinceCode: '19' }, { provinceCode: '19' }]);
});

test('an account missing the scope its role needs reads nothing rather than everything', () => {
  assert.deepEqual(todoSources(user('commune')), []);
  assert.deepEqual(todoSources(user('province')), []);
  assert.deepEqual(todoSources(user('entity')), []);
});
