// The text of the e-mails the system sends: Vietnamese first, then English, in one message (the recipient's
// language is not known for an address that has no account yet). Pure: no I/O.
import type { MailMessage } from './notifications.mail.js';

const vnTime = (iso: string) => new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));

/** The link carries the token in the fragment: it never reaches a server log or a Referer header. */
export const resetLink = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/dat-lai-mat-khau#token=${encodeURIComponent(token)}`;
export const forgotLink = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}/quen-mat-khau`;
export const invitationLink = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/nhan-loi-moi#token=${encodeURIComponent(token)}`;

export function passwordResetMessage(p: { email: string; fullName: string; token: string; expiresAt: string }, publicUrl: string): MailMessage {
  const link = resetLink(publicUrl, p.token);
  return {
    to: p.email,
    subject: 'Đặt lại mật khẩu OCOP / Reset your OCOP password',
    text: [
      `Xin chào ${p.fullName},`,
      '',
      'Có người (có thể là bạn) đã yêu cầu đặt lại mật khẩu tài khoản của bạn trên Hệ thống thông tin OCOP.',
      `Mở liên kết sau để chọn mật khẩu mới (dùng được một lần, hết hạn lúc ${vnTime(p.expiresAt)}):`,
      '',
      link,
      '',
      'Khi đặt mật khẩu mới, mọi phiên đăng nhập và mã truy cập API của tài khoản sẽ kết thúc.',
      'Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.',
      '',
      '—',
      '',
      `Hello ${p.fullName},`,
      '',
      'Someone (perhaps you) asked to reset the password of your account on the OCOP information system.',
      `Open this link to choose a new password (it works once and expires at ${p.expiresAt}):`,
      '',
      link,
      '',
      'Setting a new password ends every session and API token of the account.',
      'If you did not ask, ignore this e-mail: your password stays as it is.',
    ].join('\n'),
  };
}

export function invitationMessage(p: { email: string; token: string; entityName: string | null }, publicUrl: string): MailMessage {
  const link = invitationLink(publicUrl, p.token);
  const entity = p.entityName ?? 'một chủ thể OCOP';
  return {
    to: p.email,
    subject: 'Lời mời tham gia Hệ thống thông tin OCOP / Invitation to the OCOP information system',
    text: [
      'Xin chào,',
      '',
      `Bạn được mời làm thành viên của ${entity} trên Hệ thống thông tin OCOP (Chương trình Mỗi xã một sản phẩm).`,
      'Mở liên kết sau để tạo tài khoản (hiệu lực 14 ngày):',
      '',
      link,
      '',
      '—',
      '',
      'Hello,',
      '',
      `You are invited to join ${p.entityName ?? 'an OCOP entity'} on the OCOP information system (One Commune One Product).`,
      'Open this link to create your account (valid for 14 days):',
      '',
      link,
    ].join('\n'),
  };
}

/** Someone signed up with an address that already has an account: its owner hears of it (the caller was told nothing). */
export function signupEmailTakenMessage(p: { email: string; fullName: string }, publicUrl: string): MailMessage {
  const forgot = forgotLink(publicUrl);
  return {
    to: p.email,
    subject: 'Đăng ký OCOP với e-mail của bạn / An OCOP sign-up with your e-mail',
    text: [
      `Xin chào ${p.fullName},`,
      '',
      'Có người (có thể là bạn) vừa đăng ký tài khoản mới trên Hệ thống thông tin OCOP bằng e-mail này, nhưng e-mail đã có tài khoản nên không có gì được tạo.',
      `Nếu là bạn: hãy đăng nhập, hoặc đặt lại mật khẩu nếu đã quên: ${forgot}`,
      'Nếu không phải bạn, hãy bỏ qua thư này.',
      '',
      '—',
      '',
      `Hello ${p.fullName},`,
      '',
      'Someone (perhaps you) just tried to sign up on the OCOP information system with this e-mail; it already has an account, so nothing was created.',
      `If it was you, log in, or reset your password if you forgot it: ${forgot}`,
      'If it was not you, ignore this e-mail.',
    ].join('\n'),
  };
}
