// A short-lived in-process cache of public (anonymous) GET responses on the hot read paths: the catalogue search
// and lists. Each server process keeps its own copy for a few seconds at most, so the process stays stateless in
// effect. Routes opt in with `config: { publicCache: true }`; the same responses carry Cache-Control so a CDN can do
// the same job in front.
//
// Staleness: a successful write through this process clears its cache at once. A write through another process on
// the same PostgreSQL bumps the shared data version after its commit (data-version.ts); before serving a hit, a
// process re-reads that version if it last did so more than CHECK_MS ago, and clears its cache when it moved. So no
// process serves a response made stale by another process's write for longer than CHECK_MS (1 s) after that write
// — whatever the TTL. A response whose reading started before a clear is not stored. PGlite is one process: it
// needs no shared version.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bumpDataVersion, readDataVersion } from './data-version.js';
import type { Database } from './db.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    publicCache?: boolean;
    /** What besides the URL makes the response (the server-rendered pages' language cookie); the URL by default. */
    publicCacheKey?: (req: FastifyRequest) => string;
  }
  interface FastifyRequest { microCacheEpoch?: number }
}

type Entry = { at: number; body: Buffer; headers: Record<string, string> };

export const CHECK_MS = 1000;

const keyOf = (req: FastifyRequest) => req.routeOptions.config.publicCacheKey?.(req) ?? req.url;

export function registerMicroCache(app: FastifyInstance, ttlSeconds: number, database?: Database, maxEntries = 2000) {
  if (ttlSeconds <= 0) return;
  const entries = new Map<string, Entry>();
  const ttl = ttlSeconds * 1000;
  const shared = database?.engine === 'postgresql' ? database : undefined;
  let epoch = 0; // moves on every clear: a response read in an earlier epoch may predate the write
  let seenVersion: number | undefined;
  let checkedAt = 0;
  let checking: Promise<void> | undefined;
  const clear = () => { entries.clear(); epoch++; };

  /** Re-reads the shared data version at most once per CHECK_MS (one query in flight at a time). */
  const freshen = () => {
    if (!shared || Date.now() - checkedAt < CHECK_MS) return undefined;
    checking ??= (async () => {
      const started = Date.now();
      try {
        const v = await readDataVersion(shared.db);
        if (seenVersion !== undefined && v !== seenVersion) clear();
        seenVersion = v;
        checkedAt = started;
      } catch (err) {
        app.log.warn({ err }, 'public cache: data version unreadable; cache cleared');
        clear();
      } finally {
        checking = undefined;
      }
    })();
    return checking;
  };

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || req.actor.kind !== 'public' || !req.routeOptions.config.publicCache) return;
    await freshen();
    req.microCacheEpoch = epoch;
    const hit = entries.get(keyOf(req));
    if (!hit) return;
    if (Date.now() - hit.at > ttl) { entries.delete(keyOf(req)); return; }
    reply.headers(hit.headers).header('x-cache', 'hit');
    // A revisit that holds this copy gets a 304, as it would from the route itself.
    if (hit.headers.etag && req.headers['if-none-match'] === hit.headers.etag) return reply.code(304).send();
    return reply.send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET') {
      if (reply.statusCode < 400) {
        clear();
        // The handler's transaction has committed: tell the other processes (their caches clear within CHECK_MS).
        if (shared) await bumpDataVersion(shared.db).catch((err: unknown) => req.log.warn({ err }, 'public cache: data version not bumped'));
      }
      return payload;
    }
    if (req.actor.kind !== 'public' || !req.routeOptions.config.publicCache || reply.statusCode !== 200 || typeof payload !== 'string' || reply.getHeader('x-cache')) return payload;
    if (req.microCacheEpoch !== epoch) return payload; // read before a clear: may be stale already
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    const etag = reply.getHeader('etag');
    const vary = reply.getHeader('vary');
    const link = reply.getHeader('link'); // a list's rel="next" (its cursor)
    entries.set(keyOf(req), { at: Date.now(), body: Buffer.from(payload), // encoded once, sent many times
       headers: { 'content-type': String(reply.getHeader('content-type')), 'cache-control': String(reply.getHeader('cache-control') ?? 'public, max-age=30'), ...(etag ? { etag: String(etag) } : {}), ...(vary ? { vary: String(vary) } : {}), ...(link ? { link: String(link) } : {}) } });
    return payload;
  });
}
