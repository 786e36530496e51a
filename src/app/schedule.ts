// Periodic jobs inside the server process: run once now, then every `periodMs`. The timer is unref'd so it never
// keeps a process alive on its own, a run never overlaps the previous one, a failure is logged and retried at the
// next tick, and stop() waits for a run in flight so the database can close after it.
// `oncePerDay` makes a job daily across every server process on one database (advisory lock, last run recorded).
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { bumpDataVersion } from './data-version.js';
import { query, type Database } from './db.js';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export type Scheduled = { stop(): Promise<void> };

export function schedule(name: string, periodMs: number, job: () => Promise<unknown>, log: Pick<FastifyBaseLogger, 'info' | 'error'>): Scheduled {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = job().then(
      (result) => log.info({ job: name, result }, `${name}: done`),
      (err: unknown) => log.error({ err, job: name }, `${name}: failed`),
    ).finally(() => { running = undefined; });
  };
  tick();
  const timer = setInterval(tick, periodMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

const JOB_LOCK = 7_240_227; // first half of each daily job's advisory-lock key; the second is hashtext(name)
const vietnamDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d); // yyyy-mm-dd

/**
 * Makes `job` a daily job shared by every server process on one database: a run takes a PostgreSQL advisory lock
 * (try-lock: a process that does not get it skips, another one is running it), does nothing when job_run says it
 * already ran this Việt Nam day, and records the day after a successful run. So a restart, or a second process, does
 * not run it twice the same day; schedule it more often than daily (hourly) so it runs soon after midnight. A
 * failed run records nothing and is tried again at the next tick. A finished run bumps the public data version (the
 * job may have changed what the public sees).
 */
export function oncePerDay(database: Database, name: string, job: () => Promise<unknown>, now: () => Date = () => new Date()): () => Promise<unknown> {
  return () => database.session(async (run) => {
    const key = `${JOB_LOCK}, hashtext('${name.replace(/'/g, "''")}')`;
    const [{ locked }] = await run(`SELECT pg_try_advisory_lock(${key}) AS locked`);
    if (!locked) return { skipped: 'running in another process' };
    try {
      const day = vietnamDay(now());
      const [last] = await query<{ last_day: string }>(database.db, sql`SELECT last_day::text AS last_day FROM job_run WHERE name = ${name}`);
      if (last?.last_day === day) return { skipped: `already ran on ${day}` };
      const startedAt = new Date();
      const result = await job();
      await database.db.execute(sql`
        INSERT INTO job_run (name, last_day, started_at, finished_at, result)
        VALUES (${name}, ${day}::date, ${startedAt.toISOString()}::timestamptz, now(), ${JSON.stringify(result ?? null)}::jsonb)
        ON CONFLICT (name) DO UPDATE SET last_day = excluded.last_day, started_at = excluded.started_at,
          finished_at = excluded.finished_at, result = excluded.result, runs = job_run.runs + 1`);
      await bumpDataVersion(database.db);
      return result;
    } finally {
      await run(`SELECT pg_advisory_unlock(${key})`);
    }
  });
}
