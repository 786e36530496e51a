// The text of each notification, in Vietnamese and English, with the page of the web app it links to. Law-free
// wording (the law's deadlines and numbers come in as data). Pure: no I/O; the handlers read the facts and pass them.
import type { NotificationKind } from './notifications.contract.js';
import type { Localized } from './notifications.tables.js';

/** The web app's notification centre, where each person also sets their channels. */
export const NOTIFICATION_CENTRE = '/lam-viec/thong-bao';

export type Notice = { kind: NotificationKind; title: Localized; body: Localized; link: string | null };

/** `2026-12-02` → `02/12/2026`. */
export const dmy = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
const quote = (s: string) => `“${s}”`;

export const notices = {
  invitation: (p: { entityId: string; entityName: string; email: string }): Notice => ({
    kind: 'invitation',
    title: { vi: 'Đã mời thành viên mới', en: 'A new member was invited' },
    body: { vi: `${p.email} đã được mời làm thành viên của ${p.entityName}.`, en: `${p.email} was invited to join ${p.entityName}.` },
    link: `/lam-viec/chu-the/${p.entityId}`,
  }),
  entityApproved: (p: { entityId: string; entityName: string }): Notice => ({
    kind: 'entity_approved',
    title: { vi: 'Chủ thể đã được duyệt', en: 'Entity approved' },
    body: { vi: `${p.entityName} đã được xã duyệt. Bạn có thể đăng ký sản phẩm và nộp hồ sơ đánh giá.`, en: `${p.entityName} was approved by the commune. You can now register products and file dossiers.` },
    link: `/lam-viec/chu-the/${p.entityId}`,
  }),
  entityRefused: (p: { entityId: string; entityName: string; reason: string }): Notice => ({
    kind: 'entity_refused',
    title: { vi: 'Chủ thể không được duyệt', en: 'Entity refused' },
    body: { vi: `${p.entityName} không được duyệt. Lý do: ${p.reason}`, en: `${p.entityName} was refused. Reason: ${p.reason}` },
    link: `/lam-viec/chu-the/${p.entityId}`,
  }),
  dossierReturned: (p: { dossierId: string; number: string; productName: string; reasons: string[] }): Notice => ({
    kind: 'dossier_returned',
    title: { vi: `Hồ sơ ${p.number} được trả lại để hoàn thiện`, en: `Dossier ${p.number} returned for completion` },
    body: {
      vi: `Hồ sơ của sản phẩm ${quote(p.productName)} cần hoàn thiện rồi nộp lại. Lý do: ${p.reasons.join('; ')}`,
      en: `The dossier of ${quote(p.productName)} needs completing and filing again. Reasons: ${p.reasons.join('; ')}`,
    },
    link: `/ho-so/${p.dossierId}`,
  }),
  dossierForwardedToEntity: (p: { dossierId: string; number: string; productName: string }): Notice => ({
    kind: 'dossier_forwarded',
    title: { vi: `Hồ sơ ${p.number} đã được xã đề nghị lên tỉnh`, en: `Dossier ${p.number} forwarded to the province` },
    body: { vi: `Xã đã đề nghị tỉnh đánh giá sản phẩm ${quote(p.productName)}.`, en: `The commune asked the province to rate ${quote(p.productName)}.` },
    link: `/ho-so/${p.dossierId}`,
  }),
  dossierForwardedToOffice: (p: { dossierId: string; number: string; productName: string; entityName: string }): Notice => ({
    kind: 'dossier_forwarded',
    title: { vi: `Hồ sơ ${p.number} chờ tiếp nhận`, en: `Dossier ${p.number} awaits acceptance` },
    body: {
      vi: `Xã đã đề nghị đánh giá sản phẩm ${quote(p.productName)} của ${p.entityName}. Hãy kiểm tra tính đầy đủ của hồ sơ.`,
      en: `The commune forwarded ${quote(p.productName)} of ${p.entityName} for rating. Check that the dossier is complete.`,
    },
    link: `/ho-so/${p.dossierId}`,
  }),
  dossierAccepted: (p: { dossierId: string; number: string; productName: string }): Notice => ({
    kind: 'dossier_accepted',
    title: { vi: `Hồ sơ ${p.number} đã được tiếp nhận`, en: `Dossier ${p.number} accepted` },
    body: { vi: `Hồ sơ của sản phẩm ${quote(p.productName)} đầy đủ và đã chuyển tổ tư vấn đánh giá.`, en: `The dossier of ${quote(p.productName)} is complete and went to the advisory team.` },
    link: `/ho-so/${p.dossierId}`,
  }),
  dossierDecided: (p: { dossierId: string; number: string; productName: string; outcome: 'sent_to_central' | 'certified' | 'not_recognised'; stars: number | null }): Notice => {
    const outcome = {
      certified: { vi: `được công nhận ${p.stars} sao`, en: `was recognised with ${p.stars} stars` },
      not_recognised: { vi: 'không được công nhận đạt OCOP', en: 'was not recognised' },
      sent_to_central: { vi: 'được đề nghị Hội đồng Trung ương đánh giá 5 sao', en: 'was sent to the central council for a 5-star rating' },
    }[p.outcome];
    return {
      kind: 'dossier_decided',
      title: { vi: `Đã có quyết định cho hồ sơ ${p.number}`, en: `Decision on dossier ${p.number}` },
      body: { vi: `Sản phẩm ${quote(p.productName)} ${outcome.vi}.`, en: `${quote(p.productName)} ${outcome.en}.` },
      link: `/ho-so/${p.dossierId}`,
    };
  },
  dossierAwaitsCentral: (p: { dossierId: string; number: string; productName: string; entityName: string }): Notice => ({
    kind: 'dossier_decided',
    title: { vi: `Hồ sơ ${p.number} đề nghị đánh giá 5 sao`, en: `Dossier ${p.number} proposed for 5 stars` },
    body: { vi: `Tỉnh đề nghị đánh giá 5 sao sản phẩm ${quote(p.productName)} của ${p.entityName}.`, en: `The province proposes ${quote(p.productName)} of ${p.entityName} for a 5-star rating.` },
    link: `/ho-so/${p.dossierId}`,
  }),
  sessionScheduled: (p: { sessionId: string; title: string; councilName: string; scheduledOn: string; location: string | null; mode: string }): Notice => ({
    kind: 'session_scheduled',
    title: { vi: `Phiên họp ngày ${dmy(p.scheduledOn)}`, en: `Session on ${dmy(p.scheduledOn)}` },
    body: {
      vi: `${p.councilName}: ${p.title}, ngày ${dmy(p.scheduledOn)}${p.mode === 'written' ? ' (lấy ý kiến bằng văn bản)' : p.location ? ` tại ${p.location}` : ''}.`,
      en: `${p.councilName}: ${p.title}, on ${dmy(p.scheduledOn)}${p.mode === 'written' ? ' (by written opinion)' : p.location ? ` at ${p.location}` : ''}.`,
    },
    link: `/phien-hop/${p.sessionId}`,
  }),
  rescoreRequested: (p: { sessionId: string; itemId: string; sessionTitle: string; productName: string; round: number; reason: string }): Notice => ({
    kind: 'rescore_requested',
    title: { vi: `Yêu cầu chấm lại sản phẩm ${quote(p.productName)}`, en: `Please score ${quote(p.productName)} again` },
    body: {
      vi: `Chủ tịch hội đồng đề nghị chấm lại (vòng ${p.round}) tại phiên ${p.sessionTitle}. Lý do: ${p.reason}`,
      en: `The chair asks you to score again (round ${p.round}) in the session ${p.sessionTitle}. Reason: ${p.reason}`,
    },
    link: `/phien-hop/${p.sessionId}/${p.itemId}`,
  }),
  certificateIssued: (p: { number: string; productName: string; stars: number }): Notice => ({
    kind: 'certificate_issued',
    title: { vi: `Giấy chứng nhận OCOP ${p.number}`, en: `OCOP certificate ${p.number}` },
    body: { vi: `Sản phẩm ${quote(p.productName)} được cấp giấy chứng nhận ${p.stars} sao, số ${p.number}.`, en: `${quote(p.productName)} received certificate ${p.number} (${p.stars} stars).` },
    link: `/xac-minh/${encodeURIComponent(p.number)}`,
  }),
  reratingWindow: (p: { stage: 'opening' | 'closing'; productId: string; number: string; productName: string; opensOn: string; closesOn: string; expiresOn: string }): Notice => (p.stage === 'opening' ? {
    kind: 'rerating_window_opening',
    title: { vi: `Đã đến thời hạn đề nghị đánh giá lại ${quote(p.productName)}`, en: `Re-rating of ${quote(p.productName)} can be filed` },
    body: {
      vi: `Giấy chứng nhận ${p.number} hết hạn ngày ${dmy(p.expiresOn)}. Hồ sơ đánh giá lại nộp từ ${dmy(p.opensOn)} đến ${dmy(p.closesOn)}.`,
      en: `Certificate ${p.number} expires on ${dmy(p.expiresOn)}. The re-rating dossier may be filed from ${dmy(p.opensOn)} to ${dmy(p.closesOn)}.`,
    },
    link: `/lam-viec/san-pham/${p.productId}`,
  } : {
    kind: 'rerating_window_closing',
    title: { vi: `Sắp hết thời hạn đề nghị đánh giá lại ${quote(p.productName)}`, en: `The re-rating window of ${quote(p.productName)} closes soon` },
    body: {
      vi: `Thời hạn nộp hồ sơ đánh giá lại giấy chứng nhận ${p.number} kết thúc ngày ${dmy(p.closesOn)}; giấy hết hạn ngày ${dmy(p.expiresOn)}.`,
      en: `The re-rating of certificate ${p.number} must be filed by ${dmy(p.closesOn)}; the certificate expires on ${dmy(p.expiresOn)}.`,
    },
    link: `/lam-viec/san-pham/${p.productId}`,
  }),
  certificateRevoked: (p: { number: string; productName: string }): Notice => ({
    kind: 'certificate_revoked',
    title: { vi: `Giấy chứng nhận ${p.number} bị thu hồi`, en: `Certificate ${p.number} revoked` },
    body: { vi: `Giấy chứng nhận OCOP của sản phẩm ${quote(p.productName)} đã bị thu hồi. Xem quyết định trên trang xác minh.`, en: `The OCOP certificate of ${quote(p.productName)} was revoked. See the decision on the verification page.` },
    link: `/xac-minh/${encodeURIComponent(p.number)}`,
  }),
};

/** The e-mail of a notice in the reader's language, with the full link and how to stop such mail. */
export function noticeMail(n: Notice, to: { email: string; fullName: string }, lang: 'vi' | 'en', publicUrl: string) {
  const base = publicUrl.replace(/\/$/, '');
  const vi = lang === 'vi';
  return {
    to: to.email,
    subject: `OCOP: ${n.title[lang]}`,
    text: [
      vi ? `Xin chào ${to.fullName},` : `Hello ${to.fullName},`,
      '',
      n.body[lang],
      ...(n.link ? ['', vi ? 'Xem chi tiết:' : 'Details:', `${base}${n.link}`] : []),
      '',
      '—',
      vi ? `Bạn có thể chọn những thông báo nhận qua e-mail tại trang Thông báo: ${base}${NOTIFICATION_CENTRE}`
        : `Choose which notices reach you by e-mail on the Notifications page: ${base}${NOTIFICATION_CENTRE}`,
    ].join('\n'),
  };
}
