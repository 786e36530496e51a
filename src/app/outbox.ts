// Transactional outbox: a command appends an event in its own transaction; the worker runs the handlers after
// commit. Event names and payloads come from one typed map; handlers are registered explicitly at start-up.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { query, type Db, type Queryable } from './db.js';

export type OutboxEvents = {
  'invitation.created': { entityId: string; email: string; token: string; invitedBy?: string };
  'password.reset_requested': { userId: string; email: string; fullName: string; token: string; expiresAt: string };
  'signup.email_taken': { userId: string; email: string; fullName: string };
  'entity.approved': { entityId: string };
  'entity.refused': { entityId: string; reason: string };
  'certificate.issued': { certificateId: string; number: string; productId: string; entityId: string; stars: number; replacesNumber: string | null };
  'certificate.revoked': { certificateId: string; number: string; productId: string; entityId: string; ground: string };
  // The dossier's procedure, for the notification centre (the handler reads the rest from the dossier).
  'dossier.returned': { dossierId: string; reasons: string[] };
  'dossier.forwarded': { dossierId: string };
  'dossier.accepted': { dossierId: string };
  'dossier.decided': { dossierId: string; outcome: 'sent_to_central' | 'certified' | 'not_recognised'; stars: number | null };
  'session.scheduled': { sessionId: string; councilId: string };
  'session.rescore_requested': { sessionId: string; itemId: string; round: number; reason: string; members: string[] };
  /** The daily re-rating reminder: the window (Điều 7.6.a) has opened, or closes soon. */
  'certificate.rerating_window': { certificateId: string; stage: 'opening' | 'closing'; opensOn: string; closesOn: string; expiresOn: string };
};
export type EventName = keyof OutboxEvents;
/** Which event a handler runs for: `id` keys what it must not do twice when the event is retried. */
export type EventMeta = { id: number; attempt: number };
export type Handler<E extends EventName> = (payload: OutboxEvents[E], db: Db, log: FastifyBaseLogger, event: EventMeta) => Promise<void>;

export async function enqueue<E extends EventName>(tx: Queryable, event: E, payload: OutboxEvents[E]): Promise<void> {
  await tx.execute(sql`INSERT INTO outbox (event, payload) VALUES (${event}, ${JSON.stringify(payload)}::jsonb)`);
}

/** How events are retried: a claim lasts `leaseMs` (a worker that dies loses it then), a failure waits longer each
 * time (10 s, 20 s, 40 s, … at most an hour), and after `maxAttempts` the event stays unprocessed with its error. */
export const OUTBOX_POLICY = { maxAttempts: 5, leaseMs: 5 * 60_000, backoffMs: (attempt: number) => Math.min(10_000 * 2 ** (attempt - 1), 3_600_000) };

type Claimed = { id: number; event: EventName; payload: never; attempts: number };

/**
 * Runs the handlers of pending events. Any number of workers (several server processes on one PostgreSQL) share the
 * table: a worker claims a batch in one short statement (`FOR UPDATE SKIP LOCKED`, so two workers never take the same
 * event), runs the handlers with no transaction open (a slow handler holds no lock), then marks each event processed,
 * or due again after a backoff. A processed event is never claimed again. An event runs twice only if its handler
 * outlives the lease (5 minutes) or the process dies between the handler and the mark: handlers stay idempotent.
 */
export class OutboxWorker {
  private handlers = new Map<string, Handler<EventName>[]>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Who holds a claim, for the operator reading the table. */
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  constructor(private db: Db, private log: FastifyBaseLogger, private policy = OUTBOX_POLICY) {}

  on<E extends EventName>(event: E, handler: Handler<E>): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler as unknown as Handler<EventName>]);
    return this;
  }

  /** Claims up to `batch` due events and handles them; returns how many were claimed. */
  async drain(batch = 50): Promise<number> {
    const rows = (await query<Claimed>(this.db, sql`
      UPDATE outbox SET claimed_by = ${this.id}, claimed_until = now() + ${`${this.policy.leaseMs} milliseconds`}::interval, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM outbox
        WHERE processed_at IS NULL AND attempts < ${this.policy.maxAttempts} AND next_attempt_at <= now()
          AND (claimed_until IS NULL OR claimed_until < now())
        ORDER BY id LIMIT ${batch}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, event, payload, attempts`)).sort((a, b) => Number(a.id) - Number(b.id));
    for (const row of rows) {
      try {
        for (const h of this.handlers.get(row.event) ?? []) await h(row.payload, this.db, this.log, { id: Number(row.id), attempt: row.attempts });
        await this.db.execute(sql`UPDATE outbox SET processed_at = now(), claimed_until = NULL, last_error = NULL
          WHERE id = ${row.id} AND claimed_by = ${this.id} AND processed_at IS NULL`);
      } catch (err) {
        this.log.error({ err, event: row.event, id: row.id, attempt: row.attempts }, 'outbox handler failed');
        const wait = `${this.policy.backoffMs(row.attempts)} milliseconds`;
        await this.db.execute(sql`UPDATE outbox SET claimed_until = NULL, last_error = ${String(err)}, next_attempt_at = now() + ${wait}::interval
          WHERE id = ${row.id} AND claimed_by = ${this.id} AND processed_at IS NULL`);
      }
    }
    return rows.length;
  }

  start(intervalMs = 1000): void {
    const tick = () => {
      this.running = this.drain().then(() => undefined, (err) => this.log.error({ err }, 'outbox drain failed'));
      this.running.finally(() => { if (this.timer) this.timer = setTimeout(tick, intervalMs); });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
