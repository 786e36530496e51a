// Loads the product classification (Phụ lục I) from data/classification/ and keeps the database in step with it:
// a new database gets every set, an existing one gets corrected names, aliases and managing agencies. Idempotent:
// rows already equal to the file are not touched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../app/db.js';
import { productSet } from '../registry.tables.js';

export const classificationFile = join(import.meta.dirname, '..', '..', '..', '..', 'data', 'classification', 'qd-26-2026.json');

type Named = { code: string; name: string; nameEn: string };
export type ClassifiedSet = Named & { sheet: number; aliases: string[]; agencies: string[] };
export type Classification = { instrument: string; sectors: (Named & { groups: (Named & { productSets: ClassifiedSet[] })[] })[] };

export const readClassification = (): Classification => JSON.parse(readFileSync(classificationFile, 'utf8'));

/** The rows of product_set the file describes. */
export function classificationRows(c: Classification = readClassification()) {
  return c.sectors.flatMap((s) => s.groups.flatMap((g) => g.productSets.map((p) => ({
    sheet: p.sheet, instrument: c.instrument, code: p.code, name: p.name, nameEn: p.nameEn, aliases: p.aliases ?? [], agencies: p.agencies ?? [],
    groupCode: g.code, groupName: g.name, groupNameEn: g.nameEn, sectorCode: s.code, sectorName: s.name, sectorNameEn: s.nameEn,
  }))));
}

/** Inserts missing sets and updates those that differ from the file; true when anything changed. */
export async function loadClassification(tx: Queryable): Promise<boolean> {
  const ex = (c: string) => sql.raw(`excluded.${c}`);
  const changed = await tx.insert(productSet).values(classificationRows()).onConflictDoUpdate({
    target: productSet.sheet,
    set: {
      instrument: ex('instrument'), code: ex('code'), name: ex('name'), nameEn: ex('name_en'), aliases: ex('aliases'), agencies: ex('agencies'),
      groupCode: ex('group_code'), groupName: ex('group_name'), groupNameEn: ex('group_name_en'),
      sectorCode: ex('sector_code'), sectorName: ex('sector_name'), sectorNameEn: ex('sector_name_en'),
    },
    // Only rows that differ: a start-up with an unchanged file writes nothing.
    setWhere: sql`(product_set.instrument, product_set.code, product_set.name, product_set.name_en, product_set.aliases, product_set.agencies,
      product_set.group_code, product_set.group_name, product_set.group_name_en, product_set.sector_code, product_set.sector_name, product_set.sector_name_en)
      IS DISTINCT FROM (excluded.instrument, excluded.code, excluded.name, excluded.name_en, excluded.aliases, excluded.agencies,
      excluded.group_code, excluded.group_name, excluded.group_name_en, excluded.sector_code, excluded.sector_name, excluded.sector_name_en)`,
  }).returning({ sheet: productSet.sheet });
  return changed.length > 0;
}
