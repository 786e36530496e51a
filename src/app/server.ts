// Assembles the HTTP server: infrastructure plugins, the routes it is given under /api/v1, the OpenAPI document,
// and the web app. It never imports a module: the composition root (src/modules/index.ts) passes the modules'
// authentication hook and routes in. Domain code is passed to plugins as options, never hung on decorators.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAccess } from './access.js';
import type { Config } from './config.js';
import type { Database } from './db.js';
import { registerErrorHandler } from './errors.js';
import { registerMicroCache } from './micro-cache.js';
import { rejectNulCharacters } from './input.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerJsonParser } from './json-body.js';
import { registerWebApp } from './web-app.js';
import type { ModuleDeps, ModulePlugin } from './plugin.js';

/** The built web app; OCOP_WEB_DIST points elsewhere (the same variable the Vite build reads). */
export const webDist = process.env.OCOP_WEB_DIST ? resolve(process.env.OCOP_WEB_DIST) : join(import.meta.dirname, '..', '..', 'dist', 'web');

/** What the composition root plugs into the server. */
export type ServerParts = {
  /** Adds the onRequest hook that sets `req.actor` (the accounts module's sessions and tokens). */
  authenticate: (app: FastifyInstance) => void;
  /** The modules' routes, registered under /api/v1. */
  routes: ModulePlugin;
  /** The modules' server-rendered public pages, registered at the root (before the web app's fallback). */
  pages?: ModulePlugin;
  /** Called after each successful write request (not GET/HEAD/OPTIONS, status below 400: its transaction has
   * committed), before its response is sent: the modules' exact caches clear, so the writer's next read is fresh. */
  afterWrite?: () => void;
};

export async function buildServer(config: Config, database: Database, parts: ServerParts, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'] },
    requestIdHeader: 'x-request-id',
    bodyLimit: 1024 * 1024,
    // Only the configured proxies' X-Forwarded-For sets req.ip: the login limits count per real client address.
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => { reply.header('x-request-id', req.id); });
  registerErrorHandler(app);
  rejectNulCharacters(app);
  registerSecurityHeaders(app, config.publicUrl);
  registerJsonParser(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 20, fieldSize: 10_000 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: {
      info: { title: 'OCOP information system API', version: '1', description: 'Hệ thống thông tin OCOP — Chương trình Mỗi xã một sản phẩm. Errors are application/problem+json (RFC 9457) with a code, the field path and a message in Vietnamese and English.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ocop_session' }, bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  parts.authenticate(app);
  registerAccess(app); // after authentication (it reads req.actor), before any route (it checks each declaration)
  registerMicroCache(app, config.publicCacheSeconds, database);
  const { afterWrite } = parts;
  if (afterWrite) {
    app.addHook('onSend', async (req, reply) => {
      if (reply.statusCode < 400 && req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') afterWrite();
    });
  }
  // Brotli or gzip for every text response (JSON, problem+json, HTML, SVG, XML) of 1 KB or more; types compressed
  // already (PDF, images, xlsx, zip) are left alone (mime-db's "compressible"). Registered after the micro-cache so
  // its onSend stores the plain body (and a hit is compressed for the client asking). Files served precompressed
  // (the web app's build) already carry their content-encoding and pass through untouched. Request bodies are never
  // inflated (globalDecompression off): no client of ours compresses them, and inflating is a door for bombs.
  // Answers up to 64 KB (a page of any list) are compressed in one call, their length stated: the plugin's default on
  // 2 cores streams anything over 8 KB through zlib on the thread pool, which cost a page of 20 products (21 KB) 1 ms
  // more at the median and 2-4 ms at p95 on a million products, where compressing it takes 0.1-0.2 ms.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, syncThreshold: 65536, globalDecompression: false });

  const deps: ModuleDeps = { database, config };
  await app.register(async (api) => {
    api.withTypeProvider<ZodTypeProvider>().get('/health', {
      schema: { tags: ['ops'], summary: 'Liveness and the database engine in use', response: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgresql']), time: z.string() }) } },
      config: { access: 'public' },
    }, async () => ({ status: 'ok' as const, engine: database.engine, time: new Date().toISOString() }));
    await api.register(parts.routes, deps);
  }, { prefix: '/api/v1' });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
  if (parts.pages) await app.register(parts.pages, deps);

  if (existsSync(webDist)) await registerWebApp(app, webDist);
  return app;
}
