// sitemap.xml (sitemaps.org): an index naming one file per slice of the products' or entities' ids, at most 50,000
// each (the protocol's limit), so each request reads one slice however large the catalogue grows (sitemap.repo.ts).
import { absolute } from '../../../app/html/document.js';
import { entityPath, productPath } from './product-card.js';

export const SITEMAP_PAGE_SIZE = 50_000;
export type SitemapKind = 'san-pham' | 'chu-the';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';

export const sitemapPath = (kind: SitemapKind, page: number) => `/sitemap-${kind}-${page}.xml`;

/** The index: the site's fixed pages, then a file per slice of products and of entities. */
export function sitemapIndex(publicUrl: string, productSlices: number, entitySlices: number): string {
  const files = ['/sitemap-trang.xml'];
  for (let i = 1; i <= productSlices; i++) files.push(sitemapPath('san-pham', i));
  for (let i = 1; i <= entitySlices; i++) files.push(sitemapPath('chu-the', i));
  return `${HEADER}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.map((f) => `<sitemap><loc>${xmlEscape(absolute(publicUrl, f))}</loc></sitemap>\n`).join('')}</sitemapindex>\n`;
}

/** A list of URLs with their last change. */
export function urlSet(publicUrl: string, urls: { path: string; updatedAt?: Date }[]): string {
  const body = urls.map((u) => `<url><loc>${xmlEscape(absolute(publicUrl, u.path))}</loc>${u.updatedAt ? `<lastmod>${u.updatedAt.toISOString().slice(0, 10)}</lastmod>` : ''}</url>\n`).join('');
  return `${HEADER}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}</urlset>\n`;
}

export const pathOf = (kind: SitemapKind, id: string) => (kind === 'san-pham' ? productPath(id) : entityPath(id));
