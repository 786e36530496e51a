// The policy's two answers must agree: which actions an actor may take now (dossierActions), and which roles ever take
// an action (ACTION_ROLES, which decides between "not now" 409 and "never" 403). A role listed but never granted
// gets 409 where it should get 403; a role granted but not listed gets 403 where it should get 409.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, type UserActor } from '../../app/actor.js';
import { ACTION_ROLES, dossierActions } from './dossiers.policy.js';
import { DOSSIER_STATUSES } from './dossiers.tables.js';

const DOSSIER = { entityId: 'e-1', provinceCode: '08', communeCode: '00769' };

/** Every actor shape that can act on the dossier: in its scope, plus the central council and advisory team. */
function actorsInScope(): UserActor[] {
  const base = { kind: 'user' as const, id: 'u-1', via: 'session' as const, provinceCode: null, communeCode: null, entityId: null };
  return ROLES.flatMap((role): UserActor[] => {
    switch (role) {
      case 'entity': return [{ ...base, role, entityId: DOSSIER.entityId }];
      case 'commune': return [{ ...base, role, provinceCode: DOSSIER.provinceCode, communeCode: DOSSIER.communeCode }];
      case 'council': case 'advisory': return [{ ...base, role, provinceCode: DOSSIER.provinceCode }, { ...base, role }];
      case 'central': return [{ ...base, role }];
      default: return [{ ...base, role, provinceCode: DOSSIER.provinceCode }];
    }
  });
}

test('the roles that ever take each action are exactly those the policy grants it to in some status', () => {
  const granted = new Map<string, Set<string>>();
  for (const a of actorsInScope()) {
    for (const status of DOSSIER_STATUSES) {
      for (const centralResult of [null, { stars: 4 }, { stars: 5 }]) {
        for (const action of dossierActions(a, { ...DOSSIER, status, centralResult })) {
          granted.set(action, (granted.get(action) ?? new Set()).add(a.role));
        }
      }
    }
  }
  assert.deepEqual([...granted.keys()].sort(), Object.keys(ACTION_ROLES).sort(), 'every action the policy grants is listed, and none more');
  for (const [action, roles] of granted) assert.deepEqual([...roles].sort(), [...ACTION_ROLES[action]].sort(), action);
});

test('the commune notes on a criterion while the dossier is at the commune, not before and not after', () => {
  const commune = actorsInScope().find((a) => a.role === 'commune')!;
  const noting = DOSSIER_STATUSES.filter((status) => dossierActions(commune, { ...DOSSIER, status }).includes('note'));
  assert.deepEqual(noting, ['submitted', 'commune_reviewed']);
  const otherCommune = { ...commune, communeCode: '00721' };
  assert.ok(!dossierActions(otherCommune, { ...DOSSIER, status: 'submitted' }).includes('note'));
});
