// EPCIS 2.0 rules without I/O: validating a document against GS1's JSON Schema and the JSON-LD rules the schema
// cannot express, reading the columns and identifiers the repository filters on out of an event, the CBV words in
// both notations, and the hash chain that makes captured documents tamper-evident.
import { createHash } from 'node:crypto';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FieldError } from '../../app/errors.js';
import { canonicalId, Gs1Error, hasValidCheckDigit } from './gs1.rules.js';
import { normaliseToDigitalLink } from './event-hash.rules.js';
import { EPCIS_SCHEMA } from './epcis.schema.js';
import type { EpcRole } from './trace.tables.js';

// ── The standard's exception types (EPCIS 2.0 REST bindings, RFC 7807 `type`) ─────────────────────────────────────
export const EPCIS_EXCEPTION = {
  validation: 'epcisException:ValidationException',
  queryParameter: 'epcisException:QueryParameterException',
  security: 'epcisException:SecurityException',
  noSuchResource: 'epcisException:NoSuchResourceException',
  captureLimit: 'epcisException:CaptureLimitExceededException',
  queryTooLarge: 'epcisException:QueryTooLargeException',
  unsupportedMediaType: 'epcisException:UnsupportedMediaTypeException',
  implementation: 'epcisException:ImplementationException',
} as const;

// ── Schema ────────────────────────────────────────────────────────────────────────────────────────────────────

type AddFormats = (ajv: Ajv) => Ajv;
// ajv-formats is CommonJS with `exports.default`: under Node's ESM loader the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

let compiled: ValidateFunction | undefined;
/** Compiled once, on first use: GS1 validates with ajv + ajv-formats in the same way (strict off: the schema uses
 * keywords ajv's strict mode frowns on; no defaults inserted: a document is stored as it came). */
function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    addFormats(ajv);
    // The same identifiers recur through a document (a jar is output, packed, shipped, sold) and the full URI
    // format is one long regular expression: its answers are remembered (bounded), the answers themselves unchanged.
    const uri = ajv.formats.uri as (s: string) => boolean;
    const seen = new Map<string, boolean>();
    ajv.addFormat('uri', (s: string) => {
      let ok = seen.get(s);
      if (ok === undefined) {
        if (seen.size >= 100_000) seen.clear();
        seen.set(s, ok = uri(s));
      }
      return ok;
    });
    compiled = ajv.compile(EPCIS_SCHEMA);
  }
  return compiled;
}

const jsonPointerToPath = (p: string) => p.split('/').filter(Boolean).join('.') || 'document';

function schemaErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  return (errors ?? []).slice(0, 20).map((e) => {
    const path = jsonPointerToPath(e.instancePath);
    const en = `${path}: ${e.message ?? e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`;
    return { path, code: `schema_${e.keyword}`, message: { vi: `${path}: không đúng lược đồ EPCIS 2.0 (${e.keyword})`, en } };
  });
}

// ── JSON-LD rules ────────────────────────────────────────────────────────────────────────────────────────────

/** The EPCIS 2.0 JSON-LD context a document must name (the ratified URL, and the one GS1's repository served first). */
export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const EPCIS_CONTEXTS = new Set([EPCIS_CONTEXT, 'https://gs1.github.io/EPCIS/epcis-context.jsonld', 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld']);
/** Prefixes the EPCIS context itself declares. */
const BUILT_IN_PREFIXES = new Set(['epcis', 'cbv', 'cbvmda', 'gs1', 'rdfs', 'owl', 'xsd', 'dcterms', 'sdo', 'schema']);
/** Terms the EPCIS context protects: a document's own context may not redefine them. */
const PROTECTED = new Set(['type', 'id', 'eventID', 'eventTime', 'eventTimeZoneOffset', 'recordTime', 'epcList', 'parentID', 'childEPCs', 'inputEPCList', 'outputEPCList',
  'quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList', 'action', 'bizStep', 'disposition', 'readPoint', 'bizLocation', 'bizTransactionList',
  'sourceList', 'destinationList', 'sensorElementList', 'ilmd', 'errorDeclaration', 'certificationInfo', 'persistentDisposition', 'transformationID', 'epcisBody', 'eventList',
  'epcisHeader', 'schemaVersion', 'creationDate', 'epcClass', 'quantity', 'uom', 'ObjectEvent', 'AggregationEvent', 'TransformationEvent', 'TransactionEvent', 'AssociationEvent', 'EPCISDocument']);

const isAbsoluteIri = (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s);

const ldError = (path: string, code: string, vi: string, en: string): FieldError => ({ path, code, message: { vi, en } });

/** The prefixes a document declares in its @context, or the JSON-LD errors of that context. */
function readContext(context: unknown): { prefixes: Set<string>; errors: FieldError[] } {
  const prefixes = new Set(BUILT_IN_PREFIXES);
  const errors: FieldError[] = [];
  const entries = Array.isArray(context) ? context : [context];
  let namesEpcis = false;
  entries.forEach((c, i) => {
    const path = Array.isArray(context) ? `@context.${i}` : '@context';
    if (typeof c === 'string') {
      if (EPCIS_CONTEXTS.has(c)) namesEpcis = true;
      else if (!isAbsoluteIri(c)) errors.push(ldError(path, 'jsonld_bad_context', 'Ngữ cảnh JSON-LD phải là một IRI tuyệt đối', 'A JSON-LD context must be an absolute IRI'));
      return;
    }
    if (!c || typeof c !== 'object' || Array.isArray(c)) {
      errors.push(ldError(path, 'jsonld_bad_context', 'Ngữ cảnh JSON-LD không hợp lệ', 'Invalid JSON-LD context entry'));
      return;
    }
    for (const [term, def] of Object.entries(c)) {
      if (PROTECTED.has(term)) {
        errors.push(ldError(`${path}.${term}`, 'jsonld_protected_term', `Không được định nghĩa lại thuật ngữ được bảo vệ của EPCIS: ${term}`, `The EPCIS context protects the term ${term}; it cannot be redefined`));
      } else if (term.startsWith('@')) {
        continue;
      } else if (typeof def === 'string') {
        if (!isAbsoluteIri(def)) errors.push(ldError(`${path}.${term}`, 'jsonld_bad_prefix', `Tiền tố ${term} phải trỏ tới một IRI tuyệt đối`, `Prefix ${term} must map to an absolute IRI`));
        else prefixes.add(term);
      } else if (def && typeof def === 'object' && !Array.isArray(def) && (typeof (def as { '@id'?: unknown })['@id'] === 'string' || term.includes(':'))) {
        // An expanded term definition: with its own @id, or a compact IRI (`rail:axleCount`) typed by `@type`.
        if (!term.includes(':')) prefixes.add(term);
      } else {
        errors.push(ldError(`${path}.${term}`, 'jsonld_bad_term', `Định nghĩa thuật ngữ ${term} không hợp lệ`, `Invalid definition of term ${term}`));
      }
    }
  });
  if (!namesEpcis) errors.push(ldError('@context', 'jsonld_missing_epcis_context', `@context phải có ngữ cảnh EPCIS 2.0 (${EPCIS_CONTEXT})`, `@context must include the EPCIS 2.0 context (${EPCIS_CONTEXT})`));
  return { prefixes, errors };
}

/** Extension keys are CURIEs whose prefix the context declares (`example:myField`); a bare undeclared term would
 * vanish on JSON-LD expansion, so it is refused rather than silently dropped. The path is spelled only for an error. */
function undeclaredPrefixes(value: unknown, path: (string | number)[], prefixes: Set<string>, out: FieldError[]) {
  if (out.length >= 20 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) { path.push(i); undeclaredPrefixes(value[i], path, prefixes, out); path.pop(); }
    return;
  }
  for (const k in value) {
    const at = k.indexOf(':');
    if (at > 0 && k.charCodeAt(0) !== 64 /* @ */ && !prefixes.has(k.slice(0, at)) && !/^(https?|urn):/i.test(k)) {
      const where = [...path, k].join('.');
      out.push(ldError(where, 'jsonld_undeclared_prefix', `Tiền tố "${k.slice(0, at)}" chưa được khai báo trong @context`, `The prefix "${k.slice(0, at)}" is not declared in @context`));
    }
    path.push(k);
    undeclaredPrefixes((value as Record<string, unknown>)[k], path, prefixes, out);
    path.pop();
  }
}

export type EpcisDocument = { '@context': unknown; type: 'EPCISDocument'; epcisBody: { eventList: Record<string, unknown>[] }; [k: string]: unknown };

/** GS1's JSON Schema, then the JSON-LD rules. Returns the errors (empty: valid). */
export function validateEpcisDocument(doc: unknown): { ok: true; doc: EpcisDocument } | { ok: false; errors: FieldError[] } {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || (doc as { type?: unknown }).type !== 'EPCISDocument') {
    return { ok: false, errors: [ldError('type', 'not_epcis_document', 'Tài liệu phải là một EPCISDocument', 'The document must be an EPCISDocument')] };
  }
  const validate = schemaValidator();
  if (!validate(doc)) return { ok: false, errors: schemaErrors(validate.errors) };
  const d = doc as EpcisDocument;
  const { prefixes, errors } = readContext(d['@context']);
  d.epcisBody.eventList.forEach((e, i) => {
    if (e['@context'] !== undefined) for (const p of readContext([EPCIS_CONTEXT, ...[e['@context']].flat()]).prefixes) prefixes.add(p);
    undeclaredPrefixes(e, ['epcisBody', 'eventList', i], prefixes, errors);
  });
  return errors.length ? { ok: false, errors } : { ok: true, doc: d };
}

// ── CBV words ────────────────────────────────────────────────────────────────────────────────────────────────

const CBV_WEB = 'https://ref.gs1.org/cbv/';
const CBV_KIND = { bizStep: 'BizStep', disposition: 'Disp' } as const;
const CBV_URN = { bizStep: 'urn:epcglobal:cbv:bizstep:', disposition: 'urn:epcglobal:cbv:disp:' } as const;

/** A business step or disposition in one form: bare words (`shipping`), CBV URNs and CBV Web URIs all become the
 * Web URI (`https://ref.gs1.org/cbv/BizStep-shipping`); private vocabularies (any other URI) stay as written. */
export function cbvUri(kind: 'bizStep' | 'disposition', value: string): string {
  const v = value.trim();
  if (v.startsWith(CBV_URN[kind])) return `${CBV_WEB}${CBV_KIND[kind]}-${v.slice(CBV_URN[kind].length)}`;
  if (v.startsWith('cbv:')) return CBV_WEB + v.slice(4);
  if (/^[a-z_]+$/.test(v)) return `${CBV_WEB}${CBV_KIND[kind]}-${v}`;
  return v;
}

// ── Identifiers and indexed fields ───────────────────────────────────────────────────────────────────────────

/**
 * The key under which an identifier is indexed and matched: a GTIN or GLN key (URN or Digital Link on any domain)
 * becomes its canonical Digital Link (gs1.rules.ts), other GS1 keys (SSCC, GRAI, GIAI …) the constrained canonical
 * Digital Link of CBV §8, anything else stays as written. Throws Gs1Error for a GS1 key with a wrong check digit.
 */
export function indexKey(id: string): string {
  const known = indexKeys.get(id);
  if (known !== undefined) return known;
  // A GTIN (alone, or with a lot or serial of plain characters) or a GLN already written as its canonical Digital
  // Link is its own key once its check digit holds: what canonicalId and normaliseToDigitalLink would give back.
  const plain = PLAIN_CANONICAL.exec(id);
  if (plain && hasValidCheckDigit(plain[1] ?? plain[2])) return remember(id, id);
  const trimmed = id.trim();
  let c: string;
  try {
    c = canonicalId(trimmed);
  } catch (err) {
    // A wrong check digit, or anything malformed on GS1's own domain, is a bad GS1 key; a partner's private URI that
    // merely has /01/ in its path (https://example.vn/2026/01/15/…) is an identifier like any other.
    if (err instanceof Gs1Error && err.problem !== 'bad_check_digit' && !/^https?:\/\/id\.gs1\.org\//.test(trimmed) && !trimmed.startsWith('urn:epc:')) c = trimmed;
    else throw err;
  }
  return remember(id, c !== trimmed ? c : normaliseToDigitalLink(c) ?? c);
}
const PLAIN_CANONICAL = /^https:\/\/id\.gs1\.org\/(?:01\/(\d{14})(?:\/(?:10|21)\/[A-Za-z0-9_.-]{1,20})?|414\/(\d{13}))$/;
/** Identifiers recur through a document and across captures: a bounded memo (errors are not remembered). */
const indexKeys = new Map<string, string>();
function remember(id: string, key: string): string {
  if (indexKeys.size >= 100_000) indexKeys.clear();
  indexKeys.set(id, key);
  return key;
}

export type IndexedEvent = {
  eventType: string;
  eventTime: string;
  eventTimeZone: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  hasErrorDeclaration: boolean;
  epcs: { role: EpcRole; epc: string }[];
};

const LISTS: [field: string, role: EpcRole][] = [['epcList', 'epc'], ['childEPCs', 'child'], ['inputEPCList', 'input'], ['outputEPCList', 'output']];
const QUANTITIES: [field: string, role: EpcRole][] = [['quantityList', 'class'], ['childQuantityList', 'childClass'], ['inputQuantityList', 'inputClass'], ['outputQuantityList', 'outputClass']];

/** One identifier row of an event, once per role (the memo of indexKey makes repeats cheap). */
function addEpc(epcs: IndexedEvent['epcs'], seen: Set<string>, role: EpcRole, raw: unknown): void {
  if (typeof raw !== 'string') return;
  const epc = indexKey(raw);
  const k = `${role} ${epc}`;
  if (!seen.has(k)) { seen.add(k); epcs.push({ role, epc }); }
}

function placeKey(place: unknown): string | null {
  const id = (place as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? indexKey(id) : null;
}

/** The columns and identifier rows of one (schema-valid) event. Throws Gs1Error for an invalid GS1 key. */
export function indexEvent(e: Record<string, unknown>): IndexedEvent {
  const epcs: IndexedEvent['epcs'] = [];
  const seen = new Set<string>();
  for (const [field, role] of LISTS) {
    const list = e[field] as unknown[] | undefined;
    if (list) for (const id of list) addEpc(epcs, seen, role, id);
  }
  addEpc(epcs, seen, 'parent', e.parentID);
  for (const [field, role] of QUANTITIES) {
    const list = e[field] as { epcClass?: unknown }[] | undefined;
    if (list) for (const q of list) addEpc(epcs, seen, role, q?.epcClass);
  }
  return {
    eventType: String(e.type),
    eventTime: new Date(String(e.eventTime)).toISOString(),
    eventTimeZone: String(e.eventTimeZoneOffset),
    action: typeof e.action === 'string' ? e.action : null,
    bizStep: typeof e.bizStep === 'string' ? cbvUri('bizStep', e.bizStep) : null,
    disposition: typeof e.disposition === 'string' ? cbvUri('disposition', e.disposition) : null,
    readPoint: placeKey(e.readPoint),
    bizLocation: placeKey(e.bizLocation),
    hasErrorDeclaration: e.errorDeclaration !== undefined,
    epcs,
  };
}

export { Gs1Error };

// ── Hash chain ───────────────────────────────────────────────────────────────────────────────────────────────

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * What of a stored event the chain covers. `rowDigest` is the SHA-256 the database computes over the stored row —
 * identity, times, every filtered column, the context and the body in jsonb's own canonical text (epcis.repo.ts
 * ROW_DIGEST, the same expression when capturing and when verifying, so key order and number spelling cannot
 * differ); the identifier rows are added here. Altering any of them in the database breaks the chain.
 */
export function eventDigest(rowDigest: string, epcs: readonly { role: string; epc: string }[]): string {
  return sha256([rowDigest, ...epcs.map((x) => `${x.role} ${x.epc}`).sort()].join('\n'));
}

/** A capture's link: the previous link's hash, the capture's place in the chain and its events' digests (sorted:
 * the set of events counts, not the order the database hands them back in). */
export function captureHash(prevHash: string | null, captureId: string, chainSeq: number, eventDigests: readonly string[]): string {
  return sha256([prevHash ?? '', captureId, String(chainSeq), ...[...eventDigests].sort()].join('\n'));
}
