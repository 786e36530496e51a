// The feeds' records and formats, pure: one record per certified product (feeds.repo.ts), written as Google Merchant
// Center RSS 2.0 (g: namespace), marketplace CSV or partner JSON.
import type { FeedRow } from './feeds.repo.js';

export type FeedRecord = {
  id: string; productId: string; title: string; description: string; link: string; imageLink: string | null; priceVnd: number | null;
  availability: 'in_stock' | 'out_of_stock'; brand: string; entityId: string; category: string; stars: number;
  certificateNumber: string; certificateValidUntil: string; gtin: string | null;
};

type Urls = { product: (id: string) => string; file: (id: string) => string };

/** The record of a product: its code as the id, a description never empty (Google requires one), its first photo
 * (raster only: no drawing, marketplaces refuse SVG), the lowest price listed at a verified current channel of this product, in stock when a verified
 * current channel sells it. */
export function feedRecord(r: FeedRow, urls: Urls): FeedRecord {
  return {
    id: r.code, productId: r.product_id, title: r.name.slice(0, 150),
    description: (r.description?.trim() || `${r.name} — sản phẩm OCOP ${r.stars} sao của ${r.brand}`).slice(0, 5000),
    link: urls.product(r.product_id), imageLink: r.image_id ? urls.file(r.image_id) : null,
    priceVnd: r.price_vnd === null ? null : Number(r.price_vnd), availability: r.available ? 'in_stock' : 'out_of_stock',
    brand: r.brand, entityId: r.entity_id, category: r.set_name, stars: Number(r.stars), certificateNumber: r.certificate_number,
    certificateValidUntil: r.expires_on, gtin: r.gtin,
  };
}

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
  // Characters XML 1.0 cannot carry at all.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

export function rssHead(site: { title: string; link: string; description: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n`
    + `<title>${xmlEscape(site.title)}</title>\n<link>${xmlEscape(site.link)}</link>\n<description>${xmlEscape(site.description)}</description>\n`;
}
export const RSS_TAIL = '</channel>\n</rss>\n';

/** Whether Google Merchant Center takes the item: it disapproves an item without a price or an image, so such a
 * product is left out of the Google feed (the partner JSON and the entity CSV list it, with an empty price or image). */
export const googleAccepts = (f: FeedRecord): f is FeedRecord & { priceVnd: number; imageLink: string } => f.priceVnd !== null && f.imageLink !== null;

/** One <item> (of a record Google accepts). product_detail carries the OCOP rating and its certificate (section "OCOP"). */
export function rssItem(f: FeedRecord & { priceVnd: number; imageLink: string }): string {
  const tag = (name: string, value: string) => `<g:${name}>${xmlEscape(value)}</g:${name}>`;
  const detail = (name: string, value: string) => `<g:product_detail><g:section_name>OCOP</g:section_name><g:attribute_name>${xmlEscape(name)}</g:attribute_name><g:attribute_value>${xmlEscape(value)}</g:attribute_value></g:product_detail>`;
  return ['<item>',
    tag('id', f.id), tag('title', f.title), tag('description', f.description), tag('link', f.link), tag('image_link', f.imageLink),
    tag('price', `${f.priceVnd} VND`),
    tag('availability', f.availability), tag('brand', f.brand), tag('condition', 'new'),
    ...(f.gtin ? [tag('gtin', f.gtin)] : [tag('identifier_exists', 'no')]),
    tag('product_type', f.category),
    detail('Hạng OCOP', `${f.stars} sao`), detail('Số giấy chứng nhận', f.certificateNumber), detail('Hiệu lực đến', f.certificateValidUntil),
    '</item>'].join('') + '\n';
}

/** The columns of the marketplace bulk-upload CSV (per entity). */
export const CSV_COLUMNS = ['sku', 'title', 'description', 'price_vnd', 'availability', 'brand', 'category', 'image_url', 'product_url', 'gtin', 'ocop_stars', 'ocop_certificate', 'ocop_valid_until'] as const;
export const csvRow = (f: FeedRecord) => ({
  sku: f.id, title: f.title, description: f.description, price_vnd: f.priceVnd, availability: f.availability, brand: f.brand, category: f.category,
  image_url: f.imageLink, product_url: f.link, gtin: f.gtin, ocop_stars: f.stars, ocop_certificate: f.certificateNumber, ocop_valid_until: f.certificateValidUntil,
});
