// Serves the built web app (dist/web): its files, precompressed at build time (scripts/precompress.ts), with cache
// headers by kind, and index.html for the paths the app routes.
//
// Caching: Vite names every file under /assets/ by a hash of its content, so those are cached a year and never
// revalidated (immutable). index.html names the current hashes: it is revalidated on every use (no-cache + ETag,
// a 304 when unchanged), so a redeploy reaches returning visitors at once instead of leaving them on a page that
// asks for deleted assets. The other root files (icons, manifest) keep their names across builds: an hour.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isAppPath } from '../web/paths.js';
import { AppError } from './errors.js';

export const ASSET_CACHE = 'public, max-age=31536000, immutable';
export const ROOT_FILE_CACHE = 'public, max-age=3600';

export async function registerWebApp(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, {
    root,
    wildcard: false, // one route per file found at start-up; anything else reaches the fallback below
    index: false, // '/' belongs to the fallback (or to a server-rendered page), not to a static route
    preCompressed: true, // sends file.br or file.gz when the client accepts it and the build wrote it
    // The compressed copies are reached through their file, never requested by name; index.html only through
    // the fallback, which decides its status.
    globIgnore: ['**/*.br', '**/*.gz', 'index.html'],
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => { reply.header('cache-control', cacheControlOf(path)); },
  });

  // The web app routes on the client. A path it routes gets index.html with 200; any other path gets the same app
  // shell with 404, so the app still shows its "not found" while search engines and link checkers see the truth.
  // A path that looks like a file (/sitemap.xml, /old.js) never gets the app's HTML: a problem+json 404. So do
  // unknown API paths. But a page the app names by a pattern of its own is a page even when its last segment ends
  // like a file name: a check-in link's signed token (`<id>.<expiry>.<signature>`) often does. A catch-all route,
  // because the error handler owns the not-found handler.
  app.get('/*', { schema: { hide: true }, config: { access: 'public' } }, async (req, reply) => {
    const pathname = req.url.split('?')[0];
    const fileLike = /\.[A-Za-z0-9]+$/.test(pathname) && !isAppPath(pathname, { catchAll: false });
    if (pathname.startsWith('/api/') || fileLike) {
      throw new AppError('not_found', 'route_not_found', { vi: 'Không tìm thấy địa chỉ này', en: 'No such route' });
    }
    if (isAppPath(pathname)) return reply.sendFile('index.html');
    // No validators on the 404: a conditional request must not turn it into a 304.
    return reply.code(404).sendFile('index.html', { etag: false, lastModified: false });
  });
}

/** The Cache-Control of a file of the build, by its path on disk. */
export function cacheControlOf(path: string): string {
  if (/[\\/]index\.html(\.br|\.gz)?$/.test(path)) return 'no-cache'; // the file, or the copy sent precompressed
  return /[\\/]assets[\\/]/.test(path) ? ASSET_CACHE : ROOT_FILE_CACHE;
}
