// Runs one use case in one transaction with its context: the edge opens the transaction, commands receive it.
import type { FastifyRequest } from 'fastify';
import type { Ctx } from './actor.js';
import type { Db } from './db.js';

export function inTransaction<T>(db: Db, req: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn({ actor: req.actor, tx, log: req.log, now: new Date() }));
}
