// Who hears of an event, and the facts its message names. Reads across modules (notifications sits left of registry
// and scoring in the module graph: it may read their tables in SQL, never write them, never import them).
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';

export type Recipient = { id: string; email: string; fullName: string };

const people = (db: Queryable, where: ReturnType<typeof sql>) =>
  query<Recipient>(db, sql`SELECT id, email, full_name AS "fullName" FROM app_user u WHERE u.active AND ${where} ORDER BY u.created_at, u.id`);

/** The accounts of an entity (its producers). */
export const entityMembers = (db: Queryable, entityId: string) => people(db, sql`u.role = 'entity' AND u.entity_id = ${entityId}`);
/** The province office holding a province's dossiers. */
export const provinceOfficers = (db: Queryable, provinceCode: string) => people(db, sql`u.role = 'province' AND u.province_code = ${provinceCode}`);
/** The Ministry's office (the central council's dossiers). */
export const centralOfficers = (db: Queryable) => people(db, sql`u.role = 'central'`);
/** The active members of a council. */
export const councilMembers = (db: Queryable, councilId: string) =>
  people(db, sql`u.id IN (SELECT user_id FROM council_member WHERE council_id = ${councilId} AND active)`);
export const usersByIds = (db: Queryable, ids: string[]) =>
  ids.length ? people(db, sql`u.id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`) : Promise.resolve([]);

export async function entityFacts(db: Queryable, entityId: string) {
  const [row] = await query<{ name: string }>(db, sql`SELECT name FROM entity WHERE id = ${entityId}`);
  return row;
}

export async function dossierFacts(db: Queryable, dossierId: string) {
  const [row] = await query<{ id: string; number: string; entityId: string; entityName: string; productName: string; provinceCode: string }>(db, sql`
    SELECT d.id, d.number, d.entity_id AS "entityId", e.name AS "entityName", p.name AS "productName", d.province_code AS "provinceCode"
    FROM dossier d JOIN entity e ON e.id = d.entity_id JOIN product p ON p.id = d.product_id WHERE d.id = ${dossierId}`);
  return row;
}

export async function sessionFacts(db: Queryable, sessionId: string) {
  const [row] = await query<{ id: string; title: string; councilName: string; scheduledOn: string; location: string | null; mode: string }>(db, sql`
    SELECT s.id, s.title, c.name AS "councilName", s.scheduled_on::text AS "scheduledOn", s.location, s.mode
    FROM council_session s JOIN council c ON c.id = s.council_id WHERE s.id = ${sessionId}`);
  return row;
}

export async function sessionItemProduct(db: Queryable, itemId: string) {
  const [row] = await query<{ productName: string }>(db, sql`
    SELECT p.name AS "productName" FROM session_item i JOIN dossier d ON d.id = i.dossier_id JOIN product p ON p.id = d.product_id WHERE i.id = ${itemId}`);
  return row;
}

export async function certificateFacts(db: Queryable, certificateId: string) {
  const [row] = await query<{ number: string; productId: string; entityId: string; productName: string; stars: number }>(db, sql`
    SELECT c.number, c.product_id AS "productId", c.entity_id AS "entityId", p.name AS "productName", c.stars
    FROM certificate c JOIN product p ON p.id = c.product_id WHERE c.id = ${certificateId}`);
  return row;
}
