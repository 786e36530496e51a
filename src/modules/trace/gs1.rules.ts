// GS1 identifiers without I/O: check digits, GTIN and GLN normalisation, GS1 Digital Link paths, EPC URNs, and the
// conversion between the two forms (GS1 Tariff/TDS 2.x, GS1 Digital Link URI syntax 1.x). The repository keys every
// identifier by its canonical Digital Link (`https://id.gs1.org/01/{gtin14}…`), so an event captured with URNs and a
// query written with Digital Link URIs (or the other way round) meet; the EPC URN form is only needed on output,
// and it needs the GS1 company prefix's length, which the caller knows (the programme's prefix, an entity's own).

/** The canonical domain of Digital Link identifiers inside EPCIS events (CBV 2.0 §8: hash IDs use it too). */
export const CANONICAL_DL = 'https://id.gs1.org';

// The check-digit arithmetic lives in src/app/gs1.ts, so the registry (which may not import trace) validates and
// assigns a product's GTIN with the same code; it is re-exported here for the module's callers.
import { checkDigit, Gs1Error, normaliseGln, normaliseGtin } from '../../app/gs1.js';
export { checkDigit, Gs1Error, glnUnderPrefix, gtinUnderPrefix, hasValidCheckDigit, normaliseGln, normaliseGtin, type Gs1Problem } from '../../app/gs1.js';

/** The characters GS1 allows in alphanumeric AI values such as a lot (10) or serial (21): "character set 82". */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

export type Gs1Key =
  | { kind: 'gtin'; gtin: string; lot?: string; serial?: string }
  | { kind: 'gln'; gln: string; extension?: string };

/** The path of a key in a Digital Link URI: `/01/{gtin14}[/10/{lot}][/21/{serial}]`, `/414/{gln}[/254/{ext}]`. */
export function digitalLinkPath(key: Gs1Key): string {
  if (key.kind === 'gln') return `/414/${key.gln}${key.extension ? `/254/${encodeURIComponent(key.extension)}` : ''}`;
  return `/01/${key.gtin}${key.lot !== undefined ? `/10/${encodeURIComponent(key.lot)}` : ''}${key.serial !== undefined ? `/21/${encodeURIComponent(key.serial)}` : ''}`;
}

export const digitalLink = (key: Gs1Key, base = CANONICAL_DL) => base.replace(/\/+$/, '') + digitalLinkPath(key);

/** The primary keys this resolver serves and, in order, the qualifiers each may carry. */
const QUALIFIERS: Record<string, string[]> = { '01': ['22', '10', '21'], '414': ['254'] };
/** Application identifiers that are well-formed GS1 but not keys this system resolves (SSCC, GRAI, GIAI …). */
const KNOWN_AIS = new Set(['00', '01', '10', '21', '22', '253', '254', '255', '414', '417', '8003', '8004', '8006', '8010', '8013', '8017', '8018']);

/**
 * Reads the path of a Digital Link URI (`/01/09520123456788/10/ABC`), tolerating a trailing slash and a GTIN-8/12/13
 * (normalised to 14 digits). Throws Gs1Error: an unknown AI, qualifiers out of order, a wrong check digit or a value
 * outside the allowed characters are each told apart (a resolver answers them 400).
 */
export function parseDigitalLinkPath(path: string): Gs1Key {
  const parts = path.replace(/\/+$/, '').split('/').slice(1);
  if (parts.length < 2 || parts.length % 2 !== 0) throw new Gs1Error('malformed', `not a Digital Link path: ${path}`);
  const [primary, keyValue] = parts;
  const order = QUALIFIERS[primary];
  if (!order) throw new Gs1Error(KNOWN_AIS.has(primary) ? 'malformed' : 'unknown_ai', `unknown or unsupported primary key AI (${primary})`);
  const qualifiers = new Map<string, string>();
  let last = -1;
  for (let i = 2; i < parts.length; i += 2) {
    const ai = parts[i];
    const at = order.indexOf(ai);
    if (at < 0) throw new Gs1Error(KNOWN_AIS.has(ai) ? 'qualifier_order' : 'unknown_ai', `AI (${ai}) cannot qualify (${primary}) here`);
    if (at <= last) throw new Gs1Error('qualifier_order', `qualifiers out of order at AI (${ai})`);
    last = at;
    let value: string;
    try { value = decodeURIComponent(parts[i + 1]); } catch { throw new Gs1Error('malformed', `bad percent-encoding in AI (${ai})`); }
    if (!CSET82.test(value)) throw new Gs1Error('bad_value', `AI (${ai}) value is not 1–20 GS1 characters`);
    qualifiers.set(ai, value);
  }
  if (primary === '414') return { kind: 'gln', gln: normaliseGln(keyValue), ...(qualifiers.has('254') ? { extension: qualifiers.get('254') } : {}) };
  return {
    kind: 'gtin', gtin: normaliseGtin(keyValue),
    ...(qualifiers.has('10') ? { lot: qualifiers.get('10') } : {}),
    ...(qualifiers.has('21') ? { serial: qualifiers.get('21') } : {}),
  };
}

/** Any Digital Link URI (any domain) → its key; null when the string is not an http(s) URI with a GTIN or GLN path. */
export function parseDigitalLink(uri: string): Gs1Key | null {
  let url: URL;
  try { url = new URL(uri); } catch { return null; }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // A resolver may live under a path (https://example.vn/gs1/01/…): the key starts at the first primary AI.
  const at = url.pathname.search(/\/(01|414)\//);
  if (at < 0) return null;
  return parseDigitalLinkPath(url.pathname.slice(at));
}

// ── EPC URNs (GS1 EPC Tag Data Standard, "pure identity" and class forms) ────────────────────────────────────────

/** TDS escapes these characters inside the serial or lot part of a URN. */
const urnEscape = (s: string) => s.replace(/[%"&/<>?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const urnUnescape = (s: string) => decodeURIComponent(s);

/** The EPC URN of a key: SGTIN (with serial), LGTIN class (with lot), SGTIN pattern (GTIN alone), SGLN. */
export function epcUrn(key: Gs1Key, companyPrefixLength: number): string {
  if (companyPrefixLength < 6 || companyPrefixLength > 12) throw new Gs1Error('bad_value', 'company prefix length must be 6–12');
  if (key.kind === 'gln') {
    const cp = key.gln.slice(0, companyPrefixLength);
    return `urn:epc:id:sgln:${cp}.${key.gln.slice(companyPrefixLength, 12)}.${urnEscape(key.extension ?? '0')}`;
  }
  const cp = key.gtin.slice(1, 1 + companyPrefixLength);
  const itemRef = key.gtin[0] + key.gtin.slice(1 + companyPrefixLength, 13);
  if (key.serial !== undefined) return `urn:epc:id:sgtin:${cp}.${itemRef}.${urnEscape(key.serial)}`;
  if (key.lot !== undefined) return `urn:epc:class:lgtin:${cp}.${itemRef}.${urnEscape(key.lot)}`;
  return `urn:epc:idpat:sgtin:${cp}.${itemRef}.*`;
}

/** An EPC URN (sgtin, lgtin, sgtin pattern, sgln) → its key; null for schemes this system does not hold as keys. */
export function parseEpcUrn(urn: string): Gs1Key | null {
  const m = /^urn:epc:(id|class|idpat):(sgtin|lgtin|sgln):(\d+)\.(\d*)\.(.+)$/.exec(urn);
  if (!m) return null;
  const [, form, scheme, cp, ref, rest] = m;
  if (scheme === 'sgln') {
    const body = cp + ref;
    if (body.length !== 12) throw new Gs1Error('malformed', `SGLN company prefix and location reference must have 12 digits: ${urn}`);
    const ext = urnUnescape(rest);
    return { kind: 'gln', gln: body + checkDigit(body), ...(ext !== '0' ? { extension: ext } : {}) };
  }
  if (cp.length + ref.length !== 13 || ref.length < 1) throw new Gs1Error('malformed', `SGTIN company prefix and item reference must have 13 digits: ${urn}`);
  const body = ref[0] + cp + ref.slice(1);
  const gtin = body + checkDigit(body);
  if (scheme === 'lgtin' && form === 'class') return { kind: 'gtin', gtin, lot: urnUnescape(rest) };
  if (form === 'idpat' && rest === '*') return { kind: 'gtin', gtin };
  if (scheme === 'sgtin' && form === 'id') return { kind: 'gtin', gtin, serial: urnUnescape(rest) };
  throw new Gs1Error('malformed', `unsupported EPC URN form: ${urn}`);
}

/**
 * The canonical form under which the repository indexes an identifier: a GS1 key becomes its canonical Digital Link
 * (from a URN or from a Digital Link on any domain); anything else (a URN of another scheme, a partner's private
 * URI) is kept as written. Throws Gs1Error when the string claims to be a GS1 key but is not a valid one.
 */
export function canonicalId(id: string): string {
  const key = id.startsWith('urn:') ? parseEpcUrn(id) : parseDigitalLink(id);
  return key ? digitalLink(key) : id;
}
