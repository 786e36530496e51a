// A short-lived in-process cache of public (anonymous) GET responses on the hot read paths: the catalogue search
// and lists. Each server process keeps its own copy for a few seconds at most, so the process stays stateless in
// effect; any successful write through this process clears it at once. Routes opt in with
// `config: { publicCache: true }`; the same responses carry Cache-Control so a CDN can do the same job in front.
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig { publicCache?: boolean }
}

type Entry = { at: number; body: Buffer; headers: Record<string, string> };

export function registerMicroCache(app: FastifyInstance, ttlSeconds: number, maxEntries = 2000) {
  if (ttlSeconds <= 0) return;
  const entries = new Map<string, Entry>();
  const ttl = ttlSeconds * 1000;

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || req.actor.kind !== 'public' || !req.routeOptions.config.publicCache) return;
    const hit = entries.get(req.url);
    if (!hit) return;
    if (Date.now() - hit.at > ttl) { entries.delete(req.url); return; }
    reply.headers(hit.headers).header('x-cache', 'hit');
    return reply.send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET') {
      if (reply.statusCode < 400) entries.clear();
      return payload;
    }
    if (req.actor.kind !== 'public' || !req.routeOptions.config.publicCache || reply.statusCode !== 200 || typeof payload !== 'string' || reply.getHeader('x-cache')) return payload;
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(req.url, { at: Date.now(), body: Buffer.from(payload), // encoded once, sent many times
       headers: { 'content-type': String(reply.getHeader('content-type')), 'cache-control': String(reply.getHeader('cache-control') ?? 'public, max-age=30') } });
    return payload;
  });
}
