// Reading a zip held in memory (an uploaded .xlsx) without trusting it: entries come from the central directory,
// each one is inflated as a stream, and the bytes actually produced are counted against a budget shared by every
// entry read. The sizes a zip declares are never used to decide anything: a zip bomb declares small ones.
import { createInflateRaw } from 'node:zlib';
import { AppError } from './errors.js';

export type ZipEntry = { name: string; method: number; compressedSize: number; localOffset: number };
/** The inflated bytes still allowed for this file, shared by all its entries. */
export type InflateBudget = { left: number; limit: number };

const EOCD = 0x06054b50, CENTRAL = 0x02014b50, LOCAL = 0x04034b50;
const STORED = 0, DEFLATED = 8;

export const notAZip = () => new AppError('unsupported', 'not_xlsx', {
  vi: 'Tệp không phải bảng tính Excel (.xlsx); hãy lưu lại dưới dạng .xlsx và tải lên lại',
  en: 'The file is not an Excel workbook (.xlsx); save it as .xlsx and upload it again',
}, { field: 'file' });
export const damagedZip = () => new AppError('invalid', 'xlsx_unreadable', {
  vi: 'Không đọc được bảng tính: tệp bị hỏng hoặc không đúng định dạng .xlsx',
  en: 'The workbook cannot be read: the file is damaged or not a valid .xlsx',
}, { field: 'file' });
export const inflatedTooLarge = (limit: number) => new AppError('too_large', 'workbook_too_large', {
  vi: `Bảng tính quá lớn khi giải nén (tối đa ${Math.round(limit / 1024 / 1024)} MB dữ liệu); hãy chia thành nhiều tệp`,
  en: `The workbook is too large once unpacked (at most ${Math.round(limit / 1024 / 1024)} MB of data); split it into several files`,
}, { field: 'file', limitBytes: limit });

/** Parts an Office file always has: a zip whose first entry is one of them is a workbook, however damaged. */
const looksLikeOffice = (name: string) => name === '[Content_Types].xml' || /^(_rels|docProps|xl)\//.test(name);

/** The entries of the zip's central directory. A file that is not a zip at all is 415 not_xlsx; a zip that starts
 * like an Office file but whose directory is missing or inconsistent (a truncated upload) is 400 xlsx_unreadable. */
export function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== LOCAL) throw notAZip();
  const firstName = bytes.toString('utf8', 30, Math.min(bytes.length, 30 + bytes.readUInt16LE(26)));
  const broken = () => (looksLikeOffice(firstName) ? damagedZip() : notAZip());
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) if (bytes.readUInt32LE(i) === EOCD) { eocd = i; break; }
  if (eocd < 0) throw broken();
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw broken();
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name.replace(/^\//, ''), {
      name, method: bytes.readUInt16LE(at + 10), compressedSize: bytes.readUInt32LE(at + 20), localOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates one entry, handing each decoded chunk to `onChunk` as it comes; stops with 413 workbook_too_large the moment
 * the budget is spent. `onChunk` may return false to stop reading early (the caller has what it needs). */
export function inflateEntry(bytes: Buffer, entry: ZipEntry, budget: InflateBudget, onChunk: (chunk: Buffer) => boolean | void): Promise<void> {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) return Promise.reject(damagedZip());
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  // 0xffffffff is a zip64 size: no spreadsheet within the upload limit needs one.
  if (entry.compressedSize === 0xffffffff || start + entry.compressedSize > bytes.length) return Promise.reject(damagedZip());
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) {
    if (data.length > budget.left) return Promise.reject(inflatedTooLarge(budget.limit));
    budget.left -= data.length;
    onChunk(data);
    return Promise.resolve();
  }
  if (entry.method !== DEFLATED) return Promise.reject(damagedZip());
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let settled = false;
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      if (err) reject(err); else resolve();
    };
    inflate.on('data', (chunk: Buffer) => {
      if (settled) return;
      budget.left -= chunk.length;
      if (budget.left < 0) return finish(inflatedTooLarge(budget.limit));
      try {
        if (onChunk(chunk) === false) finish();
      } catch (err) {
        finish(err);
      }
    });
    inflate.on('end', () => finish());
    inflate.on('error', () => finish(damagedZip()));
    inflate.end(data);
  });
}
