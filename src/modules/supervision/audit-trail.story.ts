// A certificate's whole story on one page: the certificate and the ones it replaced or that replaced it, the product and
// its entity, every dossier of the product with its dates and decision, the council sessions that scored it (members'
// totals after the session closed), the revocation, and the audit trail of the certificate and the dossiers. Queries
// only. Inspections and complaints are the supervision module's other parts (inspections.*, reports.*).
import { sql } from 'drizzle-orm';
import { readAudit } from '../../app/audit.js';
import { query, type Queryable } from '../../app/db.js';
import { redact } from './audit-trail.rules.js';

type CertRow = {
  id: string; number: string; product_id: string; entity_id: string; province_code: string; stars: number; kind: string; authority: string; decision_number: string;
  decided_on: string; issued_on: string; expires_on: string; status: string; score: number | null; replaces_id: string | null; replaced_by_id: string | null;
  revocation_ground: string | null; revocation_ground_found_on: string | null; revocation_decision_number: string | null; revoked_on: string | null;
  revocation_authority: string | null; revocation_note: string | null; revocation_deadline_on: string | null; revocation_days_late: number | null;
  product_name: string; product_code: string; entity_name: string; province_name: string | null;
};

const day = (c: string) => sql.raw(`to_char(${c}, 'YYYY-MM-DD') AS ${c.split('.').pop()}`);

export async function certificateByNumber(db: Queryable, number: string): Promise<CertRow | undefined> {
  const [row] = await query<CertRow>(db, sql`
    SELECT c.id, c.number, c.product_id, c.entity_id, c.province_code, c.stars, c.kind, c.authority, c.decision_number, ${day('c.decided_on')}, ${day('c.issued_on')},
      ${day('c.expires_on')}, c.status, c.score::float AS score, c.replaces_id, c.replaced_by_id, c.revocation_ground, ${day('c.revocation_ground_found_on')},
      c.revocation_decision_number, ${day('c.revoked_on')}, c.revocation_authority, c.revocation_note, ${day('c.revocation_deadline_on')}, c.revocation_days_late,
      p.name AS product_name, p.code AS product_code, e.name AS entity_name, pv.name AS province_name
    FROM certificate c JOIN product p ON p.id = c.product_id JOIN entity e ON e.id = c.entity_id LEFT JOIN province pv ON pv.code = c.province_code
    WHERE c.number = ${number}`);
  return row;
}

/** The inspections of the certificate's product (inspections.*): when, why, the conclusion and its corrective actions. */
export async function inspectionsOf(db: Queryable, cert: { id: string; productId: string }): Promise<{ available: boolean; items: unknown[] }> {
  const items = await query<Record<string, unknown>>(db, sql`
    SELECT i.id, i.status, i.level, i.reasons, to_char(i.due_on, 'YYYY-MM-DD') AS "dueOn", to_char(i.inspected_on, 'YYYY-MM-DD') AS "inspectedOn", i.findings, i.conclusion,
      to_char(i.concluded_on, 'YYYY-MM-DD') AS "concludedOn", i.revocation_ground AS "revocationGround", i.lab_result AS "labResult", (i.certificate_id = ${cert.id}::uuid) AS "thisCertificate",
      (SELECT count(*)::int FROM corrective_action a WHERE a.inspection_id = i.id) AS "correctiveActions",
      (SELECT count(*)::int FROM corrective_action a WHERE a.inspection_id = i.id AND a.status = 'open') AS "openActions"
    FROM inspection i WHERE i.product_id = ${cert.productId}::uuid ORDER BY i.due_on, i.created_at LIMIT 200`);
  return { available: true, items };
}
/** Consumer reports and complaints about the product (reports.*): reference, category, status and dates — never the
 * reporter's contact. */
export async function complaintsOf(db: Queryable, cert: { id: string; productId: string }): Promise<{ available: boolean; items: unknown[] }> {
  const items = await query<Record<string, unknown>>(db, sql`
    SELECT r.reference, r.category, r.status, r.source, r.lot, to_json(r.created_at) #>> '{}' AS "createdAt", to_char(r.sla_due_on, 'YYYY-MM-DD') AS "slaDueOn",
      to_json(r.closed_at) #>> '{}' AS "closedAt", r.inspection_id AS "inspectionId", (r.duplicate_of IS NOT NULL) AS duplicate, r.resolution
    FROM report r WHERE r.product_id = ${cert.productId}::uuid ORDER BY r.created_at LIMIT 200`);
  return { available: true, items };
}

export async function certificateStory(db: Queryable, c: CertRow) {
  const chain = await query<{ number: string; stars: number; issued_on: string; status: string; kind: string }>(db, sql`
    SELECT number, stars, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, status, kind FROM certificate WHERE product_id = ${c.product_id}::uuid ORDER BY issued_on, created_at`);
  const dossiers = await query<{
    id: string; number: string; type: string; status: string; stars: number | null; certificate_number: string | null; submitted_on: string | null; commune_due_on: string | null;
    commune_reviewed_at: string | null; forwarded_on: string | null; province_received_on: string | null; rerating_due_on: string | null; decision: unknown; rejection: unknown;
    province_result: { mean: number; stars: number } | null; central_result: { mean: number; stars: number } | null;
  }>(db, sql`
    SELECT id, number, type, status, stars, certificate_number, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on, to_char(commune_due_on, 'YYYY-MM-DD') AS commune_due_on,
      commune_review->>'reviewedAt' AS commune_reviewed_at, to_char(forwarded_on, 'YYYY-MM-DD') AS forwarded_on, to_char(province_received_on, 'YYYY-MM-DD') AS province_received_on,
      to_char(rerating_due_on, 'YYYY-MM-DD') AS rerating_due_on, decision, rejection, province_result, central_result
    FROM dossier WHERE product_id = ${c.product_id}::uuid ORDER BY created_at`);
  const sessions = await query<{ item_id: string; dossier_id: string; session_id: string; title: string; scheduled_on: string; council_name: string; level: string; mean: number; stars: number; spread: number; rescore_round: number }>(db, sql`
    SELECT si.id AS item_id, si.dossier_id, s.id AS session_id, s.title, to_char(s.scheduled_on, 'YYYY-MM-DD') AS scheduled_on, co.name AS council_name, co.level,
      (si.result->>'mean')::float AS mean, (si.result->>'stars')::int AS stars, (si.result->>'spread')::float AS spread, si.rescore_round
    FROM session_item si JOIN council_session s ON s.id = si.session_id JOIN council co ON co.id = s.council_id JOIN dossier d ON d.id = si.dossier_id
    WHERE d.product_id = ${c.product_id}::uuid AND s.status = 'closed' ORDER BY s.scheduled_on`);
  const scores = await query<{ item_id: string; full_name: string; total: number; round: number }>(db, sql`
    SELECT ms.item_id, u.full_name, ms.total::float AS total, ms.round FROM member_score ms JOIN app_user u ON u.id = ms.user_id
    JOIN session_item si ON si.id = ms.item_id JOIN council_session s ON s.id = si.session_id JOIN dossier d ON d.id = si.dossier_id
    WHERE d.product_id = ${c.product_id}::uuid AND s.status = 'closed' AND ms.status = 'submitted' ORDER BY u.full_name`);
  const audit = (await Promise.all([readAudit(db, 'certificate', c.id), ...dossiers.map((d) => readAudit(db, 'dossier', d.id))])).flat()
    .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id).slice(0, 500)
    .map((a) => ({ ...a, before: redact(a.before), after: redact(a.after) }));
  return { chain, dossiers, sessions: sessions.map((s) => ({ ...s, scores: scores.filter((x) => x.item_id === s.item_id) })), audit };
}
