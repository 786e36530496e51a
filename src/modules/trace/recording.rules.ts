// What a small producer's few taps mean in EPCIS 2.0 (CBV 2.0 vocabulary): pure functions from a recorded step to
// the EPCISDocument captured underneath. A batch (lot) of a product is the class-level identifier
// https://id.gs1.org/01/{gtin}/10/{lot}; the raw material it is made from (the harvest) is identified by the lot's
// own urn:uuid, as it carries no GTIN of its own; places are the entity's locations as GLN Digital Links.
//
//   harvest     ObjectEvent ADD, bizStep creating_class_instance, disposition active: the raw material comes into
//               being at the raw-material area or farm (ilmd cbvmda:harvestStartDate).
//   processing  TransformationEvent, raw material in, the product's lot out, bizStep creating_class_instance
//               (CBV 2.0 has no "transforming" step: the event type says it), ilmd with the lot's dates.
//   packing     ObjectEvent OBSERVE, bizStep packing, disposition sellable_not_accessible.
//   shipping    ObjectEvent OBSERVE, bizStep shipping, disposition in_transit, source and destination locations.
//   receiving   ObjectEvent OBSERVE, bizStep receiving, disposition sellable_accessible at the shop (retail receipt).
import { CANONICAL_DL, digitalLink } from './gs1.rules.js';

export const STEPS = ['harvest', 'processing', 'packing', 'shipping', 'receiving'] as const;
export type Step = (typeof STEPS)[number];

/** UN/ECE Rec. 20 units a producer chooses from: kilogram, litre, piece. */
export const UOMS = ['KGM', 'LTR', 'H87'] as const;
export type Uom = (typeof UOMS)[number];

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
/** Việt Nam's offset: events are written in the producer's local time. */
export const VIETNAM_OFFSET = '+07:00';

export type StepInput = {
  step: Step;
  at: Date;
  gtin: string;
  lot: string;
  /** The lot's id in the system: the raw material of the batch is urn:uuid:{lotId}. */
  lotId: string;
  /** GLN of where the step happens (readPoint and bizLocation). */
  gln: string;
  /** Shipping: GLN of the destination. */
  destinationGln?: string | null;
  /** Receiving: GLN the goods came from (the last shipping's place), when known. */
  sourceGln?: string | null;
  quantity?: number | null;
  uom?: Uom | null;
  producedOn?: string | null;
  expiresOn?: string | null;
};

export const lotClass = (gtin: string, lot: string) => digitalLink({ kind: 'gtin', gtin, lot });
export const rawMaterialClass = (lotId: string) => `urn:uuid:${lotId}`;
export const locationId = (gln: string) => `${CANONICAL_DL}/414/${gln}`;

/** An instant in Việt Nam's local time, as EPCIS writes it: 2026-03-01T08:30:00.000+07:00. */
export function vietnamTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString().replace('Z', '');
  return `${local}${VIETNAM_OFFSET}`;
}

const quantity = (epcClass: string, q?: number | null, uom?: Uom | null) =>
  ({ epcClass, ...(q != null ? { quantity: q } : {}), ...(q != null && uom && uom !== 'H87' ? { uom } : {}) });

/** The EPCIS event of one recorded step (without eventID: the repository gives it its CBV 2.0 hash ID). */
export function stepEvent(s: StepInput): Record<string, unknown> {
  const where = { readPoint: { id: locationId(s.gln) }, bizLocation: { id: locationId(s.gln) } };
  const time = { eventTime: vietnamTime(s.at), eventTimeZoneOffset: VIETNAM_OFFSET };
  const lot = lotClass(s.gtin, s.lot);
  const raw = rawMaterialClass(s.lotId);
  // The lot's production date stays in the registry of lots (and on the label); CBV's ILMD carries the expiry.
  const lotDates = s.expiresOn ? { 'cbvmda:itemExpirationDate': s.expiresOn } : {};
  switch (s.step) {
    case 'harvest':
      return {
        type: 'ObjectEvent', ...time, action: 'ADD', quantityList: [quantity(raw, s.quantity, s.uom)],
        bizStep: 'creating_class_instance', disposition: 'active', ...where,
        ilmd: { 'cbvmda:harvestStartDate': vietnamTime(s.at).slice(0, 10) },
      };
    case 'processing':
      return {
        type: 'TransformationEvent', ...time, inputQuantityList: [quantity(raw)], outputQuantityList: [quantity(lot, s.quantity, s.uom)],
        bizStep: 'creating_class_instance', disposition: 'active', ...where,
        ...(Object.keys(lotDates).length ? { ilmd: lotDates } : {}),
      };
    case 'packing':
      return { type: 'ObjectEvent', ...time, action: 'OBSERVE', quantityList: [quantity(lot, s.quantity, s.uom)], bizStep: 'packing', disposition: 'sellable_not_accessible', ...where };
    case 'shipping':
      return {
        type: 'ObjectEvent', ...time, action: 'OBSERVE', quantityList: [quantity(lot, s.quantity, s.uom)], bizStep: 'shipping', disposition: 'in_transit', ...where,
        sourceList: [{ type: 'location', source: locationId(s.gln) }],
        ...(s.destinationGln ? { destinationList: [{ type: 'location', destination: locationId(s.destinationGln) }] } : {}),
      };
    case 'receiving':
      return {
        type: 'ObjectEvent', ...time, action: 'OBSERVE', quantityList: [quantity(lot, s.quantity, s.uom)], bizStep: 'receiving', disposition: 'sellable_accessible', ...where,
        ...(s.sourceGln ? { sourceList: [{ type: 'location', source: locationId(s.sourceGln) }] } : {}),
        destinationList: [{ type: 'location', destination: locationId(s.gln) }],
      };
  }
}

/** An EPCIS 2.0 document of events (JSON-LD with the standard context). */
export function epcisDocument(events: Record<string, unknown>[], created: Date): Record<string, unknown> {
  return {
    '@context': [EPCIS_CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: created.toISOString(),
    epcisBody: { eventList: events },
  };
}

/** Which recorded step a stored event is (the inverse of stepEvent), from its type and CBV business step. */
export function stepOfEvent(eventType: string, bizStep: string | null): Step | null {
  const s = bizStep?.replace(/^https?:\/\/ref\.gs1\.org\/cbv\/BizStep-/, '').replace(/^urn:epcglobal:cbv:bizstep:/, '') ?? null;
  if (eventType === 'TransformationEvent') return 'processing';
  if (eventType !== 'ObjectEvent') return null;
  switch (s) {
    case 'creating_class_instance': case 'commissioning': return 'harvest';
    case 'packing': return 'packing';
    case 'shipping': case 'departing': return 'shipping';
    case 'receiving': case 'arriving': return 'receiving';
    default: return null;
  }
}

/** The step a producer most likely records next, after those done (the screen offers it first). */
export function nextStep(done: Step[]): Step | null {
  return STEPS.find((s) => !done.includes(s)) ?? null;
}

/** A lot code a person can read off a label and type: the production day and a counter, L260301-2. */
export function lotCode(producedOn: string, n: number): string {
  return `L${producedOn.slice(2, 4)}${producedOn.slice(5, 7)}${producedOn.slice(8, 10)}-${n}`;
}

/** The lot codes this system issues and accepts from people: a safe subset of GS1's character set 82, so the code
 * reads the same in a Digital Link path, an EPC URN and a spreadsheet. */
export const LOT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;

export type TimedStep = { step: Step; at: string };

/** A step out of the batch's order: one of an earlier stage recorded after it, or of a later stage before it (a
 * batch is packed after it is processed, shipped after it is packed…). Returns the step it clashes with. Steps of
 * one stage at the same time are fine; a stage skipped is fine (not every producer processes). */
export function clashingStep(known: TimedStep[], s: TimedStep): TimedStep | undefined {
  const stage = STEPS.indexOf(s.step);
  const at = Date.parse(s.at);
  return known.find((k) => {
    const other = STEPS.indexOf(k.step);
    const t = Date.parse(k.at);
    return (other < stage && t > at) || (other > stage && t < at);
  });
}
