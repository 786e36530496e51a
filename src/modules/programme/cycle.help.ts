// What helps a product up the next step of its upgrade path: the requirements of its checklist not met yet (a
// certificate of conformity or food safety earns points on the score sheets), and the trainings coming up in its area.
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { requirementsFor } from './standards.rules.js';

/** How many of the coming trainings the upgrade path names (the soonest first). */
const COMING_TRAININGS = 5;

export type UpgradeHelp = {
  standards: { code: string; vi: string; en: string; reference: string | null; state: 'missing' | 'in_progress' | 'expired' }[];
  trainings: { id: string; title: string; topic: string; level: string; startsOn: string }[];
};

export async function upgradeHelp(db: Queryable, p: { id: string; productSet: number; provinceCode: string; communeCode: string }, today: string): Promise<UpgradeHelp> {
  const items = await query<{ requirement: string; status: string; expired: boolean }>(db, sql`
    SELECT requirement, status, (expires_on IS NOT NULL AND expires_on < ${today}::date) AS expired FROM compliance_item WHERE product_id = ${p.id}`);
  const state = new Map(items.map((i) => [i.requirement, i.status === 'met' && i.expired ? 'expired' : i.status]));
  const standards = requirementsFor(p.productSet, [])
    .map((r) => ({ code: r.code, vi: r.vi, en: r.en, reference: r.reference, state: (state.get(r.code) ?? 'missing') as UpgradeHelp['standards'][number]['state'] | 'met' | 'not_applicable' }))
    .filter((r): r is UpgradeHelp['standards'][number] => r.state === 'missing' || r.state === 'in_progress' || r.state === 'expired');
  const trainings = await query<{ id: string; title: string; topic: string; level: string; starts_on: string }>(db, sql`
    SELECT id, title, topic, level, starts_on::text AS starts_on FROM training
    WHERE NOT cancelled AND starts_on >= ${today}::date
      AND (level = 'national' OR (level = 'province' AND province_code = ${p.provinceCode}) OR (level = 'commune' AND commune_code = ${p.communeCode}))
    ORDER BY starts_on, id LIMIT ${COMING_TRAININGS}`);
  return { standards, trainings: trainings.map((x) => ({ id: x.id, title: x.title, topic: x.topic, level: x.level, startsOn: x.starts_on })) };
}
