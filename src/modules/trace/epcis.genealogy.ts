// Genealogy: the identifiers a lot or item comes from (back) and goes into (forward) across transformations and
// aggregations, found hop by hop through the identifier index, then every event naming any of them.
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import type { ReadScope } from './epcis.policy.js';
import { textArray, type StoredEventRow } from './epcis.repo.js';
import { visibility } from './epcis.query.js';

export type Direction = 'back' | 'forward' | 'both';
export type Relation = 'self' | 'input' | 'output' | 'parent' | 'child';
export type Related = { epc: string; relation: Relation; depth: number; via: string | null };

/** How far a chain is followed, and how many identifiers it may gather: a bound on one request's cost. */
export const MAX_DEPTH = 25;
export const MAX_IDENTIFIERS = 2000;
export const MAX_EVENTS = 5000;

const INSTANCE_ROLES = { input: ['input', 'inputClass'], output: ['output', 'outputClass'] };

/** One hop: for each known identifier, what the transformations and aggregations naming it link it to. Back: the
 * inputs of what produced it, the contents of what it is a parent of; forward: the outputs of what consumed it, the
 * parent it was packed into. */
async function hop(db: Queryable, frontier: string[], dir: 'back' | 'forward', scope: ReadScope) {
  const fromRoles = dir === 'back' ? [...INSTANCE_ROLES.output, 'parent'] : [...INSTANCE_ROLES.input, 'child', 'childClass'];
  return query<{ from_epc: string; from_role: string; epc: string; role: string; event_id: string }>(db, sql`
    SELECT f.epc AS from_epc, f.role AS from_role, t.epc, t.role, e.event_id
    FROM epcis_event_epc f
    JOIN epcis_event e ON e.seq = f.event_seq AND e.event_type IN ('TransformationEvent', 'AggregationEvent') AND NOT e.has_error_declaration
    JOIN epcis_event_epc t ON t.event_seq = f.event_seq
    WHERE f.epc = ANY(${textArray(frontier)}) AND f.role = ANY(${textArray(fromRoles)}) AND ${visibility(scope)}
      AND t.role = ANY(${dir === 'back' ? sql`ARRAY['input','inputClass','child','childClass']` : sql`ARRAY['output','outputClass','parent']`}::text[])
      AND NOT (e.event_type = 'AggregationEvent' AND e.action = 'DELETE')`);
}

function relationOf(role: string): Relation {
  if (role.startsWith('input')) return 'input';
  if (role.startsWith('output')) return 'output';
  if (role === 'parent') return 'parent';
  return 'child';
}

export async function genealogy(db: Queryable, start: string, direction: Direction, scope: ReadScope): Promise<{ identifiers: Related[]; events: StoredEventRow[]; truncated: boolean }> {
  const found = new Map<string, Related>([[start, { epc: start, relation: 'self', depth: 0, via: null }]]);
  let truncated = false;
  for (const dir of direction === 'both' ? (['back', 'forward'] as const) : [direction]) {
    let frontier = [start];
    for (let depth = 1; depth <= MAX_DEPTH && frontier.length; depth++) {
      const next: string[] = [];
      for (const r of await hop(db, frontier, dir, scope)) {
        if (found.has(r.epc)) continue;
        if (found.size >= MAX_IDENTIFIERS) { truncated = true; break; }
        found.set(r.epc, { epc: r.epc, relation: relationOf(r.role), depth: dir === 'back' ? -depth : depth, via: r.event_id });
        next.push(r.epc);
      }
      frontier = next;
    }
  }
  const epcs = [...found.keys()];
  const events = await query<StoredEventRow>(db, sql`
    SELECT e.* FROM epcis_event e
    WHERE e.seq IN (SELECT x.event_seq FROM epcis_event_epc x WHERE x.epc = ANY(${textArray(epcs)})) AND ${visibility(scope)}
    ORDER BY e.event_time, e.seq LIMIT ${MAX_EVENTS + 1}`);
  if (events.length > MAX_EVENTS) { truncated = true; events.length = MAX_EVENTS; }
  return { identifiers: [...found.values()], events, truncated };
}
