// Pure: the rows as read + what the database holds (import.repo.ts) → what each row would do. Run by the preview and
// again by the commit, in its transaction, so the commit writes exactly what was shown or nothing.
//
// A row names its batch by lot code, with the product (code or GTIN) when the batch is new or when the entity has
// that lot code on two products; its places by GLN or by the name of one of the entity's locations. Only the entity's
// own products and places: another's GTIN or GLN is an error, and nothing of it is stored. A step the batch already
// has is 'unchanged' (the same file imported twice records nothing the second time).
import type { Message } from '../../../app/errors.js';
import { Gs1Error, normaliseGtin } from '../../../app/gs1.js';
import { cellError, fold, type ImportError } from '../../registry/index.js';
import type { LocationRow } from '../producer.repo.js';
import { clashingStep, vietnamTime, type Step, type TimedStep, type Uom } from '../recording.rules.js';
import { COLUMNS_READ, STEP_LABELS, type EventKey } from './columns.js';
import type { EventImportRow, EventImportTotals } from './import.contract.js';
import type { Announced } from './import.tables.js';
import type { Lookups, ProductRef } from './import.repo.js';
import type { EventRowInput } from './parse-rows.js';

/** What the commit does for a row: open the batch (when lotId is null) and record the step. */
export type StepPlan = {
  lotId: string | null; productId: string; gtin: string; lot: string; producedOn: string | null; expiresOn: string | null;
  step: Step; at: string; locationId: string; destinationId: string | null; quantity: number | null; uom: Uom | null;
};
export type PlannedEventRow = EventImportRow & { plan?: StepPlan };

const column = (k: EventKey) => COLUMNS_READ.find((c) => c.key === k)!;
const problem = (k: EventKey, code: string, message: Message): ImportError => cellError(column(k), code, message);
const isGtin = (s: string) => /^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(s);
const vnShort = (iso: string) => { const t = vietnamTime(new Date(iso)); return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`; };

/** The names a file uses, for the lookups. */
export function namesIn(rows: EventRowInput[]) {
  const gtins = new Set<string>();
  const codes = new Set<string>();
  for (const r of rows) {
    if (!r.product) continue;
    if (!isGtin(r.product)) codes.add(r.product);
    else try { gtins.add(normaliseGtin(r.product)); } catch { /* reported by the plan */ }
  }
  return { gtins: [...gtins], codes: [...codes], lots: [...new Set(rows.map((r) => r.lot).filter(Boolean))] };
}

function findProduct(value: string, products: ProductRef[], entityId: string): { product?: ProductRef; error?: ImportError } {
  let gtin: string | undefined;
  if (isGtin(value)) {
    try { gtin = normaliseGtin(value); } catch (e) {
      if (!(e instanceof Gs1Error)) throw e;
      return { error: problem('product', 'gtin_bad_check_digit', { vi: `Số kiểm tra của mã GTIN ${value} không đúng`, en: `The check digit of GTIN ${value} is wrong` }) };
    }
  }
  const found = gtin ? products.find((p) => p.gtin === gtin) : products.find((p) => p.code.toUpperCase() === value.toUpperCase());
  if (!found) return { error: problem('product', 'unknown_product', { vi: `Không có sản phẩm ${gtin ? 'mang GTIN' : 'mã'} ${value}`, en: `No product with ${gtin ? 'GTIN' : 'code'} ${value}` }) };
  if (found.entityId !== entityId) {
    return { error: problem('product', 'not_your_product', { vi: `${value} không phải sản phẩm của chủ thể bạn; chỉ nhập được các bước của sản phẩm mình`, en: `${value} is not one of your products; import steps of your own products only` }) };
  }
  return { product: found };
}

function findPlace(k: 'place' | 'destination', value: string, places: LocationRow[]): { place?: LocationRow; error?: ImportError } {
  const byGln = /^\d{13}$/.test(value);
  const matches = byGln ? places.filter((p) => p.gln === value) : places.filter((p) => fold(p.name) === fold(value));
  if (matches.length === 1) return { place: matches[0] };
  if (matches.length > 1) return { error: problem(k, 'ambiguous_place', { vi: `Có nhiều địa điểm tên "${value}"; hãy ghi mã GLN`, en: `Several places are named "${value}"; give the GLN` }) };
  return {
    error: problem(k, 'unknown_place', byGln
      ? { vi: `Mã GLN ${value} không phải địa điểm của chủ thể bạn`, en: `GLN ${value} is not one of your places` }
      : { vi: `Chủ thể chưa có địa điểm tên "${value}"; hãy thêm địa điểm trước hoặc ghi mã GLN`, en: `You have no place named "${value}"; add it first or give its GLN` }),
  };
}

type NewLot = { productId: string; gtin: string; lot: string; producedOn?: string; expiresOn?: string; firstRow: number };

export function planRows(rows: EventRowInput[], db: Lookups, entityId: string, now: Date): { rows: PlannedEventRow[]; totals: EventImportTotals; announced: Announced[] } {
  const newLots = new Map<string, NewLot>();
  /** Per batch (lot id or gtin|lot of a new one), the steps recorded and those the file adds (for the order check). */
  const journey = new Map<string, TimedStep[]>();
  const seen = new Map<string, number>();
  const out: PlannedEventRow[] = [];
  const inFile = (lot: string) => [...newLots].filter(([, l]) => l.lot === lot);

  for (const r of rows) {
    const errors = [...r.errors];
    let productName: string | null = null;
    let lotId: string | null = null;
    let product: ProductRef | undefined;
    let key: string | undefined;
    let newLot: NewLot | undefined;
    if (r.product) {
      const found = findProduct(r.product, db.products, entityId);
      if (found.error) errors.push(found.error);
      product = found.product;
    }
    if (r.lot && (product || !r.product)) {
      const candidates = db.lots.filter((l) => l.lot === r.lot && (!product || l.productId === product.id));
      if (candidates.length === 1) {
        lotId = candidates[0].id;
        key = lotId;
        productName = candidates[0].productName;
      } else if (candidates.length > 1) {
        errors.push(problem('product', 'ambiguous_lot', { vi: `Lô ${r.lot} có ở nhiều sản phẩm; hãy ghi mã sản phẩm hoặc GTIN`, en: `Lot ${r.lot} exists for several products; give the product code or GTIN` }));
      } else if (!product && inFile(r.lot).length === 1) {
        // A batch the file opens on an earlier row (with its product) needs only its lot code on the next ones.
        const [k, l] = inFile(r.lot)[0];
        key = k;
        newLot = l;
        productName = db.products.find((x) => x.id === l.productId)?.name ?? null;
        if ((r.producedOn && l.producedOn && r.producedOn !== l.producedOn) || (r.expiresOn && l.expiresOn && r.expiresOn !== l.expiresOn)) {
          errors.push(problem('producedOn', 'lot_dates_differ', { vi: `Ngày của lô ${r.lot} khác với dòng ${l.firstRow}`, en: `The dates of lot ${r.lot} differ from row ${l.firstRow}` }));
        } else {
          l.producedOn ??= r.producedOn;
          l.expiresOn ??= r.expiresOn;
        }
      } else if (!product) {
        errors.push(problem('lot', 'unknown_lot', { vi: `Chưa có lô ${r.lot}; để mở lô mới, ghi mã sản phẩm hoặc GTIN và ngày sản xuất`, en: `There is no lot ${r.lot}; to open a new one, give the product code or GTIN and the production date` }));
      } else if (!product.gtin) {
        errors.push(problem('product', 'product_without_gtin', { vi: 'Sản phẩm chưa có mã GTIN', en: 'The product has no GTIN yet' }));
      } else {
        key = `${product.gtin}|${r.lot}`;
        productName = product.name;
        newLot = newLots.get(key);
        if (!newLot) newLots.set(key, newLot = { productId: product.id, gtin: product.gtin, lot: r.lot, producedOn: r.producedOn, expiresOn: r.expiresOn, firstRow: r.row });
        else if ((r.producedOn && newLot.producedOn && r.producedOn !== newLot.producedOn) || (r.expiresOn && newLot.expiresOn && r.expiresOn !== newLot.expiresOn)) {
          errors.push(problem('producedOn', 'lot_dates_differ', { vi: `Ngày của lô ${r.lot} khác với dòng ${newLot.firstRow}`, en: `The dates of lot ${r.lot} differ from row ${newLot.firstRow}` }));
        } else {
          newLot.producedOn ??= r.producedOn;
          newLot.expiresOn ??= r.expiresOn;
        }
      }
    }
    const place = r.place ? findPlace('place', r.place, db.places) : {};
    if (place.error) errors.push(place.error);
    const destination = r.destination ? findPlace('destination', r.destination, db.places) : {};
    if (destination.error) errors.push(destination.error);
    if (r.at && Date.parse(r.at) > now.getTime()) errors.push(problem('at', 'time_in_future', { vi: 'Thời gian ở tương lai', en: 'The time is in the future' }));

    const recorded = lotId ? db.recorded.get(lotId) ?? [] : [];
    let action: PlannedEventRow['action'] = 'create';
    if (key && r.step) {
      const twice = seen.get(`${key}|${r.step}`);
      if (twice !== undefined) errors.push(problem('step', 'duplicate_in_file', { vi: `Trùng với dòng ${twice} (cùng lô, cùng bước)`, en: `Same lot and step as row ${twice}` }));
      else seen.set(`${key}|${r.step}`, r.row);
      if (recorded.some((s) => s.step === r.step)) action = 'unchanged';
    }
    if (action !== 'unchanged' && key && r.step && r.at && !errors.length) {
      const known = journey.get(key) ?? [...recorded];
      const clash = clashingStep(known, { step: r.step, at: r.at });
      if (clash) {
        errors.push(problem('step', 'step_out_of_order', {
          vi: `${STEP_LABELS[r.step].vi} lúc ${vnShort(r.at)} không khớp thứ tự với bước ${STEP_LABELS[clash.step].vi} lúc ${vnShort(clash.at)}`,
          en: `${STEP_LABELS[r.step].en} at ${vnShort(r.at)} is out of order with ${STEP_LABELS[clash.step].en} at ${vnShort(clash.at)}`,
        }));
      } else journey.set(key, [...known, { step: r.step, at: r.at }]);
    }
    if (errors.length) action = 'error';

    const shown: EventImportRow = {
      row: r.row, sheet: r.sheet, action, lot: r.lot, newLot: !!newLot && action !== 'error', productName, step: r.step ?? null, at: r.at ?? null,
      placeName: place.place?.name ?? null, destinationName: destination.place?.name ?? null, errors,
    };
    const existing = lotId ? db.lots.find((l) => l.id === lotId) : undefined;
    const owner = newLot ?? existing;
    const plan: StepPlan | undefined = action === 'create' && owner ? {
      lotId, productId: owner.productId, gtin: owner.gtin, lot: r.lot, producedOn: null, expiresOn: null, step: r.step!, at: r.at!,
      locationId: place.place!.id, destinationId: destination.place?.id ?? null, quantity: r.quantity ?? null, uom: r.uom ?? null,
    } : undefined;
    out.push({ ...shown, ...(plan ? { plan } : {}) });
  }
  // A new lot's dates may come on any of its rows: they go into every plan of the lot; without a production date
  // none of its rows can be recorded.
  for (const row of out) {
    if (!row.plan || row.plan.lotId) continue;
    const l = newLots.get(`${row.plan.gtin}|${row.plan.lot}`)!;
    if (!l.producedOn) {
      row.errors.push(problem('producedOn', 'required', { vi: `Lô mới ${row.lot} cần ngày sản xuất`, en: `The new lot ${row.lot} needs its production date` }));
      Object.assign(row, { action: 'error', newLot: false, plan: undefined });
      continue;
    }
    row.plan.producedOn = l.producedOn;
    row.plan.expiresOn = l.expiresOn ?? null;
  }
  const creating = out.filter((r) => r.action === 'create');
  const totals: EventImportTotals = {
    rows: out.length, create: creating.length, unchanged: out.filter((r) => r.action === 'unchanged').length, errors: out.filter((r) => r.action === 'error').length,
    newLots: new Set(creating.filter((r) => r.newLot).map((r) => `${r.plan!.gtin}|${r.lot}`)).size,
  };
  return { rows: out, totals, announced: out.map((r) => ({ row: r.row, action: r.action, lotId: r.plan?.lotId ?? null })) };
}
