import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UserActor } from '../../app/actor.js';
import { officeArea } from './stats.policy.js';

const user = (role: UserActor['role'], provinceCode: string | null, communeCode: string | null): UserActor => ({ kind: 'user', id: 'u', role, provinceCode, communeCode, entityId: null, via: 'session' });

test('office figures: the central office anywhere, a province officer in their province, a commune officer in their commune', () => {
  assert.deepEqual(officeArea(user('central', null, null), {}, undefined), {});
  assert.deepEqual(officeArea(user('central', null, null), { province: '19' }, undefined), { province: '19' });
  const tq = user('province', '08', null);
  assert.deepEqual(officeArea(tq, {}, undefined), { province: '08', commune: undefined });
  assert.deepEqual(officeArea(tq, { commune: '00769' }, '08'), { province: '08', commune: '00769' });
  assert.equal(officeArea(tq, { province: '19' }, undefined), 'forbidden');
  assert.equal(officeArea(tq, { commune: '05503' }, '19'), 'forbidden');
  const xa = user('commune', '08', '00769');
  assert.deepEqual(officeArea(xa, {}, undefined), { commune: '00769' });
  assert.equal(officeArea(xa, { commune: '00721' }, '08'), 'forbidden');
  assert.equal(officeArea(xa, { province: '19', commune: '00769' }, '08'), 'forbidden');
  assert.equal(officeArea(xa, { province: '19' }, '08'), 'forbidden');
  assert.deepEqual(officeArea(xa, { province: '08' }, '08'), { commune: '00769' });
  assert.equal(officeArea(user('inspector', '08', null), {}, undefined), 'forbidden');
  assert.equal(officeArea(user('province', null, null), {}, undefined), 'forbidden');
});
