// Attempt budgets counted in the database, so that every server process behind a load balancer shares them (an
// in-memory limiter gives each process its own budget, and forgets it on restart). One atomic upsert per key and
// fixed window: concurrent requests each get a distinct count, so a parallel burst cannot slip past the budget.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { AppError } from '../../app/errors.js';
import type { Budget } from './accounts.rules.js';

/** What a request took from its budgets; a login that succeeds gives it back. */
export type Taken = { keyHash: string; windowStart: Date }[];

// Keys are hashed: the table never holds an e-mail or an address in clear.
const keyHash = (budget: Budget, key: string) => createHash('sha256').update(`${budget.name}|${key}`).digest('hex');

/** Counts one attempt on each budget; over any of them → 429 rate_limited (with Retry-After seconds). */
export async function takeAttempt(db: Queryable, now: Date, charges: [Budget, string][]): Promise<Taken> {
  const taken: Taken = [];
  let retryAfter = 0;
  for (const [budget, key] of charges) {
    const hash = keyHash(budget, key);
    const windowEdge = new Date(now.getTime() - budget.windowSeconds * 1000).toISOString();
    const [row] = await query<{ hits: number; window_start: string | Date }>(db, sql`
      INSERT INTO rate_limit (key_hash, window_start, hits) VALUES (${hash}, ${now.toISOString()}, 1)
      ON CONFLICT (key_hash) DO UPDATE SET
        hits = CASE WHEN rate_limit.window_start <= ${windowEdge} THEN 1 ELSE rate_limit.hits + 1 END,
        window_start = CASE WHEN rate_limit.window_start <= ${windowEdge} THEN excluded.window_start ELSE rate_limit.window_start END
      RETURNING hits, window_start`);
    const windowStart = new Date(row.window_start);
    taken.push({ keyHash: hash, windowStart });
    if (Number(row.hits) > budget.max) {
      retryAfter = Math.max(retryAfter, Math.ceil((windowStart.getTime() + budget.windowSeconds * 1000 - now.getTime()) / 1000));
    }
  }
  if (retryAfter > 0) {
    throw new AppError('rate_limited', 'rate_limited', { vi: 'Quá nhiều lần thử; hãy thử lại sau', en: 'Too many attempts; try again later' }, { retryAfter });
  }
  // Windows that ended long ago are of no use; one request in a hundred sweeps them so the table stays small.
  if (Math.random() < 0.01) await db.execute(sql`DELETE FROM rate_limit WHERE window_start < ${new Date(now.getTime() - 86_400_000).toISOString()}`);
  return taken;
}

/** Gives attempts back (a successful login), within the same window only. */
export async function giveBack(db: Queryable, taken: Taken): Promise<void> {
  for (const { keyHash: hash, windowStart } of taken) {
    await db.execute(sql`UPDATE rate_limit SET hits = greatest(hits - 1, 0) WHERE key_hash = ${hash} AND window_start = ${windowStart.toISOString()}`);
  }
}
