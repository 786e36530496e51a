// The printed certificate (A4 landscape): the deciding authority and the national motto (Nghị định 30/2020/NĐ-CP
// layout, Times New Roman–metric serif embedded: pdf-layout.ts), the certificate text, the stars, the validity and a
// QR code to the public verification page. Stars are drawn as shapes so they print with any font.
// No internal id is printed: the certificate number is the key people read and the QR code carries.
import { loadQRCode } from '../../app/lazy-libraries.js';
import { placeName } from '../geo/index.js';
import { viDate } from './deadlines.rules.js';
import { dateInWords, motto, renderPdf, type Doc } from './pdf-layout.js';
import { RULES } from './rules.data.js';

export type CertificatePrint = {
  number: string;
  stars: number;
  authority: string;
  authorityLevel: 'province' | 'central';
  decisionNumber: string;
  decidedOn: string;
  issuedOn: string;
  expiresOn: string;
  instrument: string;
  productName: string;
  productCode: string;
  entityName: string;
  provinceName: string;
  status: 'valid' | 'expired' | 'replaced' | 'revoked';
  revokedOn: string | null;
  revocationDecisionNumber: string | null;
  replacedBy: string | null;
  verifyUrl: string;
};


function star(doc: Doc, cx: number, cy: number, r: number) {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.42;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  doc.polygon(...points).fillColor('#d4a017').fill();
}

export function renderCertificatePdf(c: CertificatePrint): Promise<Buffer> {
  return renderPdf({ title: `Giấy chứng nhận OCOP ${c.number}`, subject: `${c.productName} — ${c.stars} sao`, layout: 'landscape', margins: { top: 40, bottom: 40, left: 50, right: 50 } }, (doc) => draw(doc, c));
}

async function draw(doc: Doc, c: CertificatePrint) {
  const W = doc.page.width;
  const H = doc.page.height;
  doc.lineWidth(3).strokeColor('#b8860b').rect(20, 20, W - 40, H - 40).stroke();
  doc.lineWidth(1).rect(28, 28, W - 56, H - 56).stroke();

  // Header: the deciding authority on the left with its short rule, the national motto on the right, each line of
  // the motto on one line, the Tiêu ngữ underlined its own length.
  const colW = (W - 100) / 2;
  doc.fillColor('black').font('b').fontSize(12);
  const issuer = c.authorityLevel === 'central' ? 'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG' : c.authority.toLocaleUpperCase('vi').replace(/^UBND/, 'ỦY BAN NHÂN DÂN');
  doc.text(issuer, 50, 50, { width: colW, align: 'center' });
  const ruleY = doc.y + 3;
  const ruleW = Math.min(doc.widthOfString(issuer), colW) * 0.4;
  doc.moveTo(50 + (colW - ruleW) / 2, ruleY).lineTo(50 + (colW + ruleW) / 2, ruleY).lineWidth(0.6).strokeColor('black').stroke();
  motto(doc, 50 + colW, 50, colW);
  doc.font('r').fontSize(13).text(`Số: ${c.number}`, 50, ruleY + 8, { width: colW, align: 'center' });

  // Title and body.
  doc.font('b').fontSize(24).fillColor('#8b0000').text('GIẤY CHỨNG NHẬN', 50, 120, { width: W - 100, align: 'center' });
  doc.fontSize(15).text('KẾT QUẢ PHÂN HẠNG SẢN PHẨM OCOP', { width: W - 100, align: 'center' });
  doc.font('r').fontSize(9).fillColor('#555').text('OCOP product rating certificate — Chương trình Mỗi xã một sản phẩm', { width: W - 100, align: 'center' });

  doc.fillColor('black').font('r').fontSize(11).moveDown(0.8);
  doc.text(`Căn cứ Quyết định số ${c.decisionNumber} ${dateInWords(c.decidedOn)} của ${c.authority} về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP (theo ${c.instrument}),`, 90, doc.y, { width: W - 180, align: 'center' });
  doc.moveDown(0.6).font('b').fontSize(13).text('CHỨNG NHẬN', { width: W - 180, align: 'center' });
  doc.moveDown(0.3).font('r').fontSize(10).text('Sản phẩm', 90, doc.y, { width: W - 180, align: 'center' });
  doc.font('b').fontSize(16).text(c.productName, { width: W - 180, align: 'center' });
  doc.font('r').fontSize(11).text(`Mã sản phẩm: ${c.productCode}`, { width: W - 180, align: 'center' });
  doc.text(`Chủ thể: ${c.entityName}`, { width: W - 180, align: 'center' });
  doc.text(`Địa bàn: ${c.provinceName}`, { width: W - 180, align: 'center' });
  doc.moveDown(0.4).font('b').fontSize(14).fillColor('#8b0000').text(`Đạt hạng ${c.stars} sao`, { width: W - 180, align: 'center' });
  const starsY = doc.y + 16;
  for (let i = 0; i < c.stars; i++) star(doc, W / 2 + (i - (c.stars - 1) / 2) * 34, starsY, 14);
  doc.fillColor('black').font('r').fontSize(11).text(
    `Giấy chứng nhận có giá trị trong thời hạn ${RULES.certificate.validityMonths} tháng, từ ngày ${viDate(c.issuedOn)} đến ngày ${viDate(c.expiresOn)}.`,
    90, starsY + 24, { width: W - 180, align: 'center' },
  );

  if (c.status === 'revoked') {
    doc.moveDown(0.4).font('b').fontSize(14).fillColor('red')
      .text(`ĐÃ THU HỒI theo Quyết định số ${c.revocationDecisionNumber ?? ''} ngày ${c.revokedOn ? viDate(c.revokedOn) : ''}`, { width: W - 180, align: 'center' });
  } else if (c.status === 'replaced') {
    doc.moveDown(0.4).font('b').fontSize(12).fillColor('#b35900').text(`ĐÃ ĐƯỢC THAY THẾ bởi giấy chứng nhận số ${c.replacedBy ?? ''}`, { width: W - 180, align: 'center' });
  } else if (c.status === 'expired') {
    doc.moveDown(0.4).font('b').fontSize(12).fillColor('#b35900').text('ĐÃ HẾT HIỆU LỰC', { width: W - 180, align: 'center' });
  }

  // Footer: the QR code to the verification page on the left, the place and date of issue on the right.
  const qr = await (await loadQRCode()).toBuffer(c.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const qrSize = 92;
  const footY = H - 60 - qrSize;
  doc.image(qr, 60, footY, { width: qrSize, height: qrSize });
  doc.fillColor('black').font('r').fontSize(8).text('Quét mã để xác minh / Scan to verify:', 60 + qrSize + 8, footY + 20, { width: 240 })
    .text(c.verifyUrl, { width: 240, link: c.verifyUrl, underline: true });
  const place = c.authorityLevel === 'central' ? 'Hà Nội' : placeName(c.provinceName);
  doc.font('i').fontSize(13).text(`${place}, ${dateInWords(c.issuedOn)}`, W - 50 - 300, footY + 10, { width: 300, align: 'center' });
  doc.font('b').text(c.authorityLevel === 'central' ? 'BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG' : 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', { width: 300, align: 'center' });
}
