// QR codes of GS1 Digital Link URIs (ISO/IEC 18004 through the qrcode package): error correction M (GS1's
// recommendation for Digital Link on packs: survives a scuffed label) and the standard four-module quiet zone.
import { loadQRCode } from '../../app/lazy-libraries.js';
import { digitalLink, type Gs1Key } from './gs1.rules.js';

export const QR_ERROR_CORRECTION = 'M' as const;
export const QR_QUIET_ZONE = 4;

/** The Digital Link a label carries: this resolver's own address (OCOP_PUBLIC_URL) with the identifier's path. */
export const labelUri = (publicUrl: string, key: Gs1Key) => digitalLink(key, publicUrl);

/** The QR code as SVG (one path, crisp edges), with a title naming what it encodes for screen readers. */
export async function qrSvg(text: string, title?: string): Promise<string> {
  const svg = await (await loadQRCode()).toString(text, { type: 'svg', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QR_QUIET_ZONE });
  if (!title) return svg;
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escaped}" `);
}

/** The QR code as PNG, `scale` pixels per module (8 by default: a 33-module code is 328 px with its quiet zone). */
export async function qrPng(text: string, scale = 8): Promise<Buffer> {
  return (await loadQRCode()).toBuffer(text, { type: 'png', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QR_QUIET_ZONE, scale });
}

/** The module matrix (true = dark), without the quiet zone: the PDF labels draw it as vector squares. */
export type QrMatrix = { size: number; dark(x: number, y: number): boolean };
export async function qrMatrix(text: string): Promise<QrMatrix> {
  const { modules } = (await loadQRCode()).create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  return { size: modules.size, dark: (x, y) => Boolean(modules.get(y, x)) };
}

/** The QR code the product page shows for a product with a GTIN (handed to the registry by the composition root). */
export const productQrSvg = (publicUrl: string, gtin: string) => {
  const uri = labelUri(publicUrl, { kind: 'gtin', gtin });
  return qrSvg(uri, uri).then((svg) => ({ uri, svg }));
};
