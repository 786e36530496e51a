// Everything the server reads from its environment, parsed once.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { originOf } from './origin.js';

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
  /** Caps on reading an uploaded workbook: bytes its XML may inflate to (OCOP_MAX_IMPORT_INFLATED_BYTES, 50 MB),
   * rows per sheet (OCOP_MAX_IMPORT_ROWS, 20,000) and columns (OCOP_MAX_IMPORT_COLUMNS, 100). */
  importLimits: { maxInflatedBytes: number; maxRows: number; maxColumns: number };
  /** EPCIS capture limits, advertised by OPTIONS /epcis/capture: events per document (OCOP_EPCIS_CAPTURE_EVENTS,
   * 10,000) and bytes per document (OCOP_EPCIS_CAPTURE_BYTES, 20 MiB). */
  epcisCaptureLimits: { maxEvents: number; maxBytes: number };
  /** Seconds a public catalogue response may be served from the in-process micro-cache (0 turns it off). */
  publicCacheSeconds: number;
  /**
   * Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed (OCOP_TRUSTED_PROXIES,
   * comma-separated; none by default). Anything else could forge its client address and dodge the login limits.
   */
  trustedProxies: string[];
  /** SMTP server for outgoing mail (OCOP_SMTP_URL, e.g. smtp://user:pass@mail.example.vn:587); without it, .eml files under <dataDir>/mail. */
  smtpUrl: string | undefined;
  /** The From: of outgoing mail (OCOP_MAIL_FROM). */
  mailFrom: string;
  /** Origins besides the public URL's trusted to send browser writes (OCOP_ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins: string[];
  /**
   * The programme's GS1 company prefix (OCOP_GS1_PREFIX, 6–11 digits): products of entities without their own GTIN
   * are numbered under it, and locations without their own GLN. The default, 040000, is a GS1 restricted-circulation
   * prefix (GS1 General Specifications: 04 = numbers for use inside one organisation), so development and demo
   * numbers can never collide with a real trade item; production sets the prefix GS1 Vietnam licensed to the programme.
   */
  gs1Prefix: string;
};

export const DEFAULT_GS1_PREFIX = '040000';

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
    importLimits: {
      maxInflatedBytes: Number(env.OCOP_MAX_IMPORT_INFLATED_BYTES ?? 50 * 1024 * 1024),
      maxRows: Number(env.OCOP_MAX_IMPORT_ROWS ?? 20_000),
      maxColumns: Number(env.OCOP_MAX_IMPORT_COLUMNS ?? 100),
    },
    epcisCaptureLimits: {
      maxEvents: Number(env.OCOP_EPCIS_CAPTURE_EVENTS ?? 10_000),
      maxBytes: Number(env.OCOP_EPCIS_CAPTURE_BYTES ?? 20 * 1024 * 1024),
    },
    publicCacheSeconds: Number(env.OCOP_PUBLIC_CACHE_SECONDS ?? 10),
    trustedProxies: parseTrustedProxies(env.OCOP_TRUSTED_PROXIES ?? ''),
    smtpUrl: env.OCOP_SMTP_URL || undefined,
    mailFrom: env.OCOP_MAIL_FROM ?? 'OCOP <no-reply@ocop.local>',
    allowedOrigins: (env.OCOP_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
      const origin = originOf(s);
      if (!origin) throw new Error(`OCOP_ALLOWED_ORIGINS: "${s}" is not an http(s) origin`);
      return origin;
    }),
    gs1Prefix: parseGs1Prefix(env.OCOP_GS1_PREFIX ?? DEFAULT_GS1_PREFIX),
  };
}

/** `10.0.0.5, 10.1.0.0/16, ::1` → the list Fastify's trustProxy takes; a typo stops the server rather than trusting nobody silently. */
export function parseTrustedProxies(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 4 ? 32 : 128;
    if (!family || rest.length || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits))) {
      throw new Error(`OCOP_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    return entry;
  });
}

/** A GS1 company prefix is 6–11 digits (GS1 General Specifications §1.4.4); a typo stops the server rather than
 * numbering products under a wrong prefix. */
export function parseGs1Prefix(value: string): string {
  const v = value.trim();
  if (!/^\d{6,11}$/.test(v)) throw new Error(`OCOP_GS1_PREFIX: "${value}" is not a GS1 company prefix (6–11 digits)`);
  return v;
}
