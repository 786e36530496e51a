import { digitalLink } from './gs1.rules.js';
import type { LocationOut, LotOut } from './producer.contract.js';
import type { LocationRow, LotEvent, LotRow } from './producer.repo.js';
import { nextStep, stepOfEvent, type Step } from './recording.rules.js';

export function presentLocation(l: LocationRow): LocationOut {
  return {
    id: l.id, entityId: l.entityId, gln: l.gln, digitalLink: digitalLink({ kind: 'gln', gln: l.gln }), kind: l.kind, name: l.name,
    communeCode: l.communeCode, communeName: l.communeName, provinceCode: l.provinceCode, address: l.address,
    latitude: l.latitude, longitude: l.longitude, description: l.description, createdAt: l.createdAt.toISOString(),
  };
}

const glnOf = (id: string | null) => id?.match(/\/414\/(\d{13})/)?.[1] ?? null;

/** A lot for those who keep or read it; `events` (oldest first) adds the recorded steps and the next one to offer. */
export function presentLot(row: LotRow, publicUrl: string, opts: { manage: boolean; events?: LotEvent[]; names?: Map<string, string> }): LotOut {
  const l = row.lot;
  const out: LotOut = {
    id: l.id, productId: l.productId, productName: row.productName, entityId: row.entityId, gtin: l.gtin, lot: l.lot,
    digitalLink: digitalLink({ kind: 'gtin', gtin: l.gtin, lot: l.lot }, publicUrl), producedOn: l.producedOn, expiresOn: l.expiresOn,
    quantity: l.quantity == null ? null : Number(l.quantity), uom: l.uom, createdAt: l.createdAt.toISOString(),
    labelsUrl: `/api/v1/trace/lots/${l.id}/labels.pdf`, rawMaterialAreaId: l.rawMaterialAreaId ?? null, actions: opts.manage ? ['record', 'labels'] : ['labels'],
  };
  if (opts.events) {
    const steps = opts.events.flatMap((e) => {
      const step = stepOfEvent(e.eventType, e.bizStep);
      const gln = glnOf(e.bizLocation ?? e.readPoint);
      return step ? [{ step, eventId: e.eventId, eventTime: e.eventTime, locationGln: gln, locationName: gln ? opts.names?.get(gln) ?? null : null }] : [];
    });
    out.steps = steps;
    out.nextStep = nextStep(steps.map((s) => s.step as Step));
  }
  return out;
}
