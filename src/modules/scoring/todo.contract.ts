// GET /me/todo: the signed-in person's to-do list, ordered by legal deadline.
import { z } from 'zod';
import { TODO_KINDS } from './todo.rules.js';

export const todoQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const todoItem = z.object({
  /** What to do: the web app words it from `todo.<kind>` (vi, en). */
  kind: z.enum(TODO_KINDS),
  /** Unique within the list (kind and record). */
  key: z.string(),
  /** The product, entity, session or document the item is about: a name, never a code. */
  subject: z.string(),
  /** A dossier's or certificate's number, a document's number. */
  number: z.string().nullable(),
  /** Where the item is handled in the app. */
  link: z.string(),
  dueOn: z.iso.date().nullable(),
  overdue: z.boolean(),
  workingDaysLeft: z.number().int().nullable(),
  provinceName: z.string().nullable(),
  communeName: z.string().nullable(),
  detail: z.string().nullable(),
  status: z.string().nullable(),
  at: z.iso.date().nullable(),
});

export const todoOut = z.object({
  today: z.iso.date(),
  /** The first `limit` items of every kind merged; `total` counts them all (each kind counted up to `countCap`). */
  items: z.array(todoItem),
  total: z.number().int(),
  capped: z.boolean(),
  countCap: z.number().int(),
  counts: z.partialRecord(z.enum(TODO_KINDS), z.number().int()),
  overdue: z.number().int(),
  scope: z.object({ provinceName: z.string().nullable(), communeName: z.string().nullable(), entityName: z.string().nullable() }),
});
export type TodoOut = z.infer<typeof todoOut>;
