// The list filters of GET /dossiers (the dossier queue), over what the actor may see.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { nameMatches, product } from '../registry/index.js';
import { vnDate } from './deadlines.rules.js';
import type { dossierListQuery } from './dossiers.contract.js';
import { dossierVisibility } from './dossiers.policy.js';
import { currentDue } from './dossiers.repo.js';
import { dossier } from './dossiers.tables.js';

type Filters = Omit<z.infer<typeof dossierListQuery>, 'page' | 'pageSize'>;

/** `now` decides "overdue": a dossier is overdue when its current step's due date (Vietnam calendar day) is before today. */
export function dossierFilter(actor: Actor, qy: Filters, now: Date): SQL | undefined {
  const today = vnDate(now);
  return and(
    dossierVisibility(actor),
    qy.status ? eq(dossier.status, qy.status) : undefined,
    qy.province ? eq(dossier.provinceCode, qy.province) : undefined,
    qy.commune ? eq(dossier.communeCode, qy.commune) : undefined,
    qy.entity ? eq(dossier.entityId, qy.entity) : undefined,
    qy.product ? eq(dossier.productId, qy.product) : undefined,
    qy.type ? eq(dossier.type, qy.type) : undefined,
    qy.overdue === true ? sql`${currentDue} < ${today}` : qy.overdue === false ? sql`(${currentDue} IS NULL OR ${currentDue} >= ${today})` : undefined,
    nameMatches(sql`${product}.name_fold`, qy.q),
  );
}
