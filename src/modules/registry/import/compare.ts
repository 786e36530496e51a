// What makes an import idempotent, as pure functions: which record a row is (a product by its code, else by its
// entity + name + product set, names compared without diacritics, case or extra spaces), which of the sheet's fields
// differ from that record (none: the row is "unchanged" and the commit leaves the record alone, no version, no audit
// row), and which other products of the same entity a new row may repeat.
import { ENTITY_COLUMNS, PRODUCT_COLUMNS, fold, type Column } from './columns.js';
import type { EntityRecord, ProductRecord } from './import.contract.js';
import type { ExistingEntity, ExistingProduct } from './lookups.js';

type Change = { column: string; field: string };
const change = (columns: readonly Column[], key: string): Change => ({ column: columns.find((c) => c.key === key)!.header, field: key });
/** null, undefined and '' are all "empty"; the rest compare as written. */
const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '');

/** The fields of the sheet whose value differs from the entity's (the representative's other fields are not in the sheet). */
export function entityChanges(record: EntityRecord, existing: ExistingEntity): Change[] {
  const out: Change[] = [];
  const plain = ['name', 'type', 'registrationDate', 'taxCode', 'address', 'communeCode', 'phone', 'email', 'workers', 'localWorkers'] as const;
  for (const key of plain) if (!same(record[key], existing[key])) out.push(change(ENTITY_COLUMNS, key));
  const rep = existing.representative as Partial<EntityRecord['representative']>;
  for (const key of ['fullName', 'sex', 'ethnicity', 'disability'] as const) {
    const before = key === 'disability' ? (rep[key] ?? false) : rep[key];
    if (!same(record.representative[key], before)) out.push(change(ENTITY_COLUMNS, `representative.${key}`));
  }
  return out;
}

/** The fields of the sheet whose value differs from the product's; an empty status cell keeps the status. */
export function productChanges(record: ProductRecord, existing: ExistingProduct): Change[] {
  const out: Change[] = [];
  for (const key of ['name', 'productSet', 'description', 'ingredients', 'rawMaterialArea', 'standard'] as const) {
    if (!same(record[key], existing[key])) out.push(change(PRODUCT_COLUMNS, key));
  }
  if (record.status && record.status !== existing.status) out.push(change(PRODUCT_COLUMNS, 'status'));
  return out;
}

/** The identity of a product without a code: its owner, its folded name and its product set. */
export const productKey = (ownerRegistration: string, name: string, productSet: number) => `${ownerRegistration.toUpperCase()}|${fold(name)}|${productSet}`;

const words = (s: string) => new Set(fold(s).split(/[^a-z0-9]+/).filter(Boolean));

/** Two product names that may well be one product: equal once folded, one inside the other ("Mật ong bạc hà" and
 * "Mật ong bạc hà Mèo Vạc"), or sharing most of their words. */
export function similarNames(a: string, b: string): boolean {
  const [x, y] = [fold(a), fold(b)];
  if (x === y) return true;
  if (Math.min(x.length, y.length) >= 5 && (x.includes(y) || y.includes(x))) return true;
  const [wx, wy] = [words(a), words(b)];
  const common = [...wx].filter((w) => wy.has(w)).length;
  return common >= 2 && common / new Set([...wx, ...wy]).size >= 0.6;
}

/** The entity's products a new row may repeat: a similar name, whatever the product set. */
export function possibleDuplicates(record: ProductRecord, siblings: ExistingProduct[]) {
  return siblings.filter((s) => similarNames(record.name, s.name)).map((s) => ({ code: s.code, name: s.name, productSet: s.productSet }));
}
