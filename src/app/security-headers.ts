// Security headers on every response the server sends: API JSON, problem+json errors, static assets, stored files
// and the web app's HTML. One onSend hook, so no route or error path can forget them.
//
// The web app's HTML gets a Content-Security-Policy that allows no inline script (the built index.html loads only
// /assets/*.js from our origin). Mantine writes its CSS variables into runtime <style> tags and style attributes, so
// styles need 'unsafe-inline' (styles cannot run code). JSON-LD blocks (<script type="application/ld+json">) are
// data blocks the browser never executes, so script-src does not apply to them. Everything else gets a policy that
// loads nothing. No page of ours may be framed (frame-ancestors plus X-Frame-Options for older browsers).
import type { FastifyInstance } from 'fastify';
import { asciiFold } from './file-names.js';

const HTML_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON, errors, static scripts and stylesheets: nothing to load, nothing to frame. */
const OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** A served upload (a photo, a PDF someone else sent): opened on its own it runs in a sandbox with no scripts. */
export const STORED_FILE_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

export function registerSecurityHeaders(app: FastifyInstance, publicUrl: string) {
  // HSTS only when the public address is https: sent over plain http it would be ignored, and on a local
  // http://localhost it would be wrong. No includeSubDomains: other services may live under the same parent domain.
  const hsts = new URL(publicUrl).protocol === 'https:' ? 'max-age=31536000' : undefined;
  app.addHook('onSend', async (_req, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    // A 304 refreshes the headers of the browser's cached copy: a policy guessed without its content type could
    // replace the page's own, so a 304 carries none and the cached one stands.
    if (reply.statusCode !== 304 && !reply.hasHeader('content-security-policy')) reply.header('content-security-policy', type.startsWith('text/html') ? HTML_POLICY : OTHER_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (type.startsWith('text/html')) reply.header('cross-origin-opener-policy', 'same-origin');
    if (hsts) reply.header('strict-transport-security', hsts);
    return payload;
  });
}

/**
 * Content-Disposition for a stored file: its original name as RFC 6266/8187 UTF-8 (every byte outside the
 * unreserved set percent-encoded, so a quote, semicolon or line break in a name cannot end the header value) with an
 * ASCII-only fallback for old clients.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const ascii = asciiFold(fileName).replace(/[^\w.\- ]/g, '_').slice(0, 150) || 'file';
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
