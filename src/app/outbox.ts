// Transactional outbox: a command appends an event in its own transaction; the worker runs the handlers after
// commit. Event names and payloads come from one typed map; handlers are registered explicitly at start-up.
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { query, type Db, type Queryable } from './db.js';

export type OutboxEvents = {
  'invitation.created': { entityId: string; email: string; token: string };
  'password.reset_requested': { userId: string; email: string; fullName: string; token: string; expiresAt: string };
  'entity.approved': { entityId: string };
  'entity.refused': { entityId: string; reason: string };
  'certificate.issued': { certificateId: string; number: string; productId: string; entityId: string; stars: number; replacesNumber: string | null };
  'certificate.revoked': { certificateId: string; number: string; productId: string; entityId: string; ground: string };
};
export type EventName = keyof OutboxEvents;
export type Handler<E extends EventName> = (payload: OutboxEvents[E], db: Db, log: FastifyBaseLogger) => Promise<void>;

export async function enqueue<E extends EventName>(tx: Queryable, event: E, payload: OutboxEvents[E]): Promise<void> {
  await tx.execute(sql`INSERT INTO outbox (event, payload) VALUES (${event}, ${JSON.stringify(payload)}::jsonb)`);
}

export class OutboxWorker {
  private handlers = new Map<string, Handler<EventName>[]>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private db: Db, private log: FastifyBaseLogger) {}

  on<E extends EventName>(event: E, handler: Handler<E>): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler as unknown as Handler<EventName>]);
    return this;
  }

  /** Processes pending events once; returns how many were handled. */
  async drain(batch = 50): Promise<number> {
    const rows = (await query<{ id: number; event: EventName; payload: never; attempts: number }>(this.db, sql`
      SELECT id, event, payload, attempts FROM outbox WHERE processed_at IS NULL AND attempts < 5 ORDER BY id LIMIT ${batch}`));
    for (const row of rows) {
      try {
        for (const h of this.handlers.get(row.event) ?? []) await h(row.payload, this.db, this.log);
        await this.db.execute(sql`UPDATE outbox SET processed_at = now(), attempts = attempts + 1 WHERE id = ${row.id}`);
      } catch (err) {
        this.log.error({ err, event: row.event, id: row.id }, 'outbox handler failed');
        await this.db.execute(sql`UPDATE outbox SET attempts = attempts + 1, last_error = ${String(err)} WHERE id = ${row.id}`);
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
