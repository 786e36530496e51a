// GS1 number arithmetic shared by every module that names things with GS1 keys: the mod-10 check digit, GTIN and GLN
// normalisation, and numbering under a company prefix (GS1 General Specifications §7.9). It is a standard's
// arithmetic, like a date library, not a business rule of one module: the registry validates a product's GTIN with
// it and the trace module builds Digital Links and EPC URNs on it (src/modules/trace/gs1.rules.ts re-exports it).

export type Gs1Problem = 'malformed' | 'bad_check_digit' | 'unknown_ai' | 'qualifier_order' | 'bad_value';
export class Gs1Error extends Error {
  constructor(readonly problem: Gs1Problem, message: string) { super(message); }
}

/** The GS1 mod-10 check digit of a digit string that lacks it (weights 3, 1, 3 … from the right). */
export function checkDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

export const hasValidCheckDigit = (digits: string) => /^\d{2,}$/.test(digits) && checkDigit(digits.slice(0, -1)) === Number(digits.at(-1));

/** GTIN-8, -12, -13 or -14 → the 14-digit form, or a Gs1Error saying what is wrong. */
export function normaliseGtin(raw: string): string {
  const s = raw.trim();
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(s)) throw new Gs1Error('malformed', `GTIN must have 8, 12, 13 or 14 digits: ${raw}`);
  if (!hasValidCheckDigit(s)) throw new Gs1Error('bad_check_digit', `GTIN check digit is wrong: ${raw}`);
  return s.padStart(14, '0');
}

export function normaliseGln(raw: string): string {
  const s = raw.trim();
  if (!/^\d{13}$/.test(s)) throw new Gs1Error('malformed', `GLN must have 13 digits: ${raw}`);
  if (!hasValidCheckDigit(s)) throw new Gs1Error('bad_check_digit', `GLN check digit is wrong: ${raw}`);
  return s;
}

/** Body of a 13-digit key (GTIN-13 or GLN) without its check digit: prefix + reference zero-padded to 12 digits. */
function bodyUnderPrefix(companyPrefix: string, reference: number): string {
  const width = 12 - companyPrefix.length;
  if (!/^\d{6,11}$/.test(companyPrefix) || !Number.isSafeInteger(reference) || reference < 0 || String(reference).length > width) {
    throw new Gs1Error('bad_value', `reference ${reference} does not fit under prefix ${companyPrefix}`);
  }
  return companyPrefix + String(reference).padStart(width, '0');
}

/** A GTIN-13 (as 14 digits) under a company prefix: prefix + item reference (zero-padded) + check digit. */
export function gtinUnderPrefix(companyPrefix: string, itemReference: number): string {
  const body = bodyUnderPrefix(companyPrefix, itemReference);
  return `0${body}${checkDigit(body)}`;
}

/** A GLN under a company prefix: prefix + location reference (zero-padded) + check digit, 13 digits. */
export function glnUnderPrefix(companyPrefix: string, locationReference: number): string {
  const body = bodyUnderPrefix(companyPrefix, locationReference);
  return `${body}${checkDigit(body)}`;
}

/** How many references fit under a prefix (a 7-digit prefix numbers 100,000 items or locations). */
export const referenceCapacity = (companyPrefix: string) => 10 ** (12 - companyPrefix.length);
