// What every server-rendered page route shares: its options (public, micro-cached per URL and language), the
// visitor's Site (language, address), and sending the HTML with an ETag so a revisit costs a 304.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Site } from './document.js';
import { languageOf, rememberLanguage, translator } from './site-i18n.js';

/** Route options of a public page: declared public, hidden from the API document, micro-cached by language. */
export const PAGE_ROUTE = {
  schema: { hide: true },
  config: { access: 'public' as const, publicCache: true, publicCacheKey: (req: FastifyRequest) => `${languageOf(req)} ${req.url}` },
};

/** The visitor's view of the page at `path` (its query `params`, without lang). */
export function siteOf(req: FastifyRequest, reply: FastifyReply, publicUrl: string, path: string, params: Site['params'] = {}): Site {
  const lang = languageOf(req);
  rememberLanguage(req, reply, lang);
  return { publicUrl, lang, t: translator(lang), path, params, signedIn: req.actor.kind === 'user' };
}

/** A page's validator: a weak ETag of its bytes. */
export const htmlEtag = (html: string) => `W/"${createHash('sha1').update(html).digest('base64url').slice(0, 22)}"`;

/**
 * Sends a page. HTML is revalidated on every visit (no-cache) and answered 304 when unchanged (a weak ETag of the
 * bytes); it varies with the language cookie. Errors (404) carry no validator.
 */
export function sendHtml(req: FastifyRequest, reply: FastifyReply, html: string, status = 200) {
  reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'Cookie');
  if (status !== 200) return reply.code(status).send(html);
  const etag = htmlEtag(html);
  reply.header('etag', etag);
  if (req.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(html);
}
