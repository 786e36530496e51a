// The to-do lists' queries: one per kind of item, over the scope the policy gives (todo.policy.ts). Each returns at
// most `limit` rows in its own order and a count capped at TODO_COUNT_CAP, so a national office's list costs the same
// as a commune's: the filters ride the scope indexes (0004, 0015) and nothing is counted past the cap.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { addDays } from './certificates.rules.js';
import { currentDue } from './dossiers.repo.js';
import { RULES } from './rules.data.js';
import type { TodoScope, TodoSource } from './todo.policy.js';
import type { TodoKind, TodoRow } from './todo.rules.js';

export const TODO_COUNT_CAP = 1000;
/** How far back an inspector's list reaches for revocations and new certificates; how far ahead a producer's for
 * documents about to expire. */
const RECENT_DAYS = 90;
const DOCUMENT_NOTICE_DAYS = 60;

type Query = { cols: SQL; from: SQL; order: SQL };
const and = (...parts: (SQL | undefined)[]) => sql.join(parts.filter((p): p is SQL => p !== undefined), sql` AND `);

function dossierScope(s: TodoScope): SQL | undefined {
  if (s.entityId) return sql`dossier.entity_id = ${s.entityId}`;
  if (s.communeCode) return sql`dossier.commune_code = ${s.communeCode}`;
  if (s.provinceCode) return sql`dossier.province_code = ${s.provinceCode}`;
  return undefined;
}
const OPEN = sql`('certified','not_recognised','rejected')`;

function dossiers(where: SQL, detail: SQL = sql`NULL::text`): Query {
  return {
    cols: sql`dossier.id::text AS ref, product.name AS subject, dossier.number AS number, (${currentDue})::text AS "dueOn", pr.full_name AS "provinceName",
      cm.full_name AS "communeName", ${detail} AS detail, dossier.status AS status, dossier.submitted_on::text AS at`,
    from: sql`FROM dossier JOIN product ON product.id = dossier.product_id JOIN province pr ON pr.code = dossier.province_code
      JOIN commune cm ON cm.code = dossier.commune_code WHERE ${where}`,
    order: sql`"dueOn" ASC NULLS LAST, dossier.submitted_on ASC NULLS LAST, dossier.id`,
  };
}

function certificates(where: SQL, order: SQL, due: SQL = sql`NULL::text`, at: SQL = sql`NULL::text`, ref: SQL = sql`certificate.number`, join: SQL = sql``): Query {
  return {
    cols: sql`${ref} AS ref, product.name AS subject, certificate.number AS number, ${due} AS "dueOn", pr.full_name AS "provinceName", cm.full_name AS "communeName",
      NULL::text AS detail, certificate.status AS status, ${at} AS at, certificate.expires_on::text AS "expiresOn"`,
    from: sql`FROM certificate JOIN product ON product.id = certificate.product_id JOIN province pr ON pr.code = certificate.province_code
      LEFT JOIN commune cm ON cm.code = product.commune_code ${join} WHERE ${where}`,
    order,
  };
}

const certificateScope = (s: TodoScope) =>
  s.entityId ? sql`certificate.entity_id = ${s.entityId}` : s.provinceCode ? sql`certificate.province_code = ${s.provinceCode}` : undefined;

const entityScope = (s: TodoScope) =>
  s.entityId ? sql`entity.id = ${s.entityId}` : s.communeCode ? sql`entity.commune_code = ${s.communeCode}` : s.provinceCode ? sql`entity.province_code = ${s.provinceCode}` : undefined;

function entities(where: SQL): Query {
  return {
    cols: sql`entity.id::text AS ref, entity.name AS subject, NULL::text AS number, NULL::text AS "dueOn", pr.full_name AS "provinceName", cm.full_name AS "communeName",
      entity.status_reason AS detail, entity.status AS status, (entity.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS at`,
    from: sql`FROM entity JOIN province pr ON pr.code = entity.province_code JOIN commune cm ON cm.code = entity.commune_code WHERE ${where}`,
    order: sql`entity.created_at, entity.id`,
  };
}

/** A dossier not yet on a session that is still to be held: the office still has to put it on one. */
const notOnSession = sql`NOT EXISTS (SELECT 1 FROM session_item si JOIN council_session s ON s.id = si.session_id WHERE si.dossier_id = dossier.id AND s.status <> 'closed')`;
/** The latest return's reasons, for the producer to read on the list. */
const lastReturnReasons = sql`(SELECT array_to_string(ARRAY(SELECT jsonb_array_elements_text(r.reasons)), '; ') FROM dossier_return r
  WHERE r.dossier_id = dossier.id ORDER BY r.returned_at DESC LIMIT 1)`;
const hasFiles = sql`EXISTS (SELECT 1 FROM dossier_file f WHERE f.dossier_id = dossier.id)`;

function sourceQuery(kind: TodoKind, s: TodoScope, today: string): Query {
  const central = s.level === 'central';
  switch (kind) {
    case 'commune_review': return dossiers(and(sql`dossier.status = 'submitted'`, dossierScope(s)));
    case 'commune_forward': return dossiers(and(sql`dossier.status = 'commune_reviewed'`, dossierScope(s)));
    case 'dossier_accept': return dossiers(and(sql`dossier.status = ${central ? 'sent_to_central' : 'forwarded'}`, dossierScope(s)));
    case 'dossier_schedule': return dossiers(and(sql`dossier.status = ${central ? 'central_advisory' : 'advisory_review'}`, notOnSession, dossierScope(s)));
    case 'dossier_decide': return dossiers(central
      ? sql`dossier.status = 'central_scored' AND (dossier.central_result->>'stars')::int = 5`
      : and(sql`(dossier.status = 'scored' OR (dossier.status = 'central_scored' AND (dossier.central_result->>'stars')::int <> 5))`, dossierScope(s)));
    case 'advisory_review': return dossiers(central
      ? sql`dossier.status = 'central_advisory' AND dossier.central_advisory IS NULL`
      : and(sql`dossier.status = 'advisory_review' AND dossier.advisory_review IS NULL`, dossierScope(s)));
    case 'dossier_returned': return dossiers(and(sql`dossier.status = 'returned'`, dossierScope(s)), lastReturnReasons);
    case 'dossier_missing_files': return dossiers(and(sql`dossier.status = 'draft' AND NOT ${hasFiles}`, dossierScope(s)));
    case 'dossier_draft': return dossiers(and(sql`dossier.status = 'draft' AND ${hasFiles}`, dossierScope(s)));
    case 'entity_pending': return entities(and(sql`entity.status = 'pending'`, entityScope(s)));
    case 'entity_status': return entities(and(sql`entity.status <> 'approved'`, entityScope(s)));
    case 'rerating_window': {
      // Điều 7.6.a: filed from 180 to 120 days before expiry; after that (up to the expiry) it is late (Điều 12.3).
      const closes = RULES.reRating.windowClosesDaysBeforeExpiry;
      return certificates(and(sql`certificate.status = 'valid' AND certificate.expires_on >= ${today}::date`,
        sql`certificate.expires_on <= ${addDays(today, RULES.reRating.windowOpensDaysBeforeExpiry)}::date`, certificateScope(s),
        sql`NOT EXISTS (SELECT 1 FROM dossier WHERE dossier.product_id = certificate.product_id AND dossier.type = 'rerating' AND dossier.status NOT IN ${OPEN})`),
      sql`certificate.expires_on, certificate.number`,
      sql`(CASE WHEN certificate.expires_on - ${closes}::int >= ${today}::date THEN certificate.expires_on - ${closes}::int ELSE certificate.expires_on END)::text`,
      sql`NULL::text`, sql`certificate.product_id::text`);
    }
    case 'revocation_proposed': {
      // The authority's own: 5★ certificates for the Ministry, 3★–4★ of its province for a province office.
      const level = central ? sql`certificate.authority_level = 'central'` : and(sql`certificate.authority_level = 'province'`, certificateScope(s));
      return certificates(and(sql`rp.status = 'pending' AND certificate.status = 'valid'`, level),
        sql`rp.deadline_on, certificate.number`, sql`rp.deadline_on::text`, sql`rp.ground_found_on::text`, sql`certificate.number`, sql`JOIN revocation_proposal rp ON rp.certificate_id = certificate.id`);
    }
    case 'revocation_late': return certificates(and(sql`certificate.status = 'revoked' AND certificate.revocation_days_late > 0`, certificateScope(s)),
      sql`certificate.revoked_on DESC, certificate.number`, sql`certificate.revocation_deadline_on::text`, sql`certificate.revoked_on::text`);
    case 'revocation': return certificates(and(sql`certificate.status = 'revoked' AND COALESCE(certificate.revocation_days_late, 0) = 0`,
      sql`certificate.revoked_on >= ${addDays(today, -RECENT_DAYS)}::date`, certificateScope(s)),
    sql`certificate.revoked_on DESC, certificate.number`, sql`NULL::text`, sql`certificate.revoked_on::text`);
    case 'certificate_issued': return certificates(and(sql`certificate.status = 'valid' AND certificate.issued_on >= ${addDays(today, -RECENT_DAYS)}::date`, certificateScope(s)),
      sql`certificate.issued_on DESC, certificate.number`, sql`NULL::text`, sql`certificate.issued_on::text`);
    case 'document_expiring': return {
      cols: sql`entity.id::text AS ref, d.doc_type AS subject, d.number AS number, d.expires_on::text AS "dueOn", NULL::text AS "provinceName", NULL::text AS "communeName",
        d.issuer AS detail, NULL::text AS status, d.issued_on::text AS at`,
      from: sql`FROM entity_document d JOIN entity ON entity.id = d.entity_id WHERE ${and(entityScope(s), sql`d.expires_on <= ${addDays(today, DOCUMENT_NOTICE_DAYS)}::date`,
        sql`d.expires_on >= ${addDays(today, -365)}::date`)}`,
      order: sql`d.expires_on, d.id`,
    };
    case 'session_scoring': {
      // Open sessions where the member may score (as saveScore decides: a scoring member of the council, not its
      // secretary; present at a meeting, anyone at a written session), with an item of an entity the member has no
      // declared conflict with and no submitted score for in its current round. The deadline is the earliest of
      // its dossiers' (else the session's day).
      const me = s.userId!;
      return {
        cols: sql`s.id::text AS ref, s.title AS subject, NULL::text AS number,
          COALESCE((SELECT min(${currentDue}) FROM session_item si JOIN dossier ON dossier.id = si.dossier_id WHERE si.session_id = s.id), s.scheduled_on)::text AS "dueOn",
          pr.full_name AS "provinceName", NULL::text AS "communeName", c.name AS detail, s.status AS status, s.scheduled_on::text AS at`,
        from: sql`FROM council_session s JOIN council c ON c.id = s.council_id LEFT JOIN province pr ON pr.code = c.province_code
          WHERE s.status = 'open' AND (s.mode = 'written' OR s.present @> jsonb_build_array(${me}::text))
          AND s.council_id IN (SELECT m.council_id FROM council_member m WHERE m.user_id = ${me} AND m.team = 'council' AND m.role <> 'secretary' AND m.active)
          AND EXISTS (SELECT 1 FROM session_item si JOIN dossier ON dossier.id = si.dossier_id WHERE si.session_id = s.id AND si.result IS NULL
            AND NOT EXISTS (SELECT 1 FROM conflict_declaration cd WHERE cd.council_id = s.council_id AND cd.user_id = ${me} AND cd.entity_id = dossier.entity_id)
            AND NOT EXISTS (SELECT 1 FROM member_score ms WHERE ms.item_id = si.id AND ms.user_id = ${me} AND ms.status = 'submitted' AND ms.round = si.rescore_round))`,
        order: sql`"dueOn", s.id`,
      };
    }
  }
}

/** One kind's rows (at most `limit`) and how many there are (at most TODO_COUNT_CAP + 1: more than the cap). */
export async function listTodoSource(db: Queryable, source: TodoSource, today: string, limit: number): Promise<{ rows: TodoRow[]; count: number }> {
  const q = sourceQuery(source.kind, source.scope, today);
  const [rows, [{ n }]] = await Promise.all([
    query<Omit<TodoRow, 'kind'>>(db, sql`SELECT ${q.cols} ${q.from} ORDER BY ${q.order} LIMIT ${limit}`),
    query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (SELECT 1 ${q.from} LIMIT ${TODO_COUNT_CAP + 1}) x`),
  ]);
  return { rows: rows.map((r) => ({ ...r, kind: source.kind })), count: Number(n) };
}

/** The names of a person's scope, for the workspace header: never codes. */
export async function scopeNames(db: Queryable, s: { provinceCode: string | null; communeCode: string | null; entityId: string | null }) {
  const [row] = await query<{ provinceName: string | null; communeName: string | null; entityName: string | null }>(db, sql`SELECT
    (SELECT full_name FROM province WHERE code = COALESCE(${s.provinceCode}::text, (SELECT province_code FROM commune WHERE code = ${s.communeCode}::text))) AS "provinceName",
    (SELECT full_name FROM commune WHERE code = ${s.communeCode}::text) AS "communeName",
    (SELECT name FROM entity WHERE id = ${s.entityId}::uuid) AS "entityName"`);
  return row;
}
