// The public address is printed in every certificate's QR code and every e-mail's links. Left unset it defaults to
// http://localhost:<port>, which is right on a developer's machine and wrong everywhere else: a QR code pointing at
// localhost cannot be fixed once printed. So `npm start` warns without it, and refuses to start in production.
import type { Message } from './errors.js';

export type PublicUrlCheck = { refuse: boolean; message: Message } | undefined;

export function checkPublicUrl(env: NodeJS.ProcessEnv, defaultUrl: string): PublicUrlCheck {
  const value = env.OCOP_PUBLIC_URL;
  const production = env.NODE_ENV === 'production';
  if (!value) {
    return production
      ? { refuse: true, message: {
        vi: 'Không khởi động: NODE_ENV=production cần OCOP_PUBLIC_URL, địa chỉ công khai in trong mã QR và thư (ví dụ OCOP_PUBLIC_URL=https://ocop.tuyenquang.gov.vn)',
        en: 'Not starting: NODE_ENV=production needs OCOP_PUBLIC_URL, the public address printed in QR codes and e-mails (e.g. OCOP_PUBLIC_URL=https://ocop.example.gov.vn)',
      } }
      : { refuse: false, message: {
        vi: `OCOP_PUBLIC_URL chưa đặt: mã QR và liên kết trong thư sẽ trỏ tới ${defaultUrl}`,
        en: `OCOP_PUBLIC_URL is not set: QR codes and e-mail links will point at ${defaultUrl}`,
      } };
  }
  let url: URL | undefined;
  try { url = new URL(value); } catch { /* reported below */ }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    return { refuse: true, message: {
      vi: `Không khởi động: OCOP_PUBLIC_URL="${value}" không phải một địa chỉ http(s) gốc (ví dụ https://ocop.tuyenquang.gov.vn)`,
      en: `Not starting: OCOP_PUBLIC_URL="${value}" is not an http(s) origin (e.g. https://ocop.example.gov.vn)`,
    } };
  }
  return undefined;
}

/** One line, Vietnamese then English. */
export const oneLine = (m: Message) => `${m.vi} / ${m.en}`;
