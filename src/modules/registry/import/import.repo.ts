// The rows of a preview: written in batches (one JSON parameter per batch), read back a page at a time.
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../app/db.js';
import type { ImportRow, PlannedRow } from './import.contract.js';
import { importRow } from './import.tables.js';
import { nextTurn } from './next-turn.js';

/** Rows per INSERT: a few hundred kilobytes of JSON, a short statement, and the server answers others between two. */
const ROWS_PER_INSERT = 100;

export async function insertImportRows(db: Queryable, jobId: string, rows: PlannedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    if (i) await nextTurn();
    const json = JSON.stringify(rows.slice(i, i + ROWS_PER_INSERT).map(({ plan, ...shown }, j) => ({
      n: i + j + 1, action: shown.action, duplicate: shown.duplicates.length > 0, shown, plan: plan ?? null,
    })));
    await db.execute(sql`
      INSERT INTO import_row (job_id, n, action, duplicate, shown, plan)
      SELECT ${jobId}, x.n, x.action, x.duplicate, x.shown, x.plan
      FROM jsonb_to_recordset(${json}::jsonb) AS x(n int, action text, duplicate boolean, shown jsonb, plan jsonb)`);
  }
}

export type RowFilter = 'all' | ImportRow['action'] | 'duplicate';
const where = (jobId: string, show: RowFilter): SQL | undefined => and(
  eq(importRow.jobId, jobId),
  show === 'all' ? undefined : show === 'duplicate' ? eq(importRow.duplicate, true) : eq(importRow.action, show),
);

export async function pageOfImportRows(db: Queryable, jobId: string, show: RowFilter, page: number, pageSize: number): Promise<{ total: number; rows: ImportRow[] }> {
  const [{ total }] = await db.select({ total: count() }).from(importRow).where(where(jobId, show));
  const rows = await db.select({ shown: importRow.shown }).from(importRow).where(where(jobId, show))
    .orderBy(asc(importRow.n)).limit(pageSize).offset((page - 1) * pageSize);
  return { total, rows: rows.map((r) => r.shown) };
}

/** Every row the commit writes or checks (errors aside), in preview order, a batch at a time. */
export async function* plannedImportRows(db: Queryable, jobId: string, batch = 2000): AsyncGenerator<PlannedRow[]> {
  for (let after = 0; ;) {
    const rows = await db.select({ n: importRow.n, shown: importRow.shown, plan: importRow.plan }).from(importRow)
      .where(and(eq(importRow.jobId, jobId), sql`${importRow.n} > ${after}`, sql`${importRow.plan} IS NOT NULL`))
      .orderBy(asc(importRow.n)).limit(batch);
    if (!rows.length) return;
    after = rows[rows.length - 1].n;
    yield rows.map((r) => ({ ...r.shown, plan: r.plan ?? undefined }));
  }
}
