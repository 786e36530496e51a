// Dry run of a producer's spreadsheet of steps: the rows are planned against the database and the preview stored
// (the rows as read, and what each would do); no batch, event or capture is written.
import { createHash } from 'node:crypto';
import type { Actor, Ctx } from '../../../../app/actor.js';
import type { Queryable } from '../../../../app/db.js';
import { forbidden } from '../../../../app/errors.js';
import type { EventImportPreview } from '../import.contract.js';
import { importLookups } from '../import.repo.js';
import { traceImport } from '../import.tables.js';
import type { EventRowInput } from '../parse-rows.js';
import { namesIn, planRows } from '../plan-rows.js';

/** The entity whose steps the actor imports: its own members only (officers read traceability, they do not record it). */
export function importingEntity(actor: Actor): string {
  if (actor.kind !== 'user' || actor.role !== 'entity' || !actor.entityId) throw forbidden();
  return actor.entityId;
}

export async function planStepImport(db: Queryable, entityId: string, rows: EventRowInput[], now: Date) {
  return planRows(rows, await importLookups(db, entityId, namesIn(rows)), entityId, now);
}

export async function previewStepImport(ctx: Ctx, file: { bytes: Buffer; fileName: string }, rows: EventRowInput[]): Promise<EventImportPreview> {
  const entityId = importingEntity(ctx.actor);
  const planned = await planStepImport(ctx.tx, entityId, rows, ctx.now);
  const [saved] = await ctx.tx.insert(traceImport).values({
    entityId, createdBy: (ctx.actor as { id: string }).id, fileName: file.fileName, sha256: createHash('sha256').update(file.bytes).digest('hex'),
    rows, planned: planned.announced, totals: planned.totals, createdAt: ctx.now,
  }).returning({ id: traceImport.id });
  const shown = planned.rows.map(({ plan: _plan, ...row }) => row);
  // The errors first: they are what the producer must fix.
  shown.sort((a, b) => Number(b.action === 'error') - Number(a.action === 'error'));
  return { id: saved.id, fileName: file.fileName, totals: planned.totals, rows: shown };
}
