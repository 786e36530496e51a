// A printable A4 sheet of label stamps for one batch: on each stamp the Digital Link QR code (drawn as vector
// squares, so it prints sharp at any size), the product name, its OCOP stars (drawn as shapes: they print with any
// font), the lot and its dates, and the Digital Link in clear text. The project's serif with Vietnamese letters is
// embedded (src/app/pdf-fonts.ts).
import type PDFDocument from 'pdfkit';
import { loadPdfKit } from '../../app/lazy-libraries.js';
import { pdfFontBytes } from '../../app/pdf-fonts.js';
import { qrMatrix, QR_QUIET_ZONE, type QrMatrix } from './qr.js';

type Doc = InstanceType<typeof PDFDocument>;
const MM = 72 / 25.4;

/** Stamp sizes in millimetres (width × height). The QR code takes the stamp's height less the margins: at 'small'
 * its modules stay above 0.5 mm for a ~40-module Digital Link, what phone cameras read comfortably. */
export const LABEL_SIZES = { small: { w: 50, h: 30 }, medium: { w: 70, h: 40 }, large: { w: 100, h: 60 } } as const;
export type LabelSize = keyof typeof LABEL_SIZES;

const PAGE = { w: 210, h: 297, margin: 8, gap: 3 };

/** How many stamps of a size fit on an A4 sheet. */
export function stampsPerPage(size: LabelSize): { cols: number; rows: number } {
  const s = LABEL_SIZES[size];
  const fit = (room: number, len: number) => Math.floor((room - 2 * PAGE.margin + PAGE.gap) / (len + PAGE.gap));
  return { cols: fit(PAGE.w, s.w), rows: fit(PAGE.h, s.h) };
}

/** Where the QR code of stamp `i` lies on its page, in PDF points (for tests that read the printed sheet back). */
export function qrBox(size: LabelSize, i: number) {
  const s = LABEL_SIZES[size];
  const { cols, rows } = stampsPerPage(size);
  const onPage = i % (cols * rows);
  const x = PAGE.margin + (onPage % cols) * (s.w + PAGE.gap);
  const y = PAGE.margin + Math.floor(onPage / cols) * (s.h + PAGE.gap);
  const pad = 1.5;
  const side = s.h - 2 * pad;
  return { page: Math.floor(i / (cols * rows)), x: (x + pad) * MM, y: (y + pad) * MM, side: side * MM };
}

export type LabelContent = {
  uri: string; productName: string; stars: number | null; lot: string;
  producedOn: string | null; expiresOn: string | null;
  words: { lot: string; produced: string; expires: string; scan: string };
};

const ddmmyyyy = (d: string) => d.split('-').reverse().join('/');

function star(doc: Doc, cx: number, cy: number, r: number, on: boolean) {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.42;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  doc.polygon(...points).fillColor(on ? '#c98400' : '#d5d9dc').fill();
}

function stamp(doc: Doc, size: LabelSize, i: number, c: LabelContent, qr: QrMatrix) {
  const s = LABEL_SIZES[size];
  const box = qrBox(size, i);
  const x0 = box.x - 1.5 * MM;
  const y0 = box.y - 1.5 * MM;
  // A hairline cut mark around the stamp.
  doc.lineWidth(0.3).strokeColor('#bbbbbb').rect(x0, y0, s.w * MM, s.h * MM).stroke();
  // The QR code with its quiet zone (white by the paper), each dark module one square.
  const total = qr.size + 2 * QR_QUIET_ZONE;
  const m = box.side / total;
  doc.fillColor('black');
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (qr.dark(x, y)) doc.rect(box.x + (x + QR_QUIET_ZONE) * m, box.y + (y + QR_QUIET_ZONE) * m, m + 0.01, m + 0.01);
    }
  }
  doc.fill();
  // The text column beside the code.
  const tx = box.x + box.side + 1 * MM;
  const tw = x0 + s.w * MM - tx - 1.5 * MM;
  const big = size === 'small' ? 6.5 : size === 'medium' ? 8 : 11;
  const small = big * 0.72;
  let y = box.y + 0.5 * MM;
  doc.font('b').fontSize(big).fillColor('black').text(c.productName, tx, y, { width: tw, height: big * 2.5, ellipsis: true, lineGap: -0.5 });
  y = doc.y + 1;
  if (c.stars) {
    const r = big * 0.45;
    for (let k = 0; k < 5; k++) star(doc, tx + r + k * r * 2.2, y + r, r, k < c.stars);
    y += r * 2 + 2;
  }
  doc.font('r').fontSize(small).fillColor('black');
  doc.text(`${c.words.lot}: ${c.lot}`, tx, y, { width: tw, lineBreak: false, ellipsis: true });
  y = doc.y;
  if (c.producedOn) { doc.text(`${c.words.produced}: ${ddmmyyyy(c.producedOn)}`, tx, y, { width: tw, lineBreak: false }); y = doc.y; }
  if (c.expiresOn) { doc.text(`${c.words.expires}: ${ddmmyyyy(c.expiresOn)}`, tx, y, { width: tw, lineBreak: false }); y = doc.y; }
  // The Digital Link in clear text along the bottom, so a label whose code is damaged can still be typed in.
  const bottom = y0 + s.h * MM - 1.5 * MM;
  const uriSize = Math.min(small * 0.9, 6);
  doc.font('r').fontSize(uriSize).fillColor('#333333');
  const h = doc.heightOfString(c.uri, { width: tw });
  doc.text(c.uri, tx, Math.max(y + 1, bottom - h), { width: tw, lineGap: -0.5 });
}

/** `count` stamps of one batch (whole A4 pages, the last one partly filled). */
export async function renderLabelSheet(c: LabelContent, size: LabelSize, count: number): Promise<Buffer> {
  const f = pdfFontBytes();
  const doc = new (await loadPdfKit())({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: `${c.productName} — ${c.words.lot} ${c.lot}`, Subject: c.uri, Producer: 'Hệ thống thông tin OCOP' } });
  doc.registerFont('r', f.regular).registerFont('b', f.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  const qr = await qrMatrix(c.uri);
  const { cols, rows } = stampsPerPage(size);
  for (let i = 0; i < count; i++) {
    if (i % (cols * rows) === 0) doc.addPage({ size: 'A4', margin: 0 });
    stamp(doc, size, i, c, qr);
  }
  doc.end();
  return done;
}
