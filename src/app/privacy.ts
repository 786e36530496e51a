// Privacy classification (Nghị định 13/2023/NĐ-CP): every field of every record the API presents is public, internal
// (officers in scope and the entity itself) or sensitive (personal data: ethnicity, health and disability, sex,
// personal phone and identifiers…). Modules declare their records in `<m>.fields.ts`; presenters cut a record down
// to the audience with `project`, and the public-route walk reads the same declarations. Infrastructure only: no
// module is imported here.
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from './actor.js';
import type { Queryable } from './db.js';

export const FIELD_CLASSES = ['public', 'internal', 'sensitive'] as const;
export type FieldClass = (typeof FIELD_CLASSES)[number];
/** Who is reading: the public, an officer in scope or the entity itself (internal), or someone who may see it all. */
export type Audience = FieldClass;

/**
 * One record as the API presents it: each key is a field name; a nested object's fields are written `parent.child`
 * (so `representative.phone` and `contact.phone` can differ). A field's class must be the same wherever the name
 * appears within the record.
 */
export type RecordClassification = { record: string; fields: Record<string, FieldClass> };

const RANK: Record<FieldClass, number> = { public: 0, internal: 1, sensitive: 2 };
export const mayRead = (audience: Audience, cls: FieldClass) => RANK[cls] <= RANK[audience];

/** The fields of `value` the audience may read, per the classification (nested objects by their `parent.child`
 * entries). A field the classification does not know is dropped: a new column stays private until classified. */
export function project<T extends Record<string, unknown>>(c: RecordClassification, audience: Audience, value: T, prefix = ''): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = prefix + key;
    const cls = c.fields[name];
    if (!cls || !mayRead(audience, cls)) continue;
    const nested = v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && Object.keys(c.fields).some((f) => f.startsWith(`${name}.`));
    out[key] = nested ? project(c, audience, v as Record<string, unknown>, `${name}.`) : v;
  }
  return out as Partial<T>;
}

/** Whether the audience gets any sensitive field of the record (then the read is logged). */
export const readsSensitive = (c: RecordClassification, audience: Audience) =>
  audience === 'sensitive' && Object.values(c.fields).includes('sensitive');

/**
 * The names that must never reach the public: for a bare name (`ethnicity`) every place it is classified is private;
 * for a qualified one (`representative.phone`) the parent key decides. `publicNames` are the names public somewhere.
 */
export function privateNames(records: RecordClassification[]) {
  const bare = new Map<string, Set<FieldClass>>();
  const qualified = new Map<string, FieldClass>();
  for (const r of records) {
    for (const [name, cls] of Object.entries(r.fields)) {
      const parts = name.split('.');
      const leaf = parts.at(-1)!;
      if (parts.length > 1) qualified.set(parts.slice(-2).join('.'), cls);
      // A name public only under a named parent (`contact.phone`) does not make the bare name public.
      if (parts.length === 1 || cls !== 'public') bare.set(leaf, (bare.get(leaf) ?? new Set()).add(cls));
    }
  }
  return {
    /** Private under any parent: classified internal or sensitive everywhere it appears. */
    alwaysPrivate: new Set([...bare].filter(([, s]) => !s.has('public')).map(([n]) => n)),
    /** `parent.child` pairs classified private, and those classified public. */
    qualifiedPrivate: new Set([...qualified].filter(([, c]) => c !== 'public').map(([n]) => n)),
    qualifiedPublic: new Set([...qualified].filter(([, c]) => c === 'public').map(([n]) => n)),
  };
}

/** Every `path: key` in a JSON value whose key is private by `privateNames` (walks nested objects and arrays). */
export function findPrivateFields(value: unknown, names: ReturnType<typeof privateNames>): string[] {
  const found: string[] = [];
  // Iterative, so a deep document cannot overflow the stack.
  const stack: { v: unknown; path: string; parent: string }[] = [{ v: value, path: '$', parent: '' }];
  while (stack.length) {
    const { v, path, parent } = stack.pop()!;
    if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ v: x, path: `${path}[${i}]`, parent }));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const pair = `${parent}.${k}`;
        const leaks = names.qualifiedPrivate.has(pair) || (names.alwaysPrivate.has(k) && !names.qualifiedPublic.has(pair));
        if (leaks) found.push(`${path}.${k}`);
        stack.push({ v: x, path: `${path}.${k}`, parent: k });
      }
    }
  }
  return found;
}

/** Why a sensitive record was read: the route that served it. */
export type SensitiveRead = { recordType: string; recordId: string; fields: string[]; route: string; requestId: string };

/**
 * Logs one read of a record's sensitive fields by someone other than the data subject: a structured log line and a
 * row in `personal_data_access` (reads are many and kept apart from the audit trail of changes, which the record's
 * history shows). Awaited before the response is sent, so a read that cannot be logged is not served.
 */
export async function logSensitiveRead(db: Queryable, log: FastifyBaseLogger, actor: Actor, read: SensitiveRead, now = new Date()) {
  const actorId = actor.kind === 'user' ? actor.id : null;
  const actorRole = actor.kind === 'user' ? actor.role : actor.kind === 'system' ? `system:${actor.name}` : 'public';
  log.info({ event: 'personal_data_read', actorId, actorRole, recordType: read.recordType, recordId: read.recordId, fields: read.fields, route: read.route }, 'sensitive personal data read');
  await db.execute(sql`
    INSERT INTO personal_data_access (at, actor_id, actor_role, record_type, record_id, fields, route, request_id)
    VALUES (${now.toISOString()}, ${actorId}, ${actorRole}, ${read.recordType}, ${read.recordId}, ${JSON.stringify(read.fields)}::jsonb, ${read.route}, ${read.requestId})`);
}
