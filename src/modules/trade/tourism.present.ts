// Tourism destinations as the API presents them, cut down to the reader's audience (fairs.fields.ts).
import type { Actor } from '../../app/actor.js';
import { project } from '../../app/privacy.js';
import { DESTINATION_FIELDS } from './fairs.fields.js';
import { mayRecordFor } from './fairs.policy.js';
import type { DestinationOut } from './tourism.contract.js';
import type { DestinationView } from './tourism.repo.js';

export const destinationPath = (id: string) => `/du-lich/${id}`;

/** Managed by: the entity's members (its own) and the offices over the destination's place. */
export const managesDestination = (actor: Actor, d: { entityId: string | null; provinceCode: string; communeCode: string }) =>
  mayRecordFor(actor, { entityId: d.entityId ?? '', provinceCode: d.provinceCode, communeCode: d.communeCode });

export function presentDestination(d: DestinationView, actor: Actor): DestinationOut {
  const own = managesDestination(actor, d);
  const productShown = d.productId && d.productStatus && d.productStatus !== 'draft';
  const full: DestinationOut = {
    id: d.id, name: d.name, kind: d.kind, description: d.description,
    entity: d.entityId ? { id: d.entityId, name: d.entityName ?? '' } : null,
    product: productShown ? { id: d.productId!, name: d.productName ?? '', stars: d.productStatus === 'certified' ? d.productStars : null, url: `/san-pham/${d.productId}` } : null,
    province: { code: d.provinceCode, name: d.provinceName }, commune: { code: d.communeCode, name: d.communeName },
    latitude: d.latitude, longitude: d.longitude, seasonMonths: d.seasonMonths, seasonNote: d.seasonNote, services: d.services as DestinationOut['services'],
    planningZone: d.planningZone, website: d.website, url: destinationPath(d.id),
    published: d.published, createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(), version: d.version, actions: own ? ['edit'] : [],
  };
  return project(DESTINATION_FIELDS, own ? 'internal' : 'public', full) as DestinationOut;
}
