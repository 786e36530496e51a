// A producer records one step of a batch (harvest, processing, packing, shipping, retail receipt) in a few taps; the
// EPCIS 2.0 event it means (recording.rules.ts) is captured underneath, in the same transaction, through the
// repository's own capture (validation, hash ID, storage, the entity's hash chain).
//
// The capture runs as the server on the entity's chain: this command has already checked that the user manages the
// batch and every place it names, and the raw material of a harvest is named by the lot's urn:uuid, which is not a
// GS1 key the repository's per-identifier ownership check could match. The user's act is in the audit trail.
import type { z } from 'zod';
import { systemActor, type Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, invalidField, notFound } from '../../../app/errors.js';
import type { recordStepBody } from '../producer.contract.js';
import { canManageTrace, canReadTrace } from '../producer.policy.js';
import { eventsOfLot, getLocations, getLot, type LotRow } from '../producer.repo.js';
import { epcisDocument, stepEvent, stepOfEvent, type Uom } from '../recording.rules.js';

/** The repository's capture (commands/capture-document.ts), as this command uses it. */
export type Capture = (ctx: Ctx, document: unknown, opts: { entityId?: string | null }) => Promise<{ captureId: string; eventIds: string[]; success: boolean }>;

export async function loadManagedLot(ctx: Ctx, lotId: string): Promise<LotRow> {
  const row = await getLot(ctx.tx, lotId);
  const scope = row && { id: row.entityId, provinceCode: row.provinceCode, communeCode: row.communeCode };
  if (!row || !canReadTrace(ctx.actor, scope!)) throw notFound('lot', 'lô hàng');
  if (!canManageTrace(ctx.actor, scope!)) throw forbidden();
  return row;
}

export async function recordStep(ctx: Ctx, lotId: string, input: z.infer<typeof recordStepBody>, capture: Capture) {
  const row = await loadManagedLot(ctx, lotId);
  const ids = [input.locationId, ...(input.destinationId ? [input.destinationId] : [])];
  const places = await getLocations(ctx.tx, ids);
  const place = places.find((l) => l.id === input.locationId && l.entityId === row.entityId);
  if (!place) throw invalidField('locationId', 'unknown_location', { vi: 'Địa điểm không thuộc chủ thể này', en: 'The location is not one of this entity\'s' });
  const destination = input.destinationId ? places.find((l) => l.id === input.destinationId && l.entityId === row.entityId) : undefined;
  if (input.destinationId && !destination) throw invalidField('destinationId', 'unknown_location', { vi: 'Nơi nhận không thuộc chủ thể này', en: 'The destination is not one of this entity\'s' });

  // A retail receipt names where the goods came from: the place of the batch's last shipping, when recorded.
  let sourceGln: string | null = null;
  if (input.step === 'receiving') {
    const shipped = (await eventsOfLot(ctx.tx, row.lot)).filter((e) => stepOfEvent(e.eventType, e.bizStep) === 'shipping').at(-1);
    sourceGln = shipped?.bizLocation?.match(/\/414\/(\d{13})/)?.[1] ?? null;
  }
  const at = input.at ? new Date(input.at) : ctx.now;
  const event = stepEvent({
    step: input.step, at, gtin: row.lot.gtin, lot: row.lot.lot, lotId: row.lot.id, gln: place.gln, destinationGln: destination?.gln ?? null,
    sourceGln, quantity: input.quantity ?? null, uom: (input.uom ?? row.lot.uom ?? null) as Uom | null,
    producedOn: row.lot.producedOn, expiresOn: row.lot.expiresOn,
  });
  const result = await capture({ ...ctx, actor: systemActor('producer-recording') }, epcisDocument([event], ctx.now), { entityId: row.entityId });
  await recordAudit(ctx, {
    action: `trace_lot.${input.step}`, recordType: 'trace_lot', recordId: row.lot.id, provinceCode: row.provinceCode, communeCode: row.communeCode,
    after: { step: input.step, at: at.toISOString(), location: place.gln, destination: destination?.gln ?? null, captureId: result.captureId, eventIds: result.eventIds },
  });
  return result;
}
