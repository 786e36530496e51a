// Reads the cells of an uploaded .xlsx as plain values, streaming: the zip entries are inflated chunk by chunk against
// a byte budget (zip-reader.ts) and their XML is parsed as it arrives (saxes, no DOM), so memory holds the shared
// strings and the rows kept, never the sheet's XML. Rows and columns are capped while reading: a sheet that breaks a
// cap is refused at that row, not after it has been read whole. Runs inside the import worker (xlsx-worker.ts).
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from './errors.js';
import { damagedZip, inflateEntry, notAZip, zipEntries, type InflateBudget, type ZipEntry } from './zip-reader.js';

export type Cell = string | number | boolean | Date | null;
export type SheetRows = { name: string; rows: { row: number; cells: Cell[] }[] };
export type XlsxLimits = {
  /** Bytes of XML all read entries together may inflate to. */
  maxInflatedBytes: number;
  /** Non-empty rows per sheet below its header (the first HEADER_ROWS rows may hold titles and the header). */
  maxRows: number;
  /** The last column that may hold a value (100 = CV). */
  maxColumns: number;
  /** Read only the first sheets (the certificate import reads one). */
  maxSheets?: number;
};

/** Rows a sheet may have above its data: a title, notes and the header row. */
export const HEADER_ROWS = 10;

export const tooManyRows = (limit: number) => new AppError('too_large', 'too_many_rows', {
  vi: `Mỗi trang tính nhập tối đa ${limit.toLocaleString('vi-VN')} dòng; hãy chia thành nhiều tệp`,
  en: `At most ${limit.toLocaleString('en-GB')} rows per sheet; split the file`,
}, { field: 'file', limit });
export const tooManyColumns = (limit: number, sheet: string, ref: string) => new AppError('too_large', 'too_many_columns', {
  vi: `Trang tính "${sheet}" có dữ liệu ở ô ${ref}, ngoài ${limit} cột đầu tiên được đọc`,
  en: `Sheet "${sheet}" has data in cell ${ref}, beyond the first ${limit} columns read`,
}, { field: 'file', limit, sheet, cell: ref });

/** Excel's own limit on a cell's text; a longer one is not a spreadsheet someone typed. */
export const MAX_CELL_CHARS = 32_767;
export const cellTooLong = (sheet: string) => new AppError('too_large', 'cell_too_long', {
  vi: `Trang tính "${sheet}" có ô dài quá ${MAX_CELL_CHARS.toLocaleString('vi-VN')} ký tự`,
  en: `Sheet "${sheet}" has a cell longer than ${MAX_CELL_CHARS.toLocaleString('en-GB')} characters`,
}, { field: 'file', sheet });
/** Too many distinct texts for any sheet within the row and column caps. */
export const tooManyStrings = () => new AppError('too_large', 'too_many_strings', {
  vi: 'Bảng tính có quá nhiều chuỗi văn bản khác nhau', en: 'The workbook holds too many distinct texts',
}, { field: 'file' });

/** Collects the text of one element, refusing it beyond Excel's cell limit while it streams in. */
class TextCollector {
  private parts: string[] = [];
  private length = 0;
  constructor(private readonly sheet: string) {}
  push(s: string) {
    this.length += s.length;
    if (this.length > MAX_CELL_CHARS) throw cellTooLong(this.sheet);
    this.parts.push(s);
  }
  text() { return this.parts.join(''); }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Streams one XML entry into `handlers`; malformed XML is a damaged workbook. */
async function readXml(bytes: Buffer, entry: ZipEntry, budget: InflateBudget, handlers: {
  open?: (name: string, attrs: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}): Promise<void> {
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let malformed = false;
  parser.on('error', () => { malformed = true; });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  await inflateEntry(bytes, entry, budget, (chunk) => {
    parser.write(decoder.write(chunk));
    if (malformed) throw damagedZip();
  });
  parser.write(decoder.end());
  parser.close();
  if (malformed) throw damagedZip();
}

/** "C12" → 2 (0-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}
const columnName = (index: number): string => (index < 0 ? '' : columnName(Math.floor(index / 26) - 1) + String.fromCharCode(65 + (index % 26)));

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format shows a date when, outside quoted text, escapes and [colour]/[locale] sections, it has d, m, y, h or s. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILT_IN_DATE_FORMATS.has(id)) return true;
  if (!code) return false;
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '').replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(bare);
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

type Rel = { type: string; target: string };
async function readRels(bytes: Buffer, entries: Map<string, ZipEntry>, budget: InflateBudget, part: string): Promise<Map<string, Rel>> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels = new Map<string, Rel>();
  const entry = entries.get(relsPath);
  if (!entry) return rels;
  await readXml(bytes, entry, budget, {
    open: (name, a) => {
      if (name === 'Relationship' && a.Id && a.Target) rels.set(a.Id, { type: a.Type ?? '', target: resolvePart(part, a.Target) });
    },
  });
  return rels;
}

const attrByLocalName = (attrs: Record<string, string>, local: string) => Object.entries(attrs).find(([k]) => k.includes(':') && localName(k) === local)?.[1];

export async function readXlsx(bytes: Buffer, limits: XlsxLimits): Promise<SheetRows[]> {
  const entries = zipEntries(bytes);
  const budget: InflateBudget = { left: limits.maxInflatedBytes, limit: limits.maxInflatedBytes };

  const rootRels = await readRels(bytes, entries, budget, '');
  const workbookPath = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookEntry = entries.get(workbookPath);
  if (!workbookEntry || !workbookPath.endsWith('.xml')) throw notAZip(); // a .docx or any other zip renamed .xlsx

  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  await readXml(bytes, workbookEntry, budget, {
    open: (name, a) => {
      if (name === 'sheet' && a.name) sheets.push({ name: a.name, rid: attrByLocalName(a, 'id') ?? '' });
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  const rels = await readRels(bytes, entries, budget, workbookPath);
  const relOfType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

  const stylesEntry = entries.get(relOfType('/styles') ?? 'xl/styles.xml');
  const sharedEntry = entries.get(relOfType('/sharedStrings') ?? 'xl/sharedStrings.xml');
  const sheetEntries = sheets.slice(0, limits.maxSheets ?? sheets.length).map((sheet) => {
    const target = rels.get(sheet.rid)?.target;
    return { name: sheet.name, entry: target ? entries.get(target) : undefined };
  });

  // A first pass only inflates and counts: a zip bomb is refused at the speed of zlib, before a slower XML parse
  // has spent seconds on its first megabytes.
  const counting: InflateBudget = { ...budget };
  for (const e of [stylesEntry, sharedEntry, ...sheetEntries.map((s) => s.entry)]) if (e) await inflateEntry(bytes, e, counting, () => {});

  // Number formats: which cell styles show a number as a date.
  const dateStyles: boolean[] = [];
  if (stylesEntry) {
    const codes = new Map<number, string>();
    let inCellXfs = false;
    await readXml(bytes, stylesEntry, budget, {
      open: (name, a) => {
        if (name === 'numFmt') codes.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) { const id = Number(a.numFmtId ?? 0); dateStyles.push(isDateFormat(id, codes.get(id))); }
      },
      close: (name) => { if (name === 'cellXfs') inCellXfs = false; },
    });
  }

  // Shared strings: the text of each <si>, rich runs joined, phonetic guides (<rPh>) left out.
  const shared: string[] = [];
  if (sharedEntry) {
    let current: TextCollector | undefined;
    let inText = false;
    let inPhonetic = false;
    const maxStrings = (limits.maxRows + HEADER_ROWS) * limits.maxColumns;
    await readXml(bytes, sharedEntry, budget, {
      open: (name) => {
        if (name === 'si') current = new TextCollector('sharedStrings');
        else if (name === 'rPh') inPhonetic = true;
        else if (name === 't' && !inPhonetic) inText = true;
      },
      close: (name) => {
        if (name === 'si' && current) {
          if (shared.length >= maxStrings) throw tooManyStrings();
          shared.push(current.text());
          current = undefined;
        }
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 't') inText = false;
      },
      text: (s) => { if (inText && current) current.push(s); },
    });
  }

  const toDate = (serial: number) => new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25_569) * 86_400_000));
  const out: SheetRows[] = [];
  for (const { name, entry } of sheetEntries) {
    if (!entry) continue; // a chart sheet or a dangling reference: nothing to read
    out.push(await readSheet(bytes, entry, budget, name, limits, { shared, dateStyles, toDate }));
  }
  return out;
}

type SheetContext = { shared: string[]; dateStyles: boolean[]; toDate: (serial: number) => Date };

async function readSheet(bytes: Buffer, entry: ZipEntry, budget: InflateBudget, name: string, limits: XlsxLimits, cx: SheetContext): Promise<SheetRows> {
  const rows: SheetRows['rows'] = [];
  let rowNumber = 0;
  let cells: Cell[] = [];
  let col = -1;
  let type = 'n';
  let style = 0;
  let ref = '';
  let text: TextCollector | undefined; // collecting a <v> or an inline string's <t>
  let value: string | undefined;
  let inline: TextCollector | undefined;

  function cellValue(): Cell {
    if (type === 'inlineStr') return inline?.text() ?? null;
    if (value === undefined) return null;
    switch (type) {
      case 's': return cx.shared[Number(value)] ?? null;
      case 'str': return value;
      case 'b': return value === '1' || value === 'true';
      case 'e': return null;
      case 'd': { const d = new Date(value); return Number.isNaN(d.getTime()) ? null : d; }
      default: {
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n)) return null;
        return cx.dateStyles[style] ? cx.toDate(n) : n;
      }
    }
  }

  await readXml(bytes, entry, budget, {
    open: (tag, a) => {
      if (tag === 'row') {
        rowNumber = a.r ? Number(a.r) : rowNumber + 1;
        cells = [];
        col = -1;
      } else if (tag === 'c') {
        ref = a.r ?? '';
        col = ref ? columnIndex(ref) : col + 1;
        type = a.t ?? 'n';
        style = Number(a.s ?? 0);
        value = undefined;
        inline = undefined;
      } else if (tag === 'v') {
        text = new TextCollector(name);
      } else if (tag === 'is') {
        inline = new TextCollector(name);
      } else if (tag === 't' && inline) {
        text = inline; // rich runs of one inline string add up to one cell's text
      }
    },
    text: (s) => { text?.push(s); },
    close: (tag) => {
      if (tag === 'v' && text) { value = text.text(); text = undefined; }
      else if (tag === 't' && inline) text = undefined;
      else if (tag === 'c') {
        const v = cellValue();
        if (v === null || col < 0 || (typeof v === 'string' && v.trim() === '')) return;
        if (col >= limits.maxColumns) throw tooManyColumns(limits.maxColumns, name, ref || `${columnName(col)}${rowNumber}`);
        while (cells.length < col) cells.push(null);
        cells[col] = v;
      } else if (tag === 'row' && cells.length) {
        rows.push({ row: rowNumber, cells });
        if (rows.length > limits.maxRows + HEADER_ROWS) throw tooManyRows(limits.maxRows);
      }
    },
  });
  return { name, rows };
}
