// Commits a previewed import of steps, all rows or none, in the caller's transaction. The rows are planned again
// against the database as it is now; if any would do something else than the preview showed (a batch opened, a step
// recorded or a place removed since), nothing is written (409). Then each new batch is opened with createLot and each
// step recorded with recordStep: the same commands as the few-tap screen, so the events, their hash IDs and the
// entity's capture chain are the same as if the producer had tapped them. Rows found unchanged write nothing.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../../app/actor.js';
import { recordAudit } from '../../../../app/audit.js';
import { AppError, notFound } from '../../../../app/errors.js';
import { createLot } from '../../commands/create-lot.js';
import { recordStep, type Capture } from '../../commands/record-step.js';
import { STEPS } from '../../recording.rules.js';
import type { EventImportResult } from '../import.contract.js';
import { traceImport } from '../import.tables.js';
import type { StepPlan } from '../plan-rows.js';
import { importingEntity, planStepImport } from './preview-step-import.js';

export async function commitStepImport(ctx: Ctx, id: string, capture: Capture): Promise<EventImportResult> {
  const entityId = importingEntity(ctx.actor);
  const [job] = await ctx.tx.select().from(traceImport).where(eq(traceImport.id, id)).for('update');
  if (!job || job.createdBy !== (ctx.actor as { id: string }).id || job.entityId !== entityId) throw notFound('import', 'lần nhập');
  if (job.committedAt) throw new AppError('conflict', 'import_already_committed', { vi: 'Tệp này đã được nhập rồi', en: 'This import has already been committed' });
  const planned = await planStepImport(ctx.tx, entityId, job.rows, ctx.now);
  if (planned.totals.errors > 0) {
    throw new AppError('conflict', 'import_has_errors', {
      vi: `Còn ${planned.totals.errors} dòng có lỗi; hãy sửa tệp và tải lên lại — không có gì được ghi`,
      en: `${planned.totals.errors} rows have errors; fix the file and upload it again — nothing was written`,
    }, { errorRows: planned.totals.errors });
  }
  const moved = planned.announced.find((a, i) => a.action !== job.planned[i]?.action || a.lotId !== job.planned[i]?.lotId);
  if (moved || planned.announced.length !== job.planned.length) {
    const row = (moved ?? planned.announced[0])?.row;
    throw new AppError('conflict', 'stale_version', {
      vi: `Dòng ${row}: lô hàng đã thay đổi sau khi xem trước; hãy tải tệp lên lại để xem trước lần nữa`,
      en: `Row ${row}: the batch changed since the preview; upload the file again for a new preview`,
    }, { row });
  }

  // Batch by batch, each in the order of its journey (a receipt finds the shipping it follows).
  const plans = planned.rows.flatMap((r) => (r.plan ? [r.plan] : []));
  const lotKey = (p: StepPlan) => p.lotId ?? `${p.gtin}|${p.lot}`;
  plans.sort((a, b) => lotKey(a).localeCompare(lotKey(b)) || Date.parse(a.at) - Date.parse(b.at) || STEPS.indexOf(a.step) - STEPS.indexOf(b.step));
  const opened = new Map<string, string>();
  const eventIds: string[] = [];
  for (const p of plans) {
    let lotId = p.lotId ?? opened.get(lotKey(p));
    if (!lotId) {
      lotId = (await createLot(ctx, { productId: p.productId, lot: p.lot, producedOn: p.producedOn ?? undefined, expiresOn: p.expiresOn })).id;
      opened.set(lotKey(p), lotId);
    }
    const result = await recordStep(ctx, lotId, {
      step: p.step, at: p.at, locationId: p.locationId, ...(p.destinationId ? { destinationId: p.destinationId } : {}), quantity: p.quantity, uom: p.uom,
    }, capture);
    eventIds.push(...result.eventIds);
  }
  const result: EventImportResult = { recorded: plans.length, unchanged: planned.totals.unchanged, lots: opened.size, eventIds };
  await ctx.tx.update(traceImport).set({ committedAt: ctx.now, result }).where(eq(traceImport.id, id));
  await recordAudit(ctx, { action: 'trace_import.commit', recordType: 'trace_import', recordId: id, after: { fileName: job.fileName, recorded: result.recorded, unchanged: result.unchanged, lots: result.lots } });
  return result;
}
