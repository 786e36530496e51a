// Loads the product classification (Phụ lục I) from data/classification/ when it is not in the database yet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../../app/db.js';
import { productSet } from '../registry.tables.js';

export const classificationFile = join(import.meta.dirname, '..', '..', '..', '..', 'data', 'classification', 'qd-26-2026.json');

type Named = { code: string; name: string; nameEn: string };
export type Classification = { instrument: string; sectors: (Named & { groups: (Named & { productSets: (Named & { sheet: number })[] })[] })[] };

export const readClassification = (): Classification => JSON.parse(readFileSync(classificationFile, 'utf8'));

export async function loadClassification(tx: Queryable): Promise<boolean> {
  const [{ n }] = (await query<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM product_set`));
  if (Number(n) > 0) return false;
  const c = readClassification();
  const rows = c.sectors.flatMap((s) => s.groups.flatMap((g) => g.productSets.map((p) => ({
    sheet: p.sheet, instrument: c.instrument, code: p.code, name: p.name, nameEn: p.nameEn,
    groupCode: g.code, groupName: g.name, groupNameEn: g.nameEn, sectorCode: s.code, sectorName: s.name, sectorNameEn: s.nameEn,
  }))));
  await tx.insert(productSet).values(rows);
  return true;
}
