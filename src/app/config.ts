// Everything the server reads from its environment, parsed once.
import { resolve } from 'node:path';

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
  publicUrl: string;
  maxUploadBytes: number;
  /** Seconds a public catalogue response may be served from the in-process micro-cache (0 turns it off). */
  publicCacheSeconds: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.OCOP_DATA_DIR ?? 'var');
  const port = Number(env.PORT ?? 3000);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    demo: env.OCOP_DEMO !== '0',
    adminEmail: env.OCOP_ADMIN_EMAIL || undefined,
    adminPassword: env.OCOP_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: env.OCOP_PUBLIC_URL ?? `http://localhost:${port}`,
    maxUploadBytes: Number(env.OCOP_MAX_UPLOAD_BYTES ?? 10 * 1024 * 1024),
    publicCacheSeconds: Number(env.OCOP_PUBLIC_CACHE_SECONDS ?? 10),
  };
}
