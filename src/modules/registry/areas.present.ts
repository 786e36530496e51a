// Turns raw-material area rows into API output, cut down to the reader's audience (areas.fields.ts).
import type { Actor } from '../../app/actor.js';
import { project, type Audience } from '../../app/privacy.js';
import type { AreaOut } from './areas.contract.js';
import { AREA_FIELDS } from './areas.fields.js';
import { areaActions, canReadArea } from './areas.policy.js';
import type { AreaView } from './areas.repo.js';
import type { AreaRow } from './areas.tables.js';

export function presentArea(v: AreaView, actor: Actor): AreaOut {
  const a = v.area;
  const full: AreaOut = {
    id: a.id, entity: { id: a.entityId, name: v.entityName }, name: a.name, provinceCode: a.provinceCode, communeCode: a.communeCode,
    location: a.location, latitude: a.latitude, longitude: a.longitude, areaHa: a.areaHa === null ? null : Number(a.areaHa), kind: a.kind, produce: a.produce,
    farmingStandard: a.farmingStandard, products: v.products,
    certificates: a.certificates.map((c) => ({ ...c, issuedOn: c.issuedOn ?? null, expiresOn: c.expiresOn ?? null })), description: a.description,
    status: a.status, statusReason: a.statusReason, verifiedAt: a.verifiedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(), version: a.version, actions: areaActions(actor, a),
  };
  const audience: Audience = canReadArea(actor, a) ? 'internal' : 'public';
  return project(AREA_FIELDS, audience, full) as AreaOut;
}

/** What the audit trail keeps of an area. */
export function areaSnapshot(a: AreaRow) {
  const { createdAt: _c, updatedAt, verifiedAt, ...rest } = a;
  return { ...rest, updatedAt: updatedAt.toISOString(), verifiedAt: verifiedAt?.toISOString() ?? null };
}
