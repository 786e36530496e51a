// `ocop backup FILE` and `ocop restore FILE`: one archive (.tar.gz) holding the database and the file store.
//
//   manifest.json                 what the archive holds: each file's SHA-256 and size, row counts of every table
//   database/pglite.tar.gz        the embedded database (PGlite's data folder), or
//   database/postgresql.dump      pg_dump's custom format, for a PostgreSQL server named by DATABASE_URL
//   files/ab/ab12…                every file of the store (<dataDir>/files), named by its SHA-256
//
// Consistency: the database is dumped first, then the files are copied. The store is content-addressed and never
// deletes: a file is written (atomically) before the row that refers to it commits, and stays. So every file the
// dumped database refers to is already in the store when the copy starts; uploads that commit during the copy only
// add files the dump does not mention. On PostgreSQL the dump and the list of referenced files come from one
// exported snapshot, so the check "every referenced file is in the archive" is exact.
//
// Restore goes into an EMPTY place only (an empty data folder; with DATABASE_URL an empty database and an empty
// file store): everything is extracted to a staging folder and checked (every file's SHA-256 and size against the
// manifest and its own name, the manifest against what the archive holds) before anything is put in place; a
// missing, altered or unexpected file stops the restore with the reason, and nothing is left half restored.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '../../app/config.js';
import { openPglite } from '../../app/db.js';
import { extractTarGz, fileBody, writeTarGz, type TarSource } from './tar.js';

const FORMAT = 'ocop-backup/1';
const SHA256 = /^[0-9a-f]{64}$/;
/** The columns that refer to files in the store (registry's stored_file, scoring's dossier evidence). */
const FILE_REFERENCES = [['stored_file', 'sha256'], ['dossier_file', 'sha256']] as const;

export type Manifest = {
  format: typeof FORMAT;
  createdAt: string;
  engine: 'pglite' | 'postgresql';
  database: { path: string; sha256: string; bytes: number };
  counts: { tables: Record<string, number>; files: number; fileBytes: number };
  files: { path: string; sha256: string; bytes: number }[];
};

/** A refusal the operator must read: printed as is, exit status 1. */
export class BackupError extends Error {}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

type Sql = (text: string) => Promise<Record<string, unknown>[]>;

/** Row counts of every table of the application, and the files the rows refer to, read through one snapshot. */
async function describe(sql: Sql): Promise<{ tables: Record<string, number>; referenced: Set<string> }> {
  const names = (await sql(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)).map((r) => String(r.table_name));
  const tables: Record<string, number> = {};
  for (const name of names) tables[name] = Number((await sql(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`))[0].n);
  const referenced = new Set<string>();
  for (const [table, column] of FILE_REFERENCES) {
    if (!(table in tables)) continue;
    for (const r of await sql(`SELECT DISTINCT ${column} AS sha FROM ${table}`)) referenced.add(String(r.sha));
  }
  return { tables, referenced };
}

const sha256File = async (path: string) => {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
};

/** Every file in the store, checked against its own name (a store file whose bytes changed is reported, not copied). */
async function storeFiles(root: string): Promise<{ path: string; abs: string; sha256: string; bytes: number }[]> {
  if (!existsSync(root)) return [];
  const out = [];
  for (const prefix of (await readdir(root)).sort()) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of (await readdir(join(root, prefix))).sort()) {
      if (!SHA256.test(name)) continue; // a .tmp left by a crashed upload: not part of the store
      const abs = join(root, prefix, name);
      const sha256 = await sha256File(abs);
      if (sha256 !== name) throw new BackupError(`The file store is damaged: files/${prefix}/${name} no longer has the content its name says (SHA-256 ${sha256}). Nothing was written.`);
      out.push({ path: `files/${prefix}/${name}`, abs, sha256, bytes: (await stat(abs)).size });
    }
  }
  return out;
}

/** PostgreSQL's tools get the password through the environment, not on a command line anyone can list. */
function pgTool(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { args: [`--dbname=${u.toString()}`], env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function runTool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.on('error', (err) => reject(new BackupError(`${command} could not be started (${err.message}); install the PostgreSQL client tools`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`))));
  });
}

/** Dumps the database into `staging` and describes it from the same snapshot. */
async function dumpDatabase(config: Config, staging: string): Promise<{ path: string; abs: string; tables: Record<string, number>; referenced: Set<string> }> {
  if (!config.databaseUrl) {
    if (isEmptyDir(join(config.dataDir, 'db'))) throw new BackupError(`There is no embedded database in ${config.dataDir} (set OCOP_DATA_DIR, or DATABASE_URL for PostgreSQL). Nothing was written.`);
    const database = await openPglite(config.dataDir);
    try {
      // The command holds the only handle on the embedded database (a running server would hold it instead), so
      // nothing writes between the dump and the description.
      const dump = await database.pglite!.dumpDataDir('gzip');
      const abs = join(staging, 'pglite.tar.gz');
      await writeFile(abs, Buffer.from(await dump.arrayBuffer()));
      const described = await describe(async (text) => (await database.pglite!.query<Record<string, unknown>>(text)).rows);
      return { path: 'database/pglite.tar.gz', abs, ...described };
    } finally {
      await database.close();
    }
  }
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    // One snapshot for pg_dump and for the description: the row counts and file list are those of the dump.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0].id;
    const abs = join(staging, 'postgresql.dump');
    const tool = pgTool(config.databaseUrl);
    await runTool('pg_dump', [...tool.args, '--format=custom', `--snapshot=${snapshot}`, `--file=${abs}`], tool.env);
    const described = await describe(async (text) => (await client.query(text)).rows);
    await client.query('COMMIT');
    return { path: 'database/postgresql.dump', abs, ...described };
  } finally {
    await client.end();
  }
}

export async function backup(config: Config, file: string): Promise<Manifest> {
  const staging = await mkdtemp(join(config.dataDir, '.backup-'));
  try {
    const db = await dumpDatabase(config, staging);
    const files = await storeFiles(join(config.dataDir, 'files'));
    const have = new Set(files.map((f) => f.sha256));
    const missing = [...db.referenced].filter((sha) => !have.has(sha));
    if (missing.length) throw new BackupError(`The file store lacks ${missing.length} file(s) the database refers to (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}). Nothing was written.`);
    const manifest: Manifest = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      engine: config.databaseUrl ? 'postgresql' : 'pglite',
      database: { path: db.path, sha256: await sha256File(db.abs), bytes: (await stat(db.abs)).size },
      counts: { tables: db.tables, files: files.length, fileBytes: files.reduce((s, f) => s + f.bytes, 0) },
      files: files.map(({ path, sha256, bytes }) => ({ path, sha256, bytes })),
    };
    const json = Buffer.from(JSON.stringify(manifest, null, 1));
    const entries: TarSource[] = [
      { name: db.path, size: manifest.database.bytes, body: fileBody(db.abs) },
      ...files.map((f) => ({ name: f.path, size: f.bytes, body: fileBody(f.abs) })),
      { name: 'manifest.json', size: json.length, body: () => [json] },
    ];
    // Written next to the target, then renamed: a failed backup never leaves a truncated file under the name.
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await writeTarGz(tmp, entries);
      await rename(tmp, file);
    } finally {
      await rm(tmp, { force: true });
    }
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}


/** Checks the extracted archive against its manifest; returns the manifest. */
async function verify(staging: string, seen: Map<string, number>): Promise<Manifest> {
  if (!seen.has('manifest.json')) throw new BackupError('The archive has no manifest.json: it is not an ocop backup, or it is incomplete. Nothing was restored.');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(staging, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    throw new BackupError('manifest.json is not readable JSON. Nothing was restored.');
  }
  if (manifest.format !== FORMAT) throw new BackupError(`Unknown backup format ${JSON.stringify(manifest.format)} (expected ${FORMAT}). Nothing was restored.`);
  const problems: string[] = [];
  const expected = [{ ...manifest.database, what: 'the database dump' }, ...manifest.files.map((f) => ({ ...f, what: f.path }))];
  if (manifest.files.length !== manifest.counts.files) problems.push(`the manifest lists ${manifest.files.length} files but counts ${manifest.counts.files}`);
  for (const e of expected) {
    if (!seen.has(e.path)) { problems.push(`${e.what} is missing (${e.path})`); continue; }
    const actual = await sha256File(join(staging, e.path));
    if (actual !== e.sha256 || seen.get(e.path) !== e.bytes) problems.push(`${e.what} was altered: SHA-256 ${actual}, ${seen.get(e.path)} bytes; the manifest says ${e.sha256}, ${e.bytes} bytes`);
    else if (e.path.startsWith('files/') && e.path.split('/').pop() !== e.sha256) problems.push(`${e.path} is not named by its SHA-256`);
  }
  const listed = new Set(['manifest.json', ...expected.map((e) => e.path)]);
  for (const name of seen.keys()) if (!listed.has(name)) problems.push(`${name} is in the archive but not in the manifest`);
  if (problems.length) throw new BackupError(`The backup does not match its manifest; nothing was restored:\n  - ${problems.slice(0, 20).join('\n  - ')}${problems.length > 20 ? `\n  - … and ${problems.length - 20} more` : ''}`);
  return manifest;
}

/** After the database is restored: the same row counts as at backup time, and every referenced file present. */
function checkRestored(manifest: Manifest, found: { tables: Record<string, number>; referenced: Set<string> }) {
  const problems: string[] = [];
  for (const [table, n] of Object.entries(manifest.counts.tables)) if (found.tables[table] !== n) problems.push(`${table}: ${found.tables[table] ?? 'no table'} rows, the backup had ${n}`);
  const files = new Set(manifest.files.map((f) => f.sha256));
  for (const sha of found.referenced) if (!files.has(sha)) problems.push(`the database refers to file ${sha}, which is not in the backup`);
  if (problems.length) throw new BackupError(`The restored database does not match the backup:\n  - ${problems.slice(0, 20).join('\n  - ')}`);
}

export async function restore(config: Config, file: string): Promise<Manifest> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const filesDir = join(config.dataDir, 'files');
  const dbDir = join(config.dataDir, 'db');
  if (!isEmptyDir(filesDir)) throw new BackupError(`${filesDir} is not empty: restore goes into an empty data folder (move the old one aside first). Nothing was restored.`);
  if (!config.databaseUrl && !isEmptyDir(dbDir)) throw new BackupError(`${dbDir} is not empty: restore goes into an empty data folder (move the old one aside first). Nothing was restored.`);
  await mkdir(config.dataDir, { recursive: true });
  const staging = await mkdtemp(join(config.dataDir, '.restore-'));
  try {
    const seen = new Map<string, number>();
    try {
      await extractTarGz(file, staging, (name, size) => seen.set(name, size));
    } catch (err) {
      throw new BackupError(`${file} cannot be read as a backup archive: ${(err as Error).message}. Nothing was restored.`);
    }
    const manifest = await verify(staging, seen);
    const wantEngine = config.databaseUrl ? 'postgresql' : 'pglite';
    if (manifest.engine !== wantEngine) {
      throw new BackupError(`This backup holds a ${manifest.engine} database; restore it ${manifest.engine === 'postgresql' ? 'with DATABASE_URL naming an empty database' : 'without DATABASE_URL (into the embedded database)'}. Nothing was restored.`);
    }
    if (config.databaseUrl) await restorePostgres(config.databaseUrl, join(staging, manifest.database.path), manifest);
    else {
      const database = await openPglite(join(staging, 'pglite'), new Blob([await readFile(join(staging, manifest.database.path))]));
      try {
        checkRestored(manifest, await describe(async (text) => (await database.pglite!.query<Record<string, unknown>>(text)).rows));
      } finally {
        await database.close();
      }
    }
    // Everything checked: the files (and the embedded database) move into place by renames on one file system.
    await mkdir(join(staging, 'files'), { recursive: true });
    if (existsSync(filesDir)) await rm(filesDir, { recursive: true }); // empty, checked above
    await rename(join(staging, 'files'), filesDir);
    if (!config.databaseUrl) {
      if (existsSync(dbDir)) await rm(dbDir, { recursive: true }); // empty, checked above
      await rename(join(staging, 'pglite', 'db'), dbDir);
    }
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function restorePostgres(url: string, dump: string, manifest: Manifest) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg\\_toast%' AND s.nspname NOT LIKE 'pg\\_temp%'`);
    if (rows[0].n > 0) throw new BackupError(`The database named by DATABASE_URL is not empty (${rows[0].n} relations): restore goes into an empty database (createdb a new one). Nothing was restored.`);
    const tool = pgTool(url);
    // One transaction: a failing restore leaves the database as empty as it was.
    await runTool('pg_restore', [...tool.args, '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', dump], tool.env);
    try {
      checkRestored(manifest, await describe(async (text) => (await client.query(text)).rows));
    } catch (err) {
      throw new BackupError(`${(err as Error).message}\nThe database was written but the files were not: drop and create the database again before another try.`);
    }
  } finally {
    await client.end();
  }
}
