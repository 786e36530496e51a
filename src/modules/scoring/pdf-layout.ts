// The administrative layout of Nghị định 30/2020/NĐ-CP (Phụ lục I), shared by every PDF the system prints (the Mẫu
// forms, the council's minutes and sheets, the certificate): Times New Roman metrics (pdf-fonts.ts), A4 margins,
// the national motto (Quốc hiệu, bold caps 12 pt; Tiêu ngữ, bold 13 pt, underlined its own length) each on one
// line, the issuing body on the left with its short rule, and dates as "Mèo Vạc, ngày 02 tháng 12 năm 2026".
import type PDFDocument from 'pdfkit';
import { loadPdfKit } from '../../app/lazy-libraries.js';
import { pdfFontBytes } from '../../app/pdf-fonts.js';
import { vnDate } from './deadlines.rules.js';

export type Doc = InstanceType<typeof PDFDocument>;

const MM = 72 / 25.4;
/** Phụ lục I, mục II.1: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const A4_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };
/** Body text 13–14 pt (Phụ lục I); 13 keeps the long forms to fewer pages. */
export const BODY = 13;
export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const DOTS = '…………………………';

type Options = { title: string; subject?: string; layout?: 'portrait' | 'landscape'; margins?: typeof A4_MARGINS };

/** A4 document with the serif registered as 'r', 'b', 'i' and 'bi'; `draw` fills it, the bytes come back. */
export async function renderPdf(o: Options, draw: (doc: Doc) => void | Promise<void>): Promise<Buffer> {
  const f = pdfFontBytes();
  const doc = new (await loadPdfKit())({ size: 'A4', layout: o.layout ?? 'portrait', margins: o.margins ?? A4_MARGINS, info: { Title: o.title, ...(o.subject ? { Subject: o.subject } : {}), Producer: 'Hệ thống thông tin OCOP' } });
  doc.registerFont('r', f.regular).registerFont('b', f.bold).registerFont('i', f.italic).registerFont('bi', f.boldItalic).font('r').fontSize(BODY);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  await draw(doc);
  doc.end();
  return done;
}

export const textWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/**
 * A date in words as Phụ lục I writes it: "ngày 02 tháng 12 năm 2026", a zero before days under 10 and months 1 and
 * 2 only ("ngày 05 tháng 3 năm 2026"). An instant (with a time) is dated in Việt Nam, not in UTC; none prints blanks.
 */
export function dateInWords(at: string | Date | null | undefined): string {
  if (!at) return 'ngày …… tháng …… năm ……';
  const day = at instanceof Date ? vnDate(at) : at.length > 10 ? vnDate(new Date(at)) : at;
  const [y, m, d] = day.split('-');
  return `ngày ${d} tháng ${Number(m) <= 2 ? m : String(Number(m))} năm ${y}`;
}

/** "Mèo Vạc, ngày 02 tháng 12 năm 2026"; without a place, the dotted blank of the forms. */
export const placeAndDate = (place: string | null | undefined, at: string | Date | null | undefined) => `${place || '……………'}, ${dateInWords(at)}`;

/** The largest size up to `size` at which `text` fits `width` on one line (the motto must never wrap). */
function fitting(doc: Doc, font: string, text: string, size: number, width: number): number {
  let s = size;
  while (s > 8 && doc.font(font).fontSize(s).widthOfString(text) > width) s -= 0.5;
  return s;
}

/** A horizontal rule of `length`, centred in the column [x, x + width], at `y`. */
function rule(doc: Doc, x: number, width: number, length: number, y: number) {
  doc.save().moveTo(x + (width - length) / 2, y).lineTo(x + (width + length) / 2, y).lineWidth(0.6).strokeColor('black').stroke().restore();
}

/** The national motto centred in a column, each line on one line, the Tiêu ngữ underlined its own length. */
export function motto(doc: Doc, x: number, y: number, width: number, sizes = { nation: 12, motto: 13 }): number {
  doc.fillColor('black');
  doc.font('b').fontSize(fitting(doc, 'b', NATION, sizes.nation, width)).text(NATION, x, y, { width, align: 'center' });
  doc.fontSize(fitting(doc, 'b', MOTTO, sizes.motto, width)).text(MOTTO, x, doc.y, { width, align: 'center' });
  const bottom = doc.y + 2;
  rule(doc, x, width, doc.widthOfString(MOTTO), bottom);
  return bottom + 4;
}

export type Header = {
  /** The issuing body as the decree sets it on the left: the superior body (regular) then the body (bold), in caps. */
  body?: { parent?: string; name: string };
  /** "Số: …/BC-UBND" under the body. */
  number?: string;
  /** The place and date line, italic, under the motto. */
  placeDate?: string;
};

/**
 * The top of an administrative document. With an issuing body: two columns, the body on the left with a rule a
 * third of its line long, the motto on the right, then the place and date. Without one: the motto centred.
 */
export function adminHeader(doc: Doc, h: Header = {}) {
  const left = doc.page.margins.left;
  const top = doc.y;
  const W = textWidth(doc);
  if (!h.body) {
    const bottom = motto(doc, left, top, W);
    if (h.placeDate) doc.font('i').fontSize(BODY).text(h.placeDate, left, bottom + 6, { width: W, align: 'right' });
    doc.font('r').fontSize(BODY).text('', left, Math.max(doc.y, bottom) + 14);
    return;
  }
  const rightW = Math.max(doc.font('b').fontSize(12).widthOfString(NATION) + 6, W * 0.58);
  const leftW = W - rightW - 6;
  const rightX = left + W - rightW;
  if (h.body.parent) doc.font('r').fontSize(12).text(h.body.parent.toLocaleUpperCase('vi'), left, top, { width: leftW, align: 'center' });
  const name = h.body.name.toLocaleUpperCase('vi');
  doc.font('b').fontSize(12).text(name, left, h.body.parent ? doc.y : top, { width: leftW, align: 'center' });
  const ruleY = doc.y + 3;
  // A third to a half of the line above it (Phụ lục I): 40 % of the widest line, as the column holds it.
  rule(doc, left, leftW, Math.min(Math.max(...name.split('\n').map((l) => doc.widthOfString(l))), leftW) * 0.4, ruleY);
  let leftBottom = ruleY + 4;
  if (h.number) { doc.font('r').fontSize(BODY).text(h.number, left, leftBottom + 4, { width: leftW, align: 'center' }); leftBottom = doc.y; }
  let rightBottom = motto(doc, rightX, top, rightW);
  if (h.placeDate) { doc.font('i').fontSize(BODY).text(h.placeDate, rightX, rightBottom + 6, { width: rightW, align: 'center' }); rightBottom = doc.y; }
  doc.font('r').fontSize(BODY).text('', left, Math.max(leftBottom, rightBottom) + 18);
}

/** Centred line(s) across the text width, then back to the body font. */
export function centered(doc: Doc, text: string, font = 'b', size = BODY) {
  doc.font(font).fontSize(size).text(text, doc.page.margins.left, doc.y, { align: 'center', width: textWidth(doc) }).font('r').fontSize(BODY);
}

/** "Label value" with the value in bold, or the dotted blank of the form when there is none. */
export function field(doc: Doc, label: string, value: string | number | null | undefined) {
  doc.font('r').text(`${label} `, { continued: true }).font('b').text(value === null || value === undefined || value === '' ? DOTS : String(value)).font('r');
}

/** The form's tick box: □ empty, ■ ticked (the serif has no ☒; the decree's forms print □). */
export const box = (on: boolean | undefined) => (on ? '■' : '□');

/**
 * The signature block in the right half: the place and date (italic) when the form puts it there, the signer's
 * title (bold caps), the hint ("(Ký, ghi rõ họ tên)"), room to sign, then the name.
 */
export function signature(doc: Doc, s: { placeDate?: string; title: string; hint?: string; name?: string | null }) {
  doc.moveDown();
  const w = textWidth(doc) / 2;
  const x = doc.page.margins.left + w;
  if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
  if (s.placeDate) doc.font('i').fontSize(BODY).text(s.placeDate, x, doc.y, { width: w, align: 'center' });
  doc.font('b').fontSize(BODY).text(s.title, x, doc.y, { width: w, align: 'center' });
  if (s.hint) doc.font('i').text(s.hint, x, doc.y, { width: w, align: 'center' });
  doc.moveDown(3);
  if (s.name) doc.font('b').text(s.name, x, doc.y, { width: w, align: 'center' });
  doc.font('r').text('', doc.page.margins.left, doc.y);
}
