// The closed sessions' figures the integrity analytics read: queries only, no decisions. Every query reads CLOSED
// sessions only (a session's scores are frozen when it closes) and the submitted scores of members present.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';

export type Filter = { province?: string; level?: 'province' | 'central'; from?: string; to?: string };

/** Closed sessions of the councils in scope: a province's own council (level province), or every council nationally. */
function where(f: Filter): SQL {
  return sql`s.status = 'closed' AND si.result IS NOT NULL
    ${f.province ? sql`AND c.level = 'province' AND c.province_code = ${f.province}` : sql``}
    ${f.level ? sql`AND c.level = ${f.level}` : sql``}
    ${f.from ? sql`AND s.scheduled_on >= ${f.from}::date` : sql``}
    ${f.to ? sql`AND s.scheduled_on <= ${f.to}::date` : sql``}`;
}

export type ItemRow = {
  item_id: string; session_id: string; session_title: string; scheduled_on: string; council_id: string; council_name: string; level: 'province' | 'central';
  council_province: string | null; max_spread: number; rescore_round: number; mean: number; stars: number; spread: number; members: number;
  dossier_id: string; dossier_number: string; dossier_type: string; province_code: string; province_name: string | null; sheet: number; instrument: string;
  answers: Record<string, string>; product_id: string; product_name: string;
};

const ITEM_FIELDS = sql`si.id AS item_id, si.session_id, s.title AS session_title, to_char(s.scheduled_on, 'YYYY-MM-DD') AS scheduled_on, c.id AS council_id,
  c.name AS council_name, c.level, c.province_code AS council_province, (c.settings->>'maxSpread')::float AS max_spread, si.rescore_round,
  (si.result->>'mean')::float AS mean, (si.result->>'stars')::int AS stars, (si.result->>'spread')::float AS spread, (si.result->>'members')::int AS members,
  d.id AS dossier_id, d.number AS dossier_number, d.type AS dossier_type, d.province_code, pv.name AS province_name, d.sheet, d.instrument, d.answers,
  p.id AS product_id, p.name AS product_name`;
const ITEM_FROM = sql`session_item si JOIN council_session s ON s.id = si.session_id JOIN council c ON c.id = s.council_id
  JOIN dossier d ON d.id = si.dossier_id JOIN product p ON p.id = d.product_id LEFT JOIN province pv ON pv.code = d.province_code`;

/** Every closed product (session item) in scope with its council result. */
export function closedItems(db: Queryable, f: Filter): Promise<ItemRow[]> {
  return query<ItemRow>(db, sql`SELECT ${ITEM_FIELDS} FROM ${ITEM_FROM} WHERE ${where(f)} ORDER BY s.scheduled_on, si.session_id, si.position`);
}

export type DrillFilter = Filter & { meanFrom?: number; meanBelow?: number; member?: string; council?: string; rescored?: boolean; sheet?: number; dossierProvince?: string; stars?: number };

/** The drill-down: the closed products behind a figure (most recent first), at most `limit`. */
export async function drillItems(db: Queryable, f: DrillFilter, limit: number): Promise<{ rows: ItemRow[]; total: number }> {
  const cond = sql`${where(f)}
    ${f.meanFrom !== undefined ? sql`AND (si.result->>'mean')::float >= ${f.meanFrom}` : sql``}
    ${f.meanBelow !== undefined ? sql`AND (si.result->>'mean')::float < ${f.meanBelow}` : sql``}
    ${f.member ? sql`AND EXISTS (SELECT 1 FROM member_score ms WHERE ms.item_id = si.id AND ms.user_id = ${f.member}::uuid AND ms.status = 'submitted')` : sql``}
    ${f.council ? sql`AND c.id = ${f.council}::uuid` : sql``}
    ${f.rescored !== undefined ? (f.rescored ? sql`AND si.rescore_round > 1` : sql`AND si.rescore_round = 1`) : sql``}
    ${f.sheet !== undefined ? sql`AND d.sheet = ${f.sheet}` : sql``}
    ${f.stars !== undefined ? sql`AND (si.result->>'stars')::int = ${f.stars}` : sql``}
    ${f.dossierProvince ? sql`AND d.province_code = ${f.dossierProvince}` : sql``}`;
  const [rows, [n]] = await Promise.all([
    query<ItemRow>(db, sql`SELECT ${ITEM_FIELDS} FROM ${ITEM_FROM} WHERE ${cond} ORDER BY s.scheduled_on DESC, si.id LIMIT ${limit}`),
    query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${ITEM_FROM} WHERE ${cond}`),
  ]);
  return { rows, total: Number(n.n) };
}

export type ScoreRow = { score_id: string; item_id: string; session_id: string; council_id: string; council_name: string; user_id: string; full_name: string; total: number; first_total: number; mean: number };

/** The submitted scores of members present on the closed products in scope, each with the member's first submitted
 * total (before any re-scoring). */
export function closedScores(db: Queryable, f: Filter): Promise<ScoreRow[]> {
  return query<ScoreRow>(db, sql`
    SELECT ms.id AS score_id, ms.item_id, si.session_id, c.id AS council_id, c.name AS council_name, (si.result->>'mean')::float AS mean, ms.user_id, u.full_name, ms.total::float AS total,
      COALESCE((SELECT r.total FROM score_revision r WHERE r.score_id = ms.id AND r.action = 'submit' ORDER BY r.version LIMIT 1), ms.total)::float AS first_total
    FROM member_score ms JOIN ${ITEM_FROM} ON si.id = ms.item_id JOIN app_user u ON u.id = ms.user_id
    WHERE ${where(f)} AND ms.status = 'submitted' AND s.present @> to_jsonb(ms.user_id::text)`);
}

/** The councils on which the user sits as an active scoring member (the chair or a member of the council team). */
export async function councilsOfMember(db: Queryable, userId: string): Promise<Set<string>> {
  const rows = await query<{ council_id: string }>(db, sql`SELECT council_id FROM council_member WHERE user_id = ${userId}::uuid AND active AND team = 'council'`);
  return new Set(rows.map((r) => r.council_id));
}

export type DossierTimeRow = {
  id: string; number: string; type: 'first' | 'upgrade' | 'rerating'; status: string; province_code: string; province_name: string | null; product_name: string;
  submitted_on: string | null; commune_due_on: string | null; commune_reviewed_at: string | null; province_received_on: string | null;
  province_finish_before: string | null; rerating_due_on: string | null; sent_to_central_on: string | null; central_received_on: string | null;
  central_finish_before: string | null; decision: { level: string; decisionDate: string | null; decidedAt: string } | null;
  rejection: { stage: string; at: string } | null;
};

const d = (col: SQL) => sql`to_char(${col}, 'YYYY-MM-DD')`;

/** Filed dossiers of the province (or all), with the dates of their stages. */
export function dossierTimes(db: Queryable, province: string | undefined, period: { from?: string; to?: string }): Promise<DossierTimeRow[]> {
  return query<DossierTimeRow>(db, sql`
    SELECT d.id, d.number, d.type, d.status, d.province_code, pv.name AS province_name, p.name AS product_name,
      ${d(sql`d.submitted_on`)} AS submitted_on, ${d(sql`d.commune_due_on`)} AS commune_due_on, d.commune_review->>'reviewedAt' AS commune_reviewed_at,
      ${d(sql`d.province_received_on`)} AS province_received_on, ${d(sql`d.province_finish_before`)} AS province_finish_before,
      ${d(sql`d.rerating_due_on`)} AS rerating_due_on, ${d(sql`d.sent_to_central_on`)} AS sent_to_central_on,
      ${d(sql`d.central_received_on`)} AS central_received_on, ${d(sql`d.central_finish_before`)} AS central_finish_before, d.decision, d.rejection
    FROM dossier d JOIN product p ON p.id = d.product_id LEFT JOIN province pv ON pv.code = d.province_code
    WHERE d.submitted_on IS NOT NULL ${province ? sql`AND d.province_code = ${province}` : sql``}
      ${period.from ? sql`AND d.submitted_on >= ${period.from}::date` : sql``} ${period.to ? sql`AND d.submitted_on <= ${period.to}::date` : sql``}
    ORDER BY d.submitted_on DESC, d.id`);
}

export async function provinceNames(db: Queryable): Promise<Map<string, string>> {
  return new Map((await query<{ code: string; name: string }>(db, sql`SELECT code, name FROM province`)).map((r) => [r.code, r.name]));
}

export async function sheetNames(db: Queryable): Promise<Map<number, { vi: string; en: string }>> {
  const rows = await query<{ sheet: number; name: string; name_en: string }>(db, sql`SELECT DISTINCT ON (sheet) sheet, name, name_en FROM product_set ORDER BY sheet, instrument DESC`);
  return new Map(rows.map((r) => [Number(r.sheet), { vi: r.name, en: r.name_en }]));
}
