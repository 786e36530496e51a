// Who sees the non-public figures (the office dashboard), and for which area. The public figures are everyone's;
// the office's (records not yet published, by status; counts by sensitive attributes without suppression) are for
// the officers of the area: the central office anywhere, a province officer in their province (its communes
// included), a commune officer in their commune.
import type { UserActor } from '../../app/actor.js';
import type { Area } from './counts.repo.js';

export const OFFICE_ROLES = ['central', 'province', 'commune'] as const;

/** The area an officer's figures are for: what they asked, within their scope, defaulting to their own scope; or
 * 'forbidden' when they asked for another province or commune. `communeProvince`: the province of the commune asked
 * (a commune officer's own when they asked none; undefined when it does not exist: the area check answers 404). */
export function officeArea(actor: UserActor, asked: Area, communeProvince: string | undefined): Area | 'forbidden' {
  switch (actor.role) {
    case 'central': return asked;
    case 'province': {
      const province = actor.provinceCode ?? undefined;
      if (!province || (asked.province && asked.province !== province)) return 'forbidden';
      if (asked.commune && communeProvince && communeProvince !== province) return 'forbidden';
      return { province, commune: asked.commune };
    }
    case 'commune': {
      const commune = actor.communeCode ?? undefined;
      if (!commune || (asked.commune && asked.commune !== commune)) return 'forbidden';
      if (asked.province && communeProvince !== undefined && asked.province !== communeProvince) return 'forbidden';
      return { commune };
    }
    default: return 'forbidden';
  }
}
