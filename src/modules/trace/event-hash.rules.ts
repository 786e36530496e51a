// The CBV 2.0 event hash ID (CBV 2.0 §8, "EPCIS event hash ID"): `ni:///sha-256;{hex}?ver=CBV2.0`, the SHA-256 of a
// canonical "pre-hash string" of the event, so the same event gets the same ID in every conformant system.
//
// The standard's text leaves corners open (where extensions sort, what counts as a time, how numbers print); the
// reference implementation (github.com/RalphTro/epcis-event-hash-generator, whose test folder holds the expected
// pre-hash strings and hashes) settles them, and other systems check themselves against it. So this module follows
// that implementation's behaviour step by step, written afresh in TypeScript: the JSON event becomes the same tree of
// (name, value, children) the reference builds from XML, bare CBV words are expanded to their Web URIs, identifiers
// become constrained canonical Digital Link URIs, times become UTC with milliseconds, numbers lose trailing zeros,
// the standard fields are written in the canonical property order and everything else (ILMD, extensions, business
// transactions, sources, destinations) follows, sorted. epcis2.js's eventToHashedId disagrees with the reference on
// 19 of its 43 JSON vectors (certificationInfo order, ILMD, sensor reports, extensions), so it is not used.
import { createHash } from 'node:crypto';
import { cbvWords } from './epcis.schema.js';

/** A node of the reference's tree: an element name, its text, its children. The business-transaction, source and
 * destination lists hold pairs (type, value) instead of elements, as the reference's XML model does. */
type Node = { name: string; value: string; children: Item[] };
type Pair = { pair: Node[] };
type Item = Node | Pair;
const isPair = (i: Item): i is Pair => 'pair' in i;

// ── Bare CBV words → Web URIs (what JSON-LD expansion with the EPCIS 2.0 context gives) ───────────────────────────

const VOCAB: { field: string; words: Set<string>; prefix: string }[] = [
  { field: 'bizStep', words: cbvWords('bizStep'), prefix: 'https://ref.gs1.org/cbv/BizStep-' },
  { field: 'disposition', words: cbvWords('disposition'), prefix: 'https://ref.gs1.org/cbv/Disp-' },
  { field: 'persistentDisposition.set', words: cbvWords('disposition'), prefix: 'https://ref.gs1.org/cbv/Disp-' },
  { field: 'persistentDisposition.unset', words: cbvWords('disposition'), prefix: 'https://ref.gs1.org/cbv/Disp-' },
  { field: 'bizTransactionList.type', words: cbvWords('bizTransaction-type'), prefix: 'https://ref.gs1.org/cbv/BTT-' },
  { field: 'sourceList.type', words: cbvWords('source-dest-type'), prefix: 'https://ref.gs1.org/cbv/SDT-' },
  { field: 'destinationList.type', words: cbvWords('source-dest-type'), prefix: 'https://ref.gs1.org/cbv/SDT-' },
  { field: 'errorDeclaration.reason', words: cbvWords('error-reason'), prefix: 'https://ref.gs1.org/cbv/ER-' },
  { field: 'sensorElementList.sensorReport.type', words: cbvWords('measurementType'), prefix: 'https://gs1.org/voc/' },
  { field: 'sensorElementList.sensorReport.exception', words: cbvWords('sensorAlertType'), prefix: 'https://gs1.org/voc/' },
  { field: 'sensorElementList.sensorReport.component', words: cbvWords('component'), prefix: 'https://ref.gs1.org/cbv/Comp-' },
];
const VOCAB_BY_FIELD = new Map(VOCAB.map((v) => [v.field, v]));

/** The expanded vocabulary values of one event: only the fields the EPCIS context types as vocabulary are read. */
function expandedValues(event: unknown, out: Set<string>) {
  if (!event || typeof event !== 'object') return;
  const e = event as Record<string, unknown>;
  const add = (field: string, value: unknown) => {
    if (typeof value !== 'string') return;
    const voc = VOCAB_BY_FIELD.get(field);
    if (!voc) return;
    if (voc.words.has(value)) out.add(voc.prefix + value);
    else if (value.startsWith('https://ref.gs1.org/cbv') || value.startsWith('https://gs1.org/voc')) out.add(value);
  };
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as Record<string, unknown>[];
  add('bizStep', e.bizStep);
  add('disposition', e.disposition);
  const pd = e.persistentDisposition as Record<string, unknown> | undefined;
  if (pd && typeof pd === 'object') for (const k of ['set', 'unset']) for (const v of list(pd[k])) add(`persistentDisposition.${k}`, v);
  for (const [field, key] of [['bizTransactionList', 'type'], ['sourceList', 'type'], ['destinationList', 'type']] as const) {
    for (const item of list(e[field])) if (item && typeof item === 'object') for (const v of list(item[key])) add(`${field}.${key}`, v);
  }
  const ed = e.errorDeclaration as Record<string, unknown> | undefined;
  if (ed && typeof ed === 'object') for (const v of list(ed.reason)) add('errorDeclaration.reason', v);
  for (const element of list(e.sensorElementList)) {
    if (!element || typeof element !== 'object') continue;
    for (const report of list(element.sensorReport)) {
      if (!report || typeof report !== 'object') continue;
      for (const k of ['type', 'exception', 'component']) for (const v of list(report[k])) add(`sensorElementList.sensorReport.${k}`, v);
    }
  }
}

/** Every string equal to what follows a `-` or `/` in exactly one expanded value becomes that value (the
 * reference's rule), looked up through an index of those endings. */
export class Vocabulary {
  private readonly byEnding = new Map<string, Set<string>>();
  constructor(readonly expanded: readonly string[]) {
    for (const x of expanded) {
      for (let i = 0; i < x.length; i++) {
        if (x[i] !== '-' && x[i] !== '/') continue;
        const ending = x.slice(i + 1);
        if (!this.byEnding.has(ending)) this.byEnding.set(ending, new Set());
        this.byEnding.get(ending)!.add(x);
      }
    }
  }
  replace(value: string): string {
    const matches = this.byEnding.get(value);
    return matches && matches.size === 1 ? matches.values().next().value! : value;
  }
}

// ── JSON → the reference's tree ───────────────────────────────────────────────────────────────────────────────

/** How the reference prints a JSON scalar (Python's str()): true → "True", null → "None". */
function scalarText(v: unknown): string {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null || v === undefined) return 'None';
  return String(v);
}

function compareItems(a: Item, b: Item): number {
  if (isPair(a) || isPair(b)) return 0; // pairs appear only after sorting
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  for (let i = 0; i < Math.min(a.children.length, b.children.length); i++) {
    const c = compareItems(a.children[i], b.children[i]);
    if (c) return c;
  }
  return a.children.length - b.children.length;
}

class TreeBuilder {
  /** The document's namespaces are shared between its events: copied only if an event declares its own. */
  private owned = false;
  constructor(private namespaces: ReadonlyMap<string, string>, private readonly vocabulary: Vocabulary) {}

  private replaceNs(text: string, isValue: boolean): string {
    const at = text.indexOf(':');
    if (at < 0) return text;
    const ns = this.namespaces.get(text.slice(0, at));
    if (ns === undefined) return text;
    return (isValue ? ns : `{${ns}}`) + text.slice(at + 1);
  }

  build(json: unknown): Node {
    if (Array.isArray(json)) {
      const children: Item[] = [];
      for (const c of json) children.push(this.build(c));
      return { name: '', value: '', children };
    }
    if (json && typeof json === 'object') {
      const obj = json as Record<string, unknown>;
      const node: Node = { name: typeof obj.type === 'string' ? this.vocabulary.replace(obj.type) : '', value: typeof obj['#text'] === 'string' ? this.vocabulary.replace(obj['#text']) : '', children: [] };
      for (const k in obj) {
        if (k === '#text' || k === 'rdfs:comment' || k === 'comment') continue;
        const v = obj[k];
        if (k.startsWith('@xmlns:') && typeof v === 'string') {
          if (!this.owned) { this.namespaces = new Map(this.namespaces); this.owned = true; }
          (this.namespaces as Map<string, string>).set(k.slice(7), v);
          continue;
        }
        // An array's elements become children named by the key; a value, one child (named after it is built).
        if (Array.isArray(v)) {
          const key = this.replaceNs(k, false);
          for (const e of v) { const element = this.build(e); element.name = key; node.children.push(element); }
        } else {
          const child = this.build(v);
          child.name = this.replaceNs(k, false);
          node.children.push(child);
        }
      }
      if (!('bizTransaction' in obj || 'source' in obj || 'destination' in obj)) node.children.sort(compareItems);
      return node;
    }
    return { name: '', value: typeof json === 'string' ? this.replaceNs(this.vocabulary.replace(json), true) : scalarText(json), children: [] };
  }
}

const PAIR_LISTS = new Set(['sourceList', 'destinationList', 'bizTransactionList']);

/** The reference's correction of the JSON model towards the XML one: `epcList: [a, b]` → epcList(epc a, epc b), … */
function correct(node: Node): Node {
  // The children in order, the lists after them (by first appearance), the child EPCs last: one pass, no splicing.
  const level1: Item[] = [];
  let lists: Map<string, Node[]> | undefined;
  let childEpcs: Node[] | undefined;
  for (const e of node.children as Node[]) {
    if (e.name.endsWith('List')) {
      lists ??= new Map();
      let elements = lists.get(e.name);
      if (!elements) lists.set(e.name, elements = []);
      elements.push({ name: e.name.slice(0, -4), value: e.value, children: e.children });
    } else if (e.name === 'childEPCs') {
      (childEpcs ??= []).push(e);
    } else {
      level1.push(e);
    }
  }
  if (lists) {
    for (const [name, elements] of lists) {
      if (PAIR_LISTS.has(name)) {
        const pairs: Item[] = [];
        for (const e of elements) pairs.push({ pair: e.children.slice(0, 2) as Node[] });
        level1.push({ name, value: '', children: pairs });
      } else {
        level1.push({ name, value: '', children: elements });
      }
    }
  }
  if (childEpcs) {
    const epcs: Item[] = [];
    for (const e of childEpcs) epcs.push({ name: 'epc', value: e.value, children: [] });
    level1.push({ name: 'childEPCs', value: '', children: epcs });
  }
  const children: Item[] = [];
  for (const e of level1) children.push(isPair(e) || PAIR_LISTS.has(e.name) ? e : correct(e));
  let name = node.name;
  if (name === 'inputEPC' || name === 'outputEPC') name = 'epc';
  else if (name === 'inputQuantity' || name === 'outputQuantity' || name === 'childQuantity' || (name === 'quantity' && children.length > 0)) name = 'quantityElement';
  return { name, value: node.value, children };
}

// ── Value canonicalisation ───────────────────────────────────────────────────────────────────────────────────

const CBV_URNS: [string, string][] = [
  ['urn:epcglobal:cbv:bizstep:', 'https://ref.gs1.org/cbv/BizStep-'],
  ['urn:epcglobal:cbv:disp:', 'https://ref.gs1.org/cbv/Disp-'],
  ['urn:epcglobal:cbv:btt:', 'https://ref.gs1.org/cbv/BTT-'],
  ['urn:epcglobal:cbv:sdt:', 'https://ref.gs1.org/cbv/SDT-'],
  ['urn:epcglobal:cbv:er:', 'https://ref.gs1.org/cbv/ER-'],
];

/** Python's float() syntax (the reference tests numbers with it), underscores between digits included. */
const PY_FLOAT = /^\s*[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?\s*$/;

/** Python's repr of a non-integral float: shortest digits, exponent form below 1e-4 (`1.5e-05`). */
function pythonFloat(n: number): string {
  const [mant, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** Numbers lose leading and trailing zeros and a leading plus (`1.0` → `1`, `+07` → `7`); other text is kept. */
export function canonicalNumber(text: string): string {
  if (!PY_FLOAT.test(text)) return text;
  const n = Number(text.trim().replace(/_/g, ''));
  if (!Number.isFinite(n)) return text;
  return Number.isInteger(n) ? BigInt(n).toString() : pythonFloat(n);
}

/** Values recur through a document (identifiers, units, CBV URIs): a bounded memo of their canonical form. */
const canonicalValues = new Map<string, string>();
function canonicalValue(text: string): string {
  let known = canonicalValues.get(text);
  if (known === undefined) {
    if (canonicalValues.size >= 100_000) canonicalValues.clear();
    canonicalValues.set(text, known = canonicalValueOf(text));
  }
  return known;
}

function canonicalValueOf(text: string): string {
  let t = text;
  if (t.includes('urn:epcglobal:cbv:')) for (const [urn, web] of CBV_URNS) t = t.split(urn).join(web);
  t = canonicalNumber(t);
  return normaliseToDigitalLink(t) ?? t;
}

/** A timestamp in UTC with milliseconds (`…T11:04:03.142Z`), the fourth decimal rounded half to even as the
 * reference does; text that is not an ISO 8601 date-time is kept. */
export function canonicalTime(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m;
  const micro = Number(frac.padEnd(6, '0').slice(0, 6));
  let ms = Math.floor(micro / 1000);
  const rest = micro % 1000;
  if (rest > 500 || (rest === 500 && ms % 2 === 1)) ms += 1;
  let offsetMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    offsetMin = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
  }
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms) - offsetMin * 60_000;
  return new Date(utc).toISOString();
}

// ── Identifiers → constrained canonical GS1 Digital Link URIs (the reference's dl_normaliser) ─────────────────

function check(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}
const withCheck = (body: string) => body + check(body);
const percent = (s: string) => s.replace(/[!()*+,:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const X = String.raw`(?:%2[125-9A-Fa-f]|%3[0-9A-Fa-f]|%4[1-9A-Fa-f]|%5[0-9AaFf]|%6[1-9A-Fa-f]|%7[0-9Aa]|[!')(*+,.0-9:;=A-Za-z_-])`;
const DLCHARS = String.raw`[\x22\x27\x2D\x2E\x30-\x39\x3B-\x3F\x41-\x5A\x5F\x61-\x7A]`;

/** `cp.ref` where cp has 6–12 digits and cp + ref has `total` digits. */
const cpRef = (total: number) => `(\\d{6,12})\\.(\\d{${0},${total - 6}})`;
function splitCp(cp: string, ref: string, total: number): boolean { return cp.length + ref.length === total; }

type UrnRule = { re: RegExp; dl: (m: RegExpExecArray) => string | null };
const URN_RULES: UrnRule[] = [
  { re: new RegExp(`^urn:epc:id:sgtin:${cpRef(13)}\\.(${X}{1,20})$`), dl: ([, cp, ref, serial]) => splitCp(cp, ref, 13) && ref.length ? `https://id.gs1.org/01/${withCheck(ref[0] + cp + ref.slice(1))}/21/${percent(serial)}` : null },
  { re: new RegExp(`^urn:epc:id:sscc:(\\d{6,12})\\.(\\d{5,11})$`), dl: ([, cp, ref]) => splitCp(cp, ref, 17) ? `https://id.gs1.org/00/${withCheck(ref[0] + cp + ref.slice(1))}` : null },
  { re: new RegExp(`^urn:epc:id:sgln:${cpRef(12)}\\.(${X}{1,20})$`), dl: ([, cp, ref, ext]) => splitCp(cp, ref, 12) ? `https://id.gs1.org/414/${withCheck(cp + ref)}${ext === '0' ? '' : `/254/${percent(ext)}`}` : null },
  { re: new RegExp(`^urn:epc:id:pgln:${cpRef(12)}$`), dl: ([, cp, ref]) => splitCp(cp, ref, 12) ? `https://id.gs1.org/417/${withCheck(cp + ref)}` : null },
  { re: new RegExp(`^urn:epc:id:grai:${cpRef(12)}\\.(${X}{1,16})$`), dl: ([, cp, ref, serial]) => splitCp(cp, ref, 12) ? `https://id.gs1.org/8003/${withCheck(`0${cp}${ref}`)}${percent(serial)}` : null },
  { re: new RegExp(`^urn:epc:id:giai:(\\d{6,12})\\.(${X}{1,24})$`), dl: ([, cp, ref]) => cp.length + ref.length <= 30 ? `https://id.gs1.org/8004/${cp}${percent(ref)}` : null },
  { re: new RegExp(`^urn:epc:id:gsrn:(\\d{6,12})\\.(\\d{5,11})$`), dl: ([, cp, ref]) => splitCp(cp, ref, 17) ? `https://id.gs1.org/8018/${withCheck(cp + ref)}` : null },
  { re: new RegExp(`^urn:epc:id:gsrnp:(\\d{6,12})\\.(\\d{5,11})$`), dl: ([, cp, ref]) => splitCp(cp, ref, 17) ? `https://id.gs1.org/8017/${withCheck(cp + ref)}` : null },
  { re: new RegExp(`^urn:epc:id:gdti:${cpRef(12)}\\.(${X}{1,17})$`), dl: ([, cp, ref, serial]) => splitCp(cp, ref, 12) ? `https://id.gs1.org/253/${withCheck(cp + ref)}${percent(serial)}` : null },
  { re: new RegExp(`^urn:epc:id:sgcn:${cpRef(12)}\\.(\\d{1,12})$`), dl: ([, cp, ref, serial]) => splitCp(cp, ref, 12) ? `https://id.gs1.org/255/${withCheck(cp + ref)}${serial}` : null },
  { re: new RegExp(`^urn:epc:id:ginc:(\\d{6,12})\\.(${X}{1,24})$`), dl: ([, cp, ref]) => cp.length + ref.length <= 30 ? `https://id.gs1.org/401/${cp}${percent(ref)}` : null },
  { re: new RegExp(`^urn:epc:id:gsin:(\\d{6,12})\\.(\\d{4,10})$`), dl: ([, cp, ref]) => splitCp(cp, ref, 16) ? `https://id.gs1.org/402/${withCheck(cp + ref)}` : null },
  { re: new RegExp(`^urn:epc:class:lgtin:${cpRef(13)}\\.(${X}{1,20})$`), dl: ([, cp, ref, lot]) => splitCp(cp, ref, 13) && ref.length ? `https://id.gs1.org/01/${withCheck(ref[0] + cp + ref.slice(1))}/10/${percent(lot)}` : null },
  { re: new RegExp(`^urn:epc:idpat:sgtin:${cpRef(13)}\\.\\*$`), dl: ([, cp, ref]) => splitCp(cp, ref, 13) && ref.length ? `https://id.gs1.org/01/${withCheck(ref[0] + cp + ref.slice(1))}` : null },
  { re: new RegExp(`^urn:epc:id:cpi:(\\d{6,12})\\.((?:%2[3dfDF]|%3[0-9]|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-]){1,24})\\.(\\d{1,12})$`), dl: ([, cp, ref, serial]) => `https://id.gs1.org/8010/${percent(cp + ref)}/8011/${serial}` },
  { re: new RegExp(`^urn:epc:id:itip:${cpRef(13)}\\.(\\d{2})\\.(\\d{2})\\.(${X}{1,20})$`), dl: ([, cp, ref, piece, total, serial]) => splitCp(cp, ref, 13) && ref.length ? `https://id.gs1.org/8006/${withCheck(ref[0] + cp + ref.slice(1))}${piece}${total}/21/${percent(serial)}` : null },
  { re: new RegExp(`^urn:epc:id:upui:${cpRef(13)}\\.(${X}{1,28})$`), dl: ([, cp, ref, serial]) => splitCp(cp, ref, 13) && ref.length ? `https://id.gs1.org/01/${withCheck(ref[0] + cp + ref.slice(1))}/235/${percent(serial)}` : null },
  { re: new RegExp(`^urn:epc:idpat:gdti:${cpRef(12)}\\.\\*$`), dl: ([, cp, ref]) => splitCp(cp, ref, 12) ? `https://id.gs1.org/253/${withCheck(cp + ref)}` : null },
  { re: new RegExp(`^urn:epc:idpat:sgcn:${cpRef(12)}\\.\\*$`), dl: ([, cp, ref]) => splitCp(cp, ref, 12) ? `https://id.gs1.org/255/${withCheck(cp + ref)}` : null },
  { re: new RegExp(`^urn:epc:idpat:cpi:(\\d{6,12})\\.((?:%2[3dfDF]|%3[0-9]|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-]){1,24})\\.\\*$`), dl: ([, cp, ref]) => `https://id.gs1.org/8010/${percent(cp + ref)}` },
  { re: new RegExp(`^urn:epc:idpat:itip:${cpRef(13)}\\.(\\d{2})\\.(\\d{2})\\.\\*$`), dl: ([, cp, ref, piece, total]) => splitCp(cp, ref, 13) && ref.length ? `https://id.gs1.org/8006/${withCheck(ref[0] + cp + ref.slice(1))}${piece}${total}` : null },
  { re: new RegExp(`^urn:epc:idpat:upui:${cpRef(13)}\\.\\*$`), dl: ([, cp, ref]) => splitCp(cp, ref, 13) && ref.length ? `https://id.gs1.org/01/${withCheck(ref[0] + cp + ref.slice(1))}` : null },
  { re: new RegExp(`^urn:epc:idpat:grai:${cpRef(12)}\\.\\*$`), dl: ([, cp, ref]) => splitCp(cp, ref, 12) ? `https://id.gs1.org/8003/${withCheck(`0${cp}${ref}`)}` : null },
];

/** The rules by their URN's form and scheme (`id:sgtin`), so a URN is tried against its own rule only. */
const URN_RULE_BY_SCHEME = new Map<string, UrnRule>(URN_RULES.map((r) => [/\^urn:epc:([a-z]+:[a-z]+):/.exec(r.re.source)![1], r]));

const DL_SHAPE = /^https?:(\/\/((([^/?#]*)@)?([^/?#:]*)(:([^/?#]*))?))?((([^?#]*)(\/(01|gtin|8006|itip|8010|cpid|414|gln|417|party|8017|gsrnp|8018|gsrn|255|gcn|00|sscc|253|gdti|401|ginc|402|gsin|8003|grai|8004|giai)\/)(\d{4}[^/]+)(\/[^/]+\/[^/]+)?[/]?(\?([^?\n]*))?(#([^\n]*))?)|(\/[A-Za-z_-]{10}$))/;
const SHORT_NAMES: [string, string][] = [['gtin', '01'], ['itip', '8006'], ['cpid', '8010'], ['gln', '414'], ['party', '417'], ['gsrnp', '8017'], ['gsrn', '8018'], ['gcn', '255'], ['sscc', '00'], ['gdti', '253'], ['ginc', '401'], ['gsin', '402'], ['grai', '8003'], ['giai', '8004'], ['cpv', '22'], ['lot', '10'], ['ser', '21']];
const PRIMARY = ['00', '01', '253', '255', '401', '402', '414', '417', '8003', '8004', '8006', '8010', '8017', '8018'];
const VALID_DL = [
  /^https:\/\/id\.gs1\.org\/00\/\d{18}$/, new RegExp(`^https://id\\.gs1\\.org/01/\\d{14}/21/${DLCHARS}{0,20}$`), new RegExp(`^https://id\\.gs1\\.org/01/\\d{14}/10/${DLCHARS}{0,20}$`),
  /^https:\/\/id\.gs1\.org\/01\/\d{14}$/, new RegExp(`^https://id\\.gs1\\.org/01/\\d{14}/235/${DLCHARS}{0,28}$`), new RegExp(`^https://id\\.gs1\\.org/253/\\d{13}${DLCHARS}{0,17}$`),
  /^https:\/\/id\.gs1\.org\/255\/\d{13}\d{0,12}$/, new RegExp(`^https://id\\.gs1\\.org/401/${DLCHARS}{0,30}$`), /^https:\/\/id\.gs1\.org\/402\/\d{17}$/,
  /^https:\/\/id\.gs1\.org\/414\/\d{13}$/, new RegExp(`^https://id\\.gs1\\.org/414/\\d{13}/254/${DLCHARS}{0,20}$`), /^https:\/\/id\.gs1\.org\/417\/\d{13}$/,
  new RegExp(`^https://id\\.gs1\\.org/8003/\\d{14}${DLCHARS}{0,16}$`), new RegExp(`^https://id\\.gs1\\.org/8004/${DLCHARS}{0,30}$`),
  new RegExp(`^https://id\\.gs1\\.org/8006/\\d{18}/21/${DLCHARS}{0,20}$`), new RegExp(`^https://id\\.gs1\\.org/8006/\\d{18}/10/${DLCHARS}{0,20}$`), /^https:\/\/id\.gs1\.org\/8006\/\d{18}$/,
  /^https:\/\/id\.gs1\.org\/8010\/[\x23\x2D\x2F\x30-\x39\x41-\x5A]{0,30}\/8011\/\d{0,12}$/, /^https:\/\/id\.gs1\.org\/8010\/[\x23\x2D\x2F\x30-\x39\x41-\x5A]{0,30}$/,
  /^https:\/\/id\.gs1\.org\/8017\/\d{18}$/, /^https:\/\/id\.gs1\.org\/8018\/\d{18}$/,
];

/**
 * Any identifier that carries a GS1 key (EPC URN, EPC class or pattern URN, Digital Link on any domain) → the
 * constrained canonical Digital Link: `https://id.gs1.org`, AIs not short names, GTIN in 14 digits, no query string,
 * no CPV, only the finest level (a serial drops the lot). null for anything else.
 */
export function normaliseToDigitalLink(value: string): string | null {
  if (!value.includes('.')) return null;
  const known = normalised.get(value);
  if (known !== undefined) return known;
  const result = normalise(value);
  // The same identifiers recur through a document (a jar is output, packed, shipped, sold): a bounded memo.
  if (normalised.size >= 100_000) normalised.clear();
  normalised.set(value, result);
  return result;
}
const normalised = new Map<string, string | null>();

/** The commonest identifiers already in constrained canonical form (a GTIN alone or with a lot or serial of plain
 * characters, a GLN, an SSCC): every rule below would give them back unchanged, so they skip the rules. */
const CANONICAL_ALREADY = /^https:\/\/id\.gs1\.org\/(?:01\/\d{14}(?:\/(?:10|21)\/[A-Za-z0-9_.-]{1,20})?|414\/\d{13}|00\/\d{18})$/;

function normalise(value: string): string | null {
  if (CANONICAL_ALREADY.test(value)) return value;
  if (value.startsWith('urn:epc:')) {
    const rule = URN_RULE_BY_SCHEME.get(/^urn:epc:([a-z]+:[a-z]+):/.exec(value)?.[1] ?? '');
    const m = rule?.re.exec(value);
    return m ? rule!.dl(m) : null;
  }
  if (!value.startsWith('http') || !DL_SHAPE.test(value)) return null;
  let uri = value.includes('?') ? value.slice(0, value.indexOf('?')) : value;
  for (const [short, ai] of SHORT_NAMES) uri = uri.split(`/${short}/`).join(`/${ai}/`);
  if (!/^https:\/\/id\.gs1\.org\/(01|8006|8010|414|417|8017|8018|255|00|253|401|402|8003|8004)\/\d{4}[^/]+(\/[^/]+\/[^/]+)?\/?/.test(uri)) {
    for (const ai of PRIMARY) {
      const at = uri.indexOf(`/${ai}/`);
      if (at >= 0) { uri = `https://id.gs1.org${uri.slice(at)}`; break; }
    }
  }
  if (!/^https:\/\/id\.gs1\.org\/01\/\d{14}/.test(uri)) {
    if (/^https:\/\/id\.gs1\.org\/01\/\d{13}/.test(uri)) uri = uri.replace('/01/', '/01/0');
    else if (/^https:\/\/id\.gs1\.org\/01\/\d{12}/.test(uri)) uri = uri.replace('/01/', '/01/00');
    else if (/^https:\/\/id\.gs1\.org\/01\/\d{8}/.test(uri)) uri = uri.replace('/01/', '/01/000000');
  }
  uri = uri.replace(/^(https:\/\/id\.gs1\.org\/(?:01\/\d{14}|8006\/\d{18}))\/22\/[^/]*/, '$1');
  uri = uri.replace(/^(https:\/\/id\.gs1\.org\/(?:01\/\d{14}|8006\/\d{18}))\/10\/[^/]*(\/21\/[^/]*)$/, '$1$2');
  uri = uri.replace(/\/$/, '');
  return VALID_DL.some((re) => re.test(uri)) ? uri : null;
}

// ── The pre-hash string ──────────────────────────────────────────────────────────────────────────────────────

type Order = [name: string, sub: Order | null][];
const QUANTITY: Order = [['quantityElement', [['epcClass', null], ['quantity', null], ['uom', null]]]];
const PROP_ORDER: Order = [
  ['eventTime', null], ['eventTimeZoneOffset', null], ['certificationInfo', null], ['parentID', null],
  ['epcList', [['epc', null]]], ['inputEPCList', [['epc', null]]], ['childEPCs', [['epc', null]]],
  ['quantityList', QUANTITY], ['childQuantityList', QUANTITY], ['inputQuantityList', QUANTITY],
  ['outputEPCList', [['epc', null]]], ['outputQuantityList', QUANTITY],
  ['action', null], ['transformationID', null], ['bizStep', null], ['disposition', null],
  ['persistentDisposition', [['set', null], ['unset', null]]], ['readPoint', [['id', null]]], ['bizLocation', [['id', null]]],
  // The reference orders these three lists by pairs its own lookup never matches, so they fall to the sorted tail.
  ['sensorElementList', [['sensorElement', [
    ['sensorMetadata', ['time', 'startTime', 'endTime', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules'].map((n) => [n, null] as [string, null])],
    ['sensorReport', ['type', 'exception', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'time', 'microorganism', 'chemicalSubstance', 'value', 'component', 'stringValue', 'booleanValue', 'hexBinaryValue', 'uriValue', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue', 'uom', 'coordinateReferenceSystem'].map((n) => [n, null] as [string, null])],
  ]]]],
];

const nameOf = (i: Item) => (isPair(i) ? null : i.name);

/** Extensions inside readPoint, bizLocation, sensor elements …: their parent's regular fields come first. */
function gatherExtensions(list: Item[]): Item[] {
  if (list.length <= 1) return [];
  for (const c of list) {
    const n = nameOf(c);
    if (n !== null && (n.includes('eventTime') || n.includes('action'))) return [];
  }
  let ext: Item[] | undefined;
  let w = 0;
  for (const c of list) {
    const n = nameOf(c);
    if (n !== null && n.includes('{') && n.includes('/}')) (ext ??= []).push(c);
    else list[w++] = c;
  }
  list.length = w;
  return ext ?? [];
}

/** A field whose name says time (but not an offset) holds a timestamp: decided once per name. */
const timeNames = new Map<string, boolean>();
function isTimeName(name: string): boolean {
  let known = timeNames.get(name);
  if (known === undefined) {
    const lower = name.toLowerCase();
    if (timeNames.size >= 10_000) timeNames.clear();
    timeNames.set(name, known = lower.includes('time') && !lower.includes('offset'));
  }
  return known;
}

function childText(child: Node, sub: Order | null): string {
  const grand = sub ? inOrder(child.children, sub) : '';
  let text = '';
  if (child.value) {
    text = child.value.trim();
    text = isTimeName(child.name) ? canonicalTime(text) : canonicalValue(text);
    if (text) text = `=${text}`;
  }
  return text || grand ? child.name + text + grand : '';
}

/** The standard fields in the canonical order; what it consumes leaves the list (the rest is written after). */
function inOrder(list: Item[], order: Order): string {
  let pre = '';
  const extensions = gatherExtensions(list);
  // The children by name, once (each name of the order is read once, in the list's order).
  const byName = new Map<string, Node[]>();
  for (const c of list) {
    if (isPair(c)) continue;
    const group = byName.get(c.name);
    if (group) group.push(c); else byName.set(c.name, [c]);
  }
  let consumed = false;
  for (const [name, sub] of order) {
    const group = byName.get(name);
    if (!group) continue;
    const values: string[] = [];
    for (const child of group) {
      const s = childText(child, sub);
      if (s) values.push(s);
      if (child.children.length === 0) consumed = true;
    }
    if (values.length > 1) values.sort();
    pre += values.join('');
  }
  if (consumed) {
    // The leaves the order consumed leave the list, in place (the caller writes what stays).
    let w = 0;
    for (const c of list) if (isPair(c) || c.children.length !== 0 || !byNameInOrder(c.name, order)) list[w++] = c;
    list.length = w;
  }
  if (extensions.length) pre += generic(extensions);
  return pre;
}

const orderNames = new WeakMap<Order, Set<string>>();
function byNameInOrder(name: string, order: Order): boolean {
  let names = orderNames.get(order);
  if (!names) orderNames.set(order, names = new Set(order.map(([n]) => n)));
  return names.has(name);
}

const UNSORTED = new Set(['bizTransaction', 'source', 'destination']);

/** ILMD, extensions, business transactions, sources and destinations: `{namespace}name=value`, sorted. */
function generic(items: Item[]): string {
  const values: string[] = [];
  let sorted = items.length > 1;
  for (const c of items) {
    if (isPair(c)) { values.push(generic(c.pair)); continue; }
    if (UNSORTED.has(c.name)) sorted = false;
    let text = c.value.trim();
    if (text) text = `=${canonicalValue(text)}`;
    values.push(c.name + text + generic(c.children));
  }
  if (sorted) values.sort();
  return values.join('');
}

const IGNORED = new Set(['recordTime', 'eventID', 'type', 'errorDeclaration']);

/** The namespaces a document's @context declares (`{"ex": "https://ns.example.com/epcis/"}`). */
export function contextNamespaces(context: unknown): Map<string, string> {
  const ns = new Map<string, string>();
  if (!Array.isArray(context)) return ns;
  for (const c of context) {
    if (typeof c === 'string') ns.set(c, c);
    else if (c && typeof c === 'object') for (const [k, v] of Object.entries(c)) if (typeof v === 'string') ns.set(k, v);
  }
  return ns;
}

/** The CBV Web URIs that the bare words of these events expand to. The reference expands a whole document and then
 * replaces every matching bare word anywhere in it, so a capture passes all its events here. */
export function documentVocabulary(events: readonly unknown[]): Vocabulary {
  const expanded = new Set<string>();
  for (const e of events) expandedValues(e, expanded);
  return new Vocabulary([...expanded]);
}

/** The pre-hash string of one event of a document whose @context is `context`. */
/** A document's namespaces, read once for all its events (the context object is the document's, never changed). */
const namespacesOf = new WeakMap<object, ReadonlyMap<string, string>>();
function sharedNamespaces(context: unknown): ReadonlyMap<string, string> {
  if (!context || typeof context !== 'object') return contextNamespaces(context);
  let ns = namespacesOf.get(context);
  if (!ns) namespacesOf.set(context, ns = contextNamespaces(context));
  return ns;
}

export function preHashString(event: Record<string, unknown>, context: unknown, vocabulary = documentVocabulary([event])): string {
  const tree = correct(new TreeBuilder(sharedNamespaces(context), vocabulary).build(event));
  const ordered = inOrder(tree.children, PROP_ORDER);
  const rest: Item[] = [];
  for (const c of tree.children) if (isPair(c) || !IGNORED.has(c.name)) rest.push(c);
  return `eventType=${tree.name}${ordered}${rest.length ? generic(rest) : ''}`;
}

/** The CBV 2.0 event hash ID of one event. */
export function eventHashId(event: Record<string, unknown>, context: unknown, vocabulary?: Vocabulary): string {
  return `ni:///sha-256;${createHash('sha256').update(preHashString(event, context, vocabulary), 'utf8').digest('hex')}?ver=CBV2.0`;
}
