// Certificates of attendance (A4 landscape, one page per person): the organising office and the national motto
// (Nghị định 30/2020/NĐ-CP layout from scoring's pdf-layout, the serif with Vietnamese letters embedded), the
// person, their entity, the event, its dates and place, the place-and-date line and the signature block. The
// combined file prints every attendee's page in one document. No internal id is printed.
import { dateInWords, motto, placeAndDate, renderPdf, type Doc } from '../scoring/index.js';

export type CertificateOfAttendance = {
  office: { parent: string | null; name: string };
  placeName: string;
  kind: 'training' | 'workshop' | 'study_tour';
  title: string;
  startsOn: string;
  endsOn: string;
  place: string;
  fullName: string;
  position: string | null;
  entityName: string | null;
};

const KIND_VI = { training: 'lớp tập huấn', workshop: 'hội thảo', study_tour: 'chuyến tham quan, học tập kinh nghiệm' } as const;

function page(doc: Doc, c: CertificateOfAttendance) {
  const W = doc.page.width;
  const H = doc.page.height;
  doc.lineWidth(2.5).strokeColor('#1c5d3a').rect(20, 20, W - 40, H - 40).stroke();
  doc.lineWidth(0.8).rect(27, 27, W - 54, H - 54).stroke();
  const colW = (W - 100) / 2;
  doc.fillColor('black');
  if (c.office.parent) doc.font('r').fontSize(12).text(c.office.parent.toLocaleUpperCase('vi'), 50, 50, { width: colW, align: 'center' });
  const name = c.office.name.toLocaleUpperCase('vi');
  doc.font('b').fontSize(12).text(name, 50, c.office.parent ? doc.y : 50, { width: colW, align: 'center' });
  const ruleY = doc.y + 3;
  const ruleW = Math.min(doc.widthOfString(name), colW) * 0.4;
  doc.moveTo(50 + (colW - ruleW) / 2, ruleY).lineTo(50 + (colW + ruleW) / 2, ruleY).lineWidth(0.6).strokeColor('black').stroke();
  motto(doc, 50 + colW, 50, colW);

  doc.font('b').fontSize(26).fillColor('#1c5d3a').text('GIẤY CHỨNG NHẬN', 50, 135, { width: W - 100, align: 'center' });
  doc.fontSize(14).text(`ĐÃ THAM DỰ ${KIND_VI[c.kind].toLocaleUpperCase('vi')}`, { width: W - 100, align: 'center' });
  doc.font('r').fontSize(9).fillColor('#555').text('Certificate of attendance — Chương trình Mỗi xã một sản phẩm (OCOP)', { width: W - 100, align: 'center' });

  doc.fillColor('black').moveDown(1.2).font('r').fontSize(13).text('Chứng nhận Ông/Bà', 90, doc.y, { width: W - 180, align: 'center' });
  doc.font('b').fontSize(20).text(c.fullName, { width: W - 180, align: 'center' });
  doc.font('r').fontSize(13);
  const of = [c.position, c.entityName].filter(Boolean).join(', ');
  if (of) doc.text(of, { width: W - 180, align: 'center' });
  doc.moveDown(0.5).text(`Đã tham dự ${KIND_VI[c.kind]}`, { width: W - 180, align: 'center' });
  doc.font('b').fontSize(15).text(`“${c.title}”`, { width: W - 180, align: 'center' });
  doc.font('r').fontSize(13);
  const dates = c.startsOn === c.endsOn ? `Thời gian: ${dateInWords(c.startsOn)}` : `Thời gian: từ ${dateInWords(c.startsOn)} đến ${dateInWords(c.endsOn)}`;
  doc.text(dates, { width: W - 180, align: 'center' });
  doc.text(`Địa điểm: ${c.place}`, { width: W - 180, align: 'center' });

  const x = W / 2;
  const w = W / 2 - 60;
  const y = Math.max(doc.y + 14, H - 170);
  doc.font('i').fontSize(13).text(placeAndDate(c.placeName, c.endsOn), x, y, { width: w, align: 'center' });
  doc.font('b').text(`TM. ${c.office.name.toLocaleUpperCase('vi')}`, x, doc.y, { width: w, align: 'center' });
  doc.font('i').fontSize(11).text('(Ký, ghi rõ họ tên và đóng dấu)', x, doc.y, { width: w, align: 'center' });
}

/** One person's certificate, or every attendee's in one file (a page each). */
export function renderAttendanceCertificates(list: CertificateOfAttendance[], title: string): Promise<Buffer> {
  return renderPdf({ title, subject: 'Giấy chứng nhận đã tham dự', layout: 'landscape', margins: { top: 40, bottom: 40, left: 50, right: 50 } }, (doc) => {
    list.forEach((c, i) => {
      if (i > 0) doc.addPage();
      page(doc, c);
    });
  });
}
