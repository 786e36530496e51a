// The public site's own files: the stylesheet (named by its content hash, cached a year) and robots.txt.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SITE_CSS } from './site.css.js';

const CSS_VERSION = createHash('sha256').update(SITE_CSS).digest('base64url').slice(0, 10);
export const STYLESHEET_PATH = `/site.css?v=${CSS_VERSION}`;

/** robots.txt: the public pages may be crawled; the workspace and the API not; the sitemap is named. */
export function robotsTxt(publicUrl: string): string {
  const base = publicUrl.replace(/\/$/, '');
  return ['User-agent: *', 'Allow: /', 'Disallow: /lam-viec', 'Disallow: /api/', 'Disallow: /dang-nhap', '', `Sitemap: ${base}/sitemap.xml`, ''].join('\n');
}

export function registerSiteAssets(app: FastifyInstance, publicUrl: string) {
  app.get('/site.css', { schema: { hide: true }, config: { access: 'public' } }, async (req, reply) => {
    // The pages ask for it by its hash: that copy never changes. Another ?v (an old page) gets a short life.
    const current = (req.query as { v?: string }).v === CSS_VERSION;
    return reply.type('text/css; charset=utf-8').header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300').send(SITE_CSS);
  });
  const robots = robotsTxt(publicUrl);
  app.get('/robots.txt', { schema: { hide: true }, config: { access: 'public' } }, async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(robots));
}
