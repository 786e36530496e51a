// The test harness: each test file gets its own database copied from the prepared template (see prepare.ts),
// the real server built on it, and helpers that act through the real HTTP API.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { PUBLIC, type Role } from '../src/app/actor.js';
import { loadConfig, type Config } from '../src/app/config.js';
import { openPglite, openPostgres, type Database } from '../src/app/db.js';
import { buildApp } from '../src/modules/index.js';
import { createUser } from '../src/modules/accounts/index.js';

/** The PGlite template; OCOP_TEST_TEMPLATE lets parallel checkouts keep their own. */
export const TEMPLATE_FILE = process.env.OCOP_TEST_TEMPLATE ?? 'var/test/template.tar.gz';
/** The same template with the demo data seeded (prepare.ts makes both): the browser tests and the tests that walk
 * the demo start from it instead of seeding it again each. */
export const DEMO_TEMPLATE_FILE = TEMPLATE_FILE.replace(/\.tar\.gz$/, '') + '-demo.tar.gz';
export const PASSWORD = 'correct horse battery staple';

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
export function templateDatabaseUrl(url: string) {
  const base = new URL(url).pathname.slice(1) || 'postgres';
  return { adminUrl: withDatabase(url, 'postgres'), name: `${base}_template`, demoName: `${base}_demo_template`, copyPrefix: `${base}_t_` };
}

async function freshDatabase(demo: boolean): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openPglite(undefined, new Blob([readFileSync(demo ? DEMO_TEMPLATE_FILE : TEMPLATE_FILE)]));
    return { database, drop: async () => {} };
  }
  const { adminUrl, name: plain, demoName, copyPrefix } = templateDatabaseUrl(url);
  const template = demo ? demoName : plain;
  const name = `${copyPrefix}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const database = await openPostgres(withDatabase(url, name), 4);
  return {
    database,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export type Session = { cookie: string; csrf: string; user: { id: string; entityId: string | null } };
type Json = Record<string, unknown> | unknown[];
export type Call = { method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: Json; as?: Session; headers?: Record<string, string> };

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Calls the API as `as` (or the public) through inject, with the CSRF header a browser would send. */
  call(c: Call): Promise<LightMyRequestResponse & { json<T = any>(): T }>;
  login(email: string, password?: string): Promise<Session>;
  /** Creates an account directly (a trusted fixture), then logs in as it. */
  user(role: Role, scope?: { provinceCode?: string; communeCode?: string; entityId?: string }): Promise<Session>;
  close(): Promise<void>;
};

let counter = 0;

/** `overrides` adjusts the configuration (the public micro-cache is off unless a test turns it on); `demo` starts
 * from the demo data (`seedDemo`, already seeded in the demo template). */
export async function testApp(overrides: Partial<Config> = {}, { demo = false }: { demo?: boolean } = {}): Promise<TestApp> {
  const { database, drop } = await freshDatabase(demo);
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-test-'));
  const config = { ...loadConfig({}), dataDir, databaseUrl: process.env.DATABASE_URL, demo: false, publicCacheSeconds: 0, ...overrides };
  const app = await buildApp(config, database, { logger: false });
  await app.ready();

  const call: TestApp['call'] = async ({ method = 'GET', url, body, as, headers = {} }) => {
    const res = await app.inject({
      method, url, payload: body as never,
      headers: { ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrf } : {}), ...headers },
    });
    return res as never;
  };
  const login = async (email: string, password = PASSWORD): Promise<Session> => {
    const res = await call({ method: 'POST', url: '/api/v1/auth/login', body: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const json = res.json();
    return { cookie, csrf: json.csrfToken, user: json.user };
  };
  const user: TestApp['user'] = async (role, scope = {}) => {
    const email = `${role}.${++counter}.${randomBytes(3).toString('hex')}@test.ocop.vn`;
    await database.db.transaction((tx) => createUser({ actor: PUBLIC, tx, log: console as never, now: new Date() }, {
      email, fullName: `Người thử ${role} ${counter}`, password: PASSWORD, role, ...scope,
    }, { checkPolicy: false }));
    return login(email);
  };
  return {
    app, database, config, call, login, user,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid entity body in the given commune; `overrides` for the case under test. */
export function entityBody(communeCode: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'HTX Mật ong bạc hà Mèo Vạc', type: 'htx', registrationNumber: `REG-${randomBytes(4).toString('hex')}`,
    registrationDate: '2019-03-15', address: 'Thôn Tả Chải', communeCode,
    representative: { fullName: 'Sùng Thị Mỷ', sex: 'female', ethnicity: 'Mông', disability: false },
    workers: 20, localWorkers: 18, ...overrides,
  };
}

// Communes used across tests: two in Tuyên Quang (08), one in Thái Nguyên (19).
export const MEO_VAC = '00769';
export const DONG_VAN = '00721';
export const TAN_CUONG = '05503';

/** Serves the test app on a free local port (for browser tests); returns its base URL. `t.close()` stops it. */
export async function listen(t: TestApp): Promise<string> {
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return address.replace('0.0.0.0', '127.0.0.1');
}
