// A product's GTIN as the registry accepts it: GTIN-8/12/13/14 with a right check digit, normalised to 14 digits,
// and never a number under the programme's own prefix (those are handed out by the sequence, so a typed one would
// collide with a product numbered later). The arithmetic is GS1's (src/app/gs1.ts).
import { Gs1Error, gtinUnderPrefix, normaliseGtin, referenceCapacity } from '../../app/gs1.js';
import { invalidField } from '../../app/errors.js';

/** The product's own GTIN, normalised, or a 400 problem on `field` saying what is wrong with it. */
export function ownGtin(raw: string, programmePrefix: string, field = 'gtin'): string {
  let gtin: string;
  try {
    gtin = normaliseGtin(raw);
  } catch (e) {
    if (!(e instanceof Gs1Error)) throw e;
    throw e.problem === 'bad_check_digit'
      ? invalidField(field, 'gtin_bad_check_digit', { vi: `Số kiểm tra của mã GTIN ${raw} không đúng`, en: `The check digit of GTIN ${raw} is wrong` })
      : invalidField(field, 'gtin_malformed', { vi: 'Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số', en: 'A GTIN has 8, 12, 13 or 14 digits' });
  }
  if (underPrefix(gtin, programmePrefix)) {
    throw invalidField(field, 'gtin_under_programme_prefix', { vi: 'Mã GTIN thuộc tiền tố của Chương trình: hệ thống tự cấp các mã này', en: 'This GTIN is under the programme\'s prefix: the system assigns those' });
  }
  return gtin;
}

/** Whether a 14-digit GTIN (indicator digit 0) is numbered under a company prefix. */
export const underPrefix = (gtin14: string, prefix: string) => prefix !== '' && gtin14[0] === '0' && gtin14.slice(1).startsWith(prefix);

/** The programme GTIN for the n-th value of programme_gtin_item_seq, or null once the prefix is full. */
export function programmeGtin(prefix: string, seqValue: number): string | null {
  return seqValue < referenceCapacity(prefix) ? gtinUnderPrefix(prefix, seqValue) : null;
}
