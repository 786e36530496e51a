// Pure rules of the public trace page: which stage of the journey an EPCIS event is, which GLN a location id names,
// and the projection of the static map.
import { checkDigit } from '../../app/gs1.js';

export const JOURNEY_STEPS = ['harvest', 'processing', 'packing', 'shipping', 'retail', 'other'] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

/** A CBV business step in any of its spellings (`shipping`, `cbv:BizStep-shipping`, `https://ref.gs1.org/cbv/BizStep-shipping`,
 * `urn:epcglobal:cbv:bizstep:shipping`) → the bare word; a private step (an extension's URI) is kept as written. */
export function bareBizStep(step: string | null): string | null {
  if (!step) return null;
  const m = /(?:BizStep-|cbv:bizstep:)([a-z_]+)$/.exec(step);
  return m ? m[1] : step;
}

const STEP_OF: Record<string, JourneyStep> = {
  commissioning: 'harvest', harvesting: 'harvest', collecting: 'harvest', killing: 'harvest', slaughtering: 'harvest', farming: 'harvest',
  creating_class_instance: 'processing', assembling: 'processing', disassembling: 'processing', repackaging: 'processing', transforming: 'processing', producing: 'processing',
  packing: 'packing', encoding: 'packing', unpacking: 'packing', staging_outbound: 'packing',
  shipping: 'shipping', departing: 'shipping', transporting: 'shipping', loading: 'shipping', unloading: 'shipping', receiving: 'shipping', arriving: 'shipping', accepting: 'shipping', consigning: 'shipping', storing: 'shipping', holding: 'shipping',
  retail_selling: 'retail', stocking: 'retail', dispensing: 'retail',
};

/** The stage of the journey an event tells: by its business step, else a transformation is processing. */
export function stepOf(eventType: string, bizStep: string | null, disposition: string | null = null): JourneyStep {
  const word = bareBizStep(bizStep);
  // Goods received where they are now on sale (CBV disposition sellable_accessible) have reached the shop: retail,
  // as the producer's recording writes a shop's receipt; received anywhere else, they are still on their way.
  if ((word === 'receiving' || word === 'arriving') && /sellable_accessible$/.test(disposition ?? '')) return 'retail';
  // An object coming into being (ObjectEvent ADD, creating_class_instance) is the raw material harvested, as the
  // producer's recording writes it (recording.rules.ts); the same step on a transformation is the processing.
  if (word === 'creating_class_instance' && eventType === 'ObjectEvent') return 'harvest';
  if (word && STEP_OF[word]) return STEP_OF[word];
  if (eventType === 'TransformationEvent') return 'processing';
  if (eventType === 'AggregationEvent') return 'packing';
  return 'other';
}

/** The GLN inside a location id (a Digital Link `…/414/{gln}[/254/…]` or an SGLN URN); undefined otherwise. */
export function glnOf(id: string | null): string | undefined {
  if (!id) return undefined;
  const dl = /\/414\/(\d{13})(?:\/|$)/.exec(id);
  if (dl) return dl[1];
  const urn = /^urn:epc:id:sgln:(\d+)\.(\d*)\./.exec(id);
  if (urn && (urn[1] + urn[2]).length === 12) return urn[1] + urn[2] + checkDigit(urn[1] + urn[2]);
  return undefined;
}

/** The map's projection: an equirectangular view of Việt Nam's mainland (102°–110°E, 8.3°–23.5°N), longitude
 * shrunk by the cosine of the middle latitude, `SCALE` units per degree of latitude. */
export const MAP = { west: 102.1, east: 109.6, north: 23.45, south: 8.3, scale: 10, lonFactor: Math.cos((16 * Math.PI) / 180) };
export const project = (lon: number, lat: number): [number, number] =>
  [Math.round((lon - MAP.west) * MAP.lonFactor * MAP.scale * 10) / 10, Math.round((MAP.north - lat) * MAP.scale * 10) / 10];
export const MAP_SIZE = { w: Math.ceil((MAP.east - MAP.west) * MAP.lonFactor * MAP.scale), h: Math.ceil((MAP.north - MAP.south) * MAP.scale) };

/** How many problem reports the public trace page takes (counted in the database, shared by every server process;
 * no reader's address is used): per product and per lot, per hour. */
export const REPORT_BUDGETS = {
  product: { name: 'trace-report-product', max: 30, windowSeconds: 3600 },
  lot: { name: 'trace-report-lot', max: 10, windowSeconds: 3600 },
} as const;
