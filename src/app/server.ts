// Assembles the HTTP server: infrastructure plugins, the routes it is given under /api/v1, the OpenAPI document,
// and the web app. It never imports a module: the composition root (src/modules/index.ts) passes the modules'
// authentication hook and routes in. Domain code is passed to plugins as options, never hung on decorators.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAccess } from './access.js';
import type { Config } from './config.js';
import type { Database } from './db.js';
import { AppError, registerErrorHandler } from './errors.js';
import { registerMicroCache } from './micro-cache.js';
import { rejectNulCharacters } from './input.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerJsonParser } from './json-body.js';
import type { ModuleDeps, ModulePlugin } from './plugin.js';

/** The built web app; OCOP_WEB_DIST points elsewhere (the same variable the Vite build reads). */
export const webDist = process.env.OCOP_WEB_DIST ? resolve(process.env.OCOP_WEB_DIST) : join(import.meta.dirname, '..', '..', 'dist', 'web');

/** What the composition root plugs into the server. */
export type ServerParts = {
  /** Adds the onRequest hook that sets `req.actor` (the accounts module's sessions and tokens). */
  authenticate: (app: FastifyInstance) => void;
  /** The modules' routes, registered under /api/v1. */
  routes: ModulePlugin;
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

  const deps: ModuleDeps = { database, config };
  await app.register(async (api) => {
    api.withTypeProvider<ZodTypeProvider>().get('/health', {
      schema: { tags: ['ops'], summary: 'Liveness and the database engine in use', response: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgresql']), time: z.string() }) } },
      config: { access: 'public' },
    }, async () => ({ status: 'ok' as const, engine: database.engine, time: new Date().toISOString() }));
    await api.register(parts.routes, deps);
  }, { prefix: '/api/v1' });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: '1h', immutable: false });
    // The web app routes on the client: any GET that is neither an API route nor a file gets index.html (never
    // cached, so a new build's hashed assets are picked up). A catch-all route, because the error handler owns the
    // not-found handler. Unknown API paths keep their problem+json 404.
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/')) throw new AppError('not_found', 'route_not_found', { vi: 'Không tìm thấy địa chỉ này', en: 'No such route' });
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    });
  }
  return app;
}
