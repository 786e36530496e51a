// Process audit: /api/v1/audit-trail (search the audit trail in one's scope, export it) and
// /api/v1/certificates/{number}/story (a certificate's whole story on one page). Inspectors and the central office
// search; a province's inspector sees that province's rows only (rows of no province — accounts, reference data — are
// national). The story is also open to the province office of the certificate's province.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actingUser } from '../../app/access.js';
import { AppError, notFound } from '../../app/errors.js';
import { encodeCursor, nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { sql } from 'drizzle-orm';
import { auditList, auditQuery, auditVocabularyOut, storyOut, storyParams } from './audit-trail.contract.js';
import { auditVocabulary, searchAudit, type AuditFilter, type AuditRow } from './audit-trail.repo.js';
import { changedFields, redact } from './audit-trail.rules.js';
import { certificateByNumber, certificateStory, complaintsOf, inspectionsOf } from './audit-trail.story.js';
import { sendTable } from './integrity.export.js';
import { councilsOfMember } from './integrity.repo.js';
import { AUDIT_ROLES, auditScope, canReadStory, STORY_ROLES } from './integrity.policy.js';
import { z } from 'zod';

const tags = ['audit'];
const EXPORT_CAP = 20_000;
const KEYS = [{ expr: sql`a.id`, kind: 'int' as const, dir: 'desc' as const }];
const outOfScope = () => new AppError('forbidden', 'out_of_scope', { vi: 'Ngoài phạm vi tỉnh của bạn', en: 'Outside your province' });

/** A member's score in the trail (its total, answers) is hidden from a reader who sits on a council themselves (the
 * central council's members are central officers): no member reads another's score here before the scoring module
 * would show it. Who scored and when stays. */
const presentAudit = (a: AuditRow, hidesScores = false) => {
  const hidden = hidesScores && a.record_type === 'member_score';
  return {
    id: String(a.id), at: a.at, actorId: a.actor_id, actorName: a.actor_name, actorRole: a.actor_role, action: a.action, recordType: a.record_type, recordId: a.record_id,
    provinceCode: a.province_code, communeCode: a.commune_code, changes: changedFields(a.before, a.after), before: hidden ? null : redact(a.before), after: hidden ? null : redact(a.after),
  };
};

export const auditTrailRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/audit-trail', { config: { access: AUDIT_ROLES }, schema: { tags, querystring: auditQuery, response: { 200: auditList }, summary: 'Search the audit trail in one\'s scope (who changed what and when): by record type and id, user, action (or family: "dossier"), period; newest first, keyset-paged (nextCursor); ?format=csv|xlsx exports every match (at most 20,000 rows). Secrets and sensitive personal data in before/after are masked' } }, async (req, reply) => {
    const q = req.query;
    const scope = auditScope(req.actor, q.province);
    if (!scope.ok) throw outOfScope();
    const actor = actingUser(req);
    const hidesScores = actor.role === 'central' && (await councilsOfMember(db, actor.id)).size > 0;
    const f: AuditFilter = { province: scope.province, recordType: q.recordType, recordId: q.recordId, user: q.user, action: q.action, from: q.from, to: q.to };
    if (q.format === 'csv' || q.format === 'xlsx') {
      const rows = [];
      for (let after: string | undefined; rows.length < EXPORT_CAP;) {
        const page = await searchAudit(db, f, 1000, after);
        rows.push(...page);
        if (page.length < 1000) break;
        after = page[page.length - 1].id;
      }
      return sendTable(reply, 'nhat-ky', [
        { key: 'at', vi: 'Thời điểm (UTC)', en: 'Time (UTC)', width: 24 }, { key: 'actorName', vi: 'Người thực hiện', en: 'By', width: 28 }, { key: 'actorRole', vi: 'Vai trò', en: 'Role' },
        { key: 'action', vi: 'Thao tác', en: 'Action', width: 24 }, { key: 'recordType', vi: 'Loại bản ghi', en: 'Record type' }, { key: 'recordId', vi: 'Mã bản ghi', en: 'Record id', width: 38 },
        { key: 'provinceCode', vi: 'Tỉnh', en: 'Province' }, { key: 'communeCode', vi: 'Xã', en: 'Commune' }, { key: 'changes', vi: 'Trường thay đổi', en: 'Fields changed', width: 40 },
      ], rows.slice(0, EXPORT_CAP).map((a) => ({ ...presentAudit(a, hidesScores), before: null, after: null, changes: changedFields(a.before, a.after).join(', ') })), q.format, q.lang);
    }
    const cursor = readCursor({ cursor: q.cursor, sort: '' }, 'audit', KEYS);
    const found = await searchAudit(db, f, q.pageSize + 1, cursor?.[0] ?? undefined);
    const rows = found.slice(0, q.pageSize);
    const nextCursor = found.length > q.pageSize ? encodeCursor('audit', '', [rows[rows.length - 1].id]) : null;
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return { items: rows.map((a) => presentAudit(a, hidesScores)), nextCursor, pageSize: q.pageSize };
  });

  r.get('/audit-trail/vocabulary', { config: { access: AUDIT_ROLES }, schema: { tags, querystring: z.strictObject({ province: z.string().regex(/^\d{2}$/).optional() }), response: { 200: auditVocabularyOut }, summary: 'The record types and actions found in the trail in one\'s scope (the search form\'s choices)' } }, async (req) => {
    const scope = auditScope(req.actor, req.query.province);
    if (!scope.ok) throw outOfScope();
    return auditVocabulary(db, scope.province);
  });

  r.get('/certificates/:number/story', { config: { access: STORY_ROLES }, schema: { tags, params: storyParams, response: { 200: storyOut }, summary: 'A certificate\'s whole story: the certificate and its predecessors, every dossier of the product with its dates and decision, the closed council sessions and members\' totals, the revocation, inspections and complaints, and the audit trail of the certificate and its dossiers' } }, async (req) => {
    const c = await certificateByNumber(db, req.params.number);
    // Out of scope reads as absent: the number alone says nothing about a certificate elsewhere.
    if (!c || !canReadStory(req.actor, c.province_code)) throw notFound('certificate', 'giấy chứng nhận');
    const story = await certificateStory(db, c);
    const ref = { id: c.id, productId: c.product_id };
    const [inspections, complaints] = await Promise.all([inspectionsOf(db, ref), complaintsOf(db, ref)]);
    return {
      certificate: {
        id: c.id, number: c.number, stars: Number(c.stars), kind: c.kind, status: c.status, authority: c.authority, decisionNumber: c.decision_number, decidedOn: c.decided_on,
        issuedOn: c.issued_on, expiresOn: c.expires_on, score: c.score === null ? null : Number(c.score), provinceCode: c.province_code, provinceName: c.province_name,
        product: { id: c.product_id, name: c.product_name, code: c.product_code }, entity: { id: c.entity_id, name: c.entity_name },
      },
      chain: story.chain.map((x) => ({ number: x.number, stars: Number(x.stars), issuedOn: x.issued_on, status: x.status, kind: x.kind })),
      dossiers: story.dossiers.map((d) => ({
        id: d.id, number: d.number, type: d.type, status: d.status, stars: d.stars === null ? null : Number(d.stars), certificateNumber: d.certificate_number, submittedOn: d.submitted_on,
        communeDueOn: d.commune_due_on, communeReviewedAt: d.commune_reviewed_at, forwardedOn: d.forwarded_on, provinceReceivedOn: d.province_received_on, reratingDueOn: d.rerating_due_on,
        decision: d.decision, rejection: d.rejection, provinceMean: d.province_result?.mean ?? null, centralMean: d.central_result?.mean ?? null,
      })),
      sessions: story.sessions.map((s) => ({
        itemId: s.item_id, dossierId: s.dossier_id, sessionId: s.session_id, title: s.title, scheduledOn: s.scheduled_on, councilName: s.council_name, level: s.level,
        mean: Number(s.mean), stars: Number(s.stars), spread: Number(s.spread), rescoreRound: Number(s.rescore_round),
        scores: s.scores.map((x) => ({ member: x.full_name, total: Number(x.total), round: Number(x.round) })),
      })),
      revocation: c.revocation_ground ? {
        ground: c.revocation_ground, groundFoundOn: c.revocation_ground_found_on, decisionNumber: c.revocation_decision_number, revokedOn: c.revoked_on, authority: c.revocation_authority,
        note: c.revocation_note, deadlineOn: c.revocation_deadline_on, daysLate: c.revocation_days_late === null ? null : Number(c.revocation_days_late),
      } : null,
      inspections, complaints, audit: story.audit,
    };
  });
};
