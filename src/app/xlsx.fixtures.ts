// Test and benchmark helpers: hand-made zips and workbooks, honest or lying, built in memory (no committed binaries).
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

export type RawEntry = {
  name: string;
  /** The bytes as stored: already deflated when method is 8. */
  data: Buffer;
  method?: 0 | 8;
  /** The uncompressed size written in the headers (a zip bomb writes a small one). */
  declaredSize: number;
  crc?: number;
};

/** A zip of the given entries: local headers, data, central directory and its end record, by hand. */
export function zip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(e.crc ?? 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.declaredSize, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, end]);
}

/** An honest deflated entry. */
export function entry(name: string, text: string | Buffer): RawEntry {
  const raw = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), declaredSize: raw.length, crc: crc32(raw) };
}

/** Deflates head + `times` copies of `chunk` + tail without ever holding the whole text: how a zip bomb is made.
 * Returns the deflated bytes and the true inflated size. */
export async function deflateRepeated(head: string, chunk: string, times: number, tail: string): Promise<{ data: Buffer; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => { deflate.on('end', resolve); deflate.on('error', reject); });
  const piece = Buffer.from(chunk.repeat(Math.max(1, Math.floor(65_536 / chunk.length))), 'utf8');
  const per = Math.max(1, Math.floor(65_536 / chunk.length));
  let left = times;
  const write = (b: Buffer) => new Promise<void>((resolve) => { if (deflate.write(b)) resolve(); else deflate.once('drain', () => resolve()); });
  await write(Buffer.from(head));
  while (left > 0) {
    const n = Math.min(per, left);
    await write(n === per ? piece : Buffer.from(chunk.repeat(n)));
    left -= n;
  }
  deflate.end(Buffer.from(tail));
  await done;
  return { data: Buffer.concat(out), size: Buffer.byteLength(head) + Buffer.byteLength(chunk) * times + Buffer.byteLength(tail) };
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook has, around one sheet entry (and optionally a shared-strings entry). */
export function workbookZip(sheet: RawEntry, sharedStrings?: RawEntry): Buffer {
  return zip([
    entry('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
    entry('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    entry('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Chủ thể" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    entry('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`),
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
    ...(sharedStrings ? [{ ...sharedStrings, name: 'xl/sharedStrings.xml' }] : []),
  ]);
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';
/** One row of inline-string cells. */
export const inlineRow = (r: number, values: string[]) =>
  `<row r="${r}">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;

/** A zip bomb workbook: its sheet declares `declaredSize` bytes and inflates to about `inflatedBytes` of empty cells
 * in one row (nothing a row or column cap would catch: only counting the inflated bytes does). */
export async function bombWorkbook(inflatedBytes: number, declaredSize = 4_096): Promise<{ bytes: Buffer; inflated: number }> {
  const cell = '<c s="0"/>';
  const { data, size } = await deflateRepeated(`${SHEET_HEAD}<row r="1">`, cell, Math.ceil(inflatedBytes / cell.length), `</row>${SHEET_TAIL}`);
  return { bytes: workbookZip({ name: '', data, declaredSize }), inflated: size };
}
