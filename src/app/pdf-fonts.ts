// The typeface of administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I: Times New Roman, Unicode TCVN 6909)
// in a freely licensed twin with the same metrics: Liberation Serif 2.x (Debian fonts-liberation2, or fonts-liberation
// from Debian 13) or Tinos (fonts-croscore). Liberation 1.x has no Vietnamese letters (ộ, ữ, ầ… are blank boxes), so a
// file is taken only when its character map really holds them: the path alone does not tell the version.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

export type PdfFonts = { family: string; regular: string; bold: string; italic: string; boldItalic: string };

const DIRS = [
  '/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation', '/usr/share/fonts/liberation-serif',
  '/usr/share/fonts/liberation', '/usr/share/fonts/TTF', '/usr/share/fonts/truetype/croscore', '/usr/share/fonts/croscore',
  '/usr/share/fonts/truetype/tinos', '/Library/Fonts', 'C:\\Windows\\Fonts',
];
const FAMILIES: [string, Omit<PdfFonts, 'family'>][] = [
  ['Liberation Serif', { regular: 'LiberationSerif-Regular.ttf', bold: 'LiberationSerif-Bold.ttf', italic: 'LiberationSerif-Italic.ttf', boldItalic: 'LiberationSerif-BoldItalic.ttf' }],
  ['Tinos', { regular: 'Tinos-Regular.ttf', bold: 'Tinos-Bold.ttf', italic: 'Tinos-Italic.ttf', boldItalic: 'Tinos-BoldItalic.ttf' }],
];
/** Letters only Vietnamese uses (Latin Extended Additional): ộ ữ ầ ẫ ỹ Đ. */
const VIETNAMESE = [0x1ed9, 0x1eef, 0x1ea7, 0x1eab, 0x1ef9, 0x0110];

let found: PdfFonts | undefined;

/** The serif with Vietnamese letters, found once; a clear error naming the packages when there is none. */
export function pdfFonts(dirs: string[] = DIRS): PdfFonts {
  if (found && dirs === DIRS) return found;
  for (const [family, files] of FAMILIES) {
    for (const dir of dirs) {
      const path = (f: string) => `${dir}/${f}`;
      if (!Object.values(files).every((f) => VIETNAMESE.every((cp) => hasGlyph(path(f), cp)))) continue;
      const fonts = { family, regular: path(files.regular), bold: path(files.bold), italic: path(files.italic), boldItalic: path(files.boldItalic) };
      if (dirs === DIRS) found = fonts;
      return fonts;
    }
  }
  throw new Error('No Times New Roman–metric serif font with Vietnamese letters was found for the PDFs (Nghị định 30/2020/NĐ-CP): '
    + 'install fonts-liberation2 (Debian/Ubuntu; fonts-liberation from Debian 13) or fonts-croscore (Tinos). Searched: ' + dirs.join(', '));
}

let bytes: Record<'regular' | 'bold' | 'italic' | 'boldItalic', Buffer> | undefined;

/** The four files' bytes, read once: pdfkit given a path reads the file again for every document (twice the time). */
export function pdfFontBytes(): Record<'regular' | 'bold' | 'italic' | 'boldItalic', Buffer> {
  if (bytes) return bytes;
  const f = pdfFonts();
  return (bytes = { regular: readFileSync(f.regular), bold: readFileSync(f.bold), italic: readFileSync(f.italic), boldItalic: readFileSync(f.boldItalic) });
}

/**
 * Whether a TrueType file maps a BMP code point to a glyph: reads the table directory and the Windows Unicode
 * (3,1) format 4 subtable of 'cmap'. Missing or unreadable files answer false.
 */
export function hasGlyph(file: string, codePoint: number): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const read = (at: number, n: number) => { const b = Buffer.alloc(n); return readSync(fd!, b, 0, n, at) === n ? b : undefined; };
    const head = read(0, 12);
    if (!head) return false;
    const tables = head.readUInt16BE(4);
    const dir = read(12, tables * 16);
    if (!dir) return false;
    let cmapAt = -1;
    for (let i = 0; i < tables; i++) if (dir.toString('latin1', i * 16, i * 16 + 4) === 'cmap') cmapAt = dir.readUInt32BE(i * 16 + 8);
    if (cmapAt < 0) return false;
    const cmap = read(cmapAt, 4);
    if (!cmap) return false;
    const records = read(cmapAt + 4, cmap.readUInt16BE(2) * 8);
    if (!records) return false;
    for (let i = 0; i < records.length / 8; i++) {
      if (records.readUInt16BE(i * 8) !== 3 || records.readUInt16BE(i * 8 + 2) !== 1) continue;
      const at = cmapAt + records.readUInt32BE(i * 8 + 4);
      const sub = read(at, 4);
      if (!sub || sub.readUInt16BE(0) !== 4) continue;
      const table = read(at, sub.readUInt16BE(2));
      if (!table) return false;
      const segs = table.readUInt16BE(6) / 2;
      const ends = 14, starts = ends + segs * 2 + 2, deltas = starts + segs * 2, offsets = deltas + segs * 2;
      for (let s = 0; s < segs; s++) {
        if (table.readUInt16BE(ends + s * 2) < codePoint) continue;
        const start = table.readUInt16BE(starts + s * 2);
        if (start > codePoint) return false;
        const rangeOffset = table.readUInt16BE(offsets + s * 2);
        if (rangeOffset === 0) return ((codePoint + table.readInt16BE(deltas + s * 2)) & 0xffff) !== 0;
        const glyphAt = offsets + s * 2 + rangeOffset + (codePoint - start) * 2;
        return glyphAt + 2 <= table.length && table.readUInt16BE(glyphAt) !== 0;
      }
      return false;
    }
    return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
