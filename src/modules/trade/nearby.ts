// Tourism destinations near a product, for the registry's public product page (handed to it by the composition root,
// so the registry never imports trade).
import type { Queryable } from '../../app/db.js';
import type { NearbyDestination, NearbyLookup } from '../registry/index.js';
import { destinationPath } from './tourism.present.js';
import { destinationsNear } from './tourism.repo.js';

/** How many destinations a product page lists. */
export const NEARBY_LIMIT = 5;

export const tourismNear = (db: Queryable): NearbyLookup => async (productId): Promise<NearbyDestination[]> =>
  (await destinationsNear(db, productId, NEARBY_LIMIT)).map((d) => ({ name: d.name, url: destinationPath(d.id), kind: d.kind, sameCommune: d.same_commune, km: d.km === null ? null : Number(d.km) }));
