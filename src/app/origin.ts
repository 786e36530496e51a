// The second CSRF defence: where a browser says a state-changing request comes from. A browser always sends Origin
// on a cross-site POST/PUT/PATCH/DELETE (or at least Referer), and a page on another site cannot forge either.
import type { IncomingHttpHeaders } from 'node:http';

/** The origins trusted to send writes: the public URL's and those listed in OCOP_ALLOWED_ORIGINS. */
export function trustedOrigins(config: { publicUrl: string; allowedOrigins: readonly string[] }): ReadonlySet<string> {
  return new Set([new URL(config.publicUrl).origin, ...config.allowedOrigins]);
}

/** `https://ocop.gov.vn/x` → `https://ocop.gov.vn`; anything that is not an http(s) URL (`null`, garbage) → undefined. */
export function originOf(value: string): string | undefined {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a write's Origin (or, without one, its Referer) is trusted: a listed origin, or the very host the request
 * was sent to (the Host header a browser sets itself), which covers a server reached at http://127.0.0.1:<port>
 * in tests and development while its public URL says otherwise. A request with neither header is not from a
 * browser page (curl, scripts): it passes here and still needs the session's CSRF token.
 */
export function writeOriginTrusted(headers: IncomingHttpHeaders, trusted: ReadonlySet<string>): boolean {
  const claimed = headers.origin ?? headers.referer;
  if (claimed === undefined) return true;
  const origin = originOf(claimed);
  if (!origin) return false;
  return trusted.has(origin) || (headers.host !== undefined && new URL(origin).host === headers.host.toLowerCase());
}
