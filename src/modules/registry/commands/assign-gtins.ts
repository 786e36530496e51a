// GTINs under the programme's GS1 company prefix (OCOP_GS1_PREFIX) for products that have none of their own.
// When: at product creation (createProduct), and for every product still without one when a server starts
// (prepareDatabase, under its advisory lock) — products written in bulk (the demo and synthetic seeds, a workbook
// import) get theirs there or right after the import commits. Numbers come from programme_gtin_item_seq, which no
// two transactions or server processes ever share; a number burnt by a rolled-back transaction is simply skipped.
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../../app/db.js';
import { programmeGtin } from '../gtin.rules.js';

/** Takes `n` item references from the sequence in one round trip. */
async function nextItemReferences(tx: Queryable, n: number): Promise<number[]> {
  const rows = await query<{ v: number | string }>(tx, sql`SELECT nextval('programme_gtin_item_seq') AS v FROM generate_series(1, ${n})`);
  return rows.map((r) => Number(r.v));
}

/** One programme GTIN (null once the prefix is exhausted: the product then waits for a wider prefix). */
export async function nextProgrammeGtin(tx: Queryable, prefix: string): Promise<string | null> {
  const [ref] = await nextItemReferences(tx, 1);
  return programmeGtin(prefix, ref);
}

/**
 * Gives a programme GTIN to each product without a GTIN (all of them, or those of `productIds`), in batches of
 * 5,000, in creation order so the demo's numbers read in the order its products were registered. Returns how many.
 */
export async function assignMissingGtins(tx: Queryable, prefix: string, productIds?: string[]): Promise<number> {
  let assigned = 0;
  for (;;) {
    const ids = (await query<{ id: string }>(tx, sql`
      SELECT id FROM product WHERE gtin IS NULL ${productIds ? sql`AND id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(productIds)}::json))` : sql``}
      ORDER BY created_at, id LIMIT 5000 FOR UPDATE SKIP LOCKED`)).map((r) => r.id);
    if (!ids.length) return assigned;
    const gtins = (await nextItemReferences(tx, ids.length)).map((ref) => programmeGtin(prefix, ref));
    const pairs = ids.map((id, i) => [id, gtins[i]] as const).filter((p): p is readonly [string, string] => p[1] !== null);
    if (pairs.length) {
      const values = JSON.stringify(pairs.map(([id, gtin]) => ({ id, gtin })));
      await tx.execute(sql`UPDATE product p SET gtin = v.gtin FROM json_to_recordset(${values}::json) AS v(id uuid, gtin text) WHERE p.id = v.id`);
    }
    assigned += pairs.length;
    if (pairs.length < ids.length || ids.length < 5000) return assigned;
  }
}
