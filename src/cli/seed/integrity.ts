// Demo data for the scoring-integrity views (issue 14): the closed council sessions of three provinces (Tuyên Quang,
// Thái Nguyên, Thanh Hoá) over 2025–2026, about sixty products scored by four members each, written straight into
// the scoring tables the way the session commands leave them (answers near each member's total, the council result
// computed by the scoring rules, score revisions, re-scoring rounds, the dossiers' dates and decisions), with an
// audit record per closed session. What the views should show: one lenient member (about +6 points against the
// council, Thái Nguyên), more council means just above 70 than just below, some re-scoring, producers' self-scores
// above the council's, and a few stages finished after their legal deadline. Deterministic; fast (no commands, no
// password hashing: the members reuse a demo account's hash, or none in a bare test database).
import { sql } from 'drizzle-orm';
import { systemActor, type Ctx } from '../../app/actor.js';
import { recordAudit } from '../../app/audit.js';
import { query, type Queryable } from '../../app/db.js';
import { addDays, addWorkingDays, answersNear, evaluate, evaluateCouncil, getSheet, IN_FORCE, roundFor, RULES, type CouncilSettings } from '../../modules/scoring/index.js';

const PROVINCES = [
  { code: '08', council: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Tuyên Quang', members: ['Lương Văn Bình (Sở Khoa học và Công nghệ)', 'Ma Thị Hoa (Hội Liên hiệp Phụ nữ tỉnh)', 'Nông Đức Mạnh (Sở Y tế)', 'Hà Thị Lan (Sở Công Thương)'] },
  { code: '19', council: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên', members: ['Dương Văn Khải (Phó Chủ tịch UBND tỉnh)', 'Lê Thị Nga (Sở Nông nghiệp và Môi trường)', 'Trịnh Quang Huy (Sở Công Thương)', 'Hoàng Thu Trang (Sở Văn hoá, Thể thao và Du lịch)'] },
  { code: '38', council: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thanh Hoá', members: ['Lê Đức Giang (Phó Chủ tịch UBND tỉnh)', 'Nguyễn Thị Hằng (Sở Nông nghiệp và Môi trường)', 'Phạm Văn Tuấn (Sở Khoa học và Công nghệ)', 'Đỗ Minh Châu (Liên minh Hợp tác xã tỉnh)'] },
];
/** Each member's habit against the council (points): Thái Nguyên's second member is the lenient one. */
const BIAS: Record<string, number[]> = { '08': [0, -1, 1, 0], '19': [0, 6.5, -1, -1.5], '38': [1, 0, -1, 0] };
const SESSIONS = [
  { on: '2025-06-20', title: 'Phiên họp đánh giá, phân hạng sản phẩm OCOP đợt 1 năm 2025' },
  { on: '2025-12-15', title: 'Phiên họp đánh giá, phân hạng sản phẩm OCOP đợt 2 năm 2025' },
  { on: '2026-06-18', title: 'Phiên họp đánh giá, phân hạng sản phẩm OCOP đợt 1 năm 2026' },
];
const PER_PROVINCE = 22;

/** mulberry32: a small deterministic generator. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

export async function seedDemoIntegrity(tx: Queryable): Promise<{ sessions: number; products: number }> {
  const rnd = random(14);
  const normal = () => { let s = 0; for (let i = 0; i < 6; i++) s += rnd(); return (s - 3) * Math.SQRT2; }; // ≈ N(0, 1)
  const [hash] = await query<{ password_hash: string | null }>(tx, sql`SELECT password_hash FROM app_user WHERE email = 'hoidong@demo.ocop.vn'`);
  const passwordHash = hash?.password_hash ?? null;
  const settings: CouncilSettings = { ...RULES.councilDefaults };
  let sessions = 0; let products = 0;

  for (const prov of PROVINCES) {
    const candidates = await query<{ id: string; entity_id: string; commune_code: string; product_set: number; name: string }>(tx, sql`
      SELECT p.id, p.entity_id, p.commune_code, p.product_set, p.name FROM product p JOIN entity e ON e.id = p.entity_id
      WHERE p.province_code = ${prov.code} AND e.status = 'approved' AND NOT EXISTS (SELECT 1 FROM dossier d WHERE d.product_id = p.id)
      ORDER BY p.code LIMIT ${PER_PROVINCE}`);
    if (!candidates.length) continue;
    // The province's council in office (the demo's Tuyên Quang council exists already) or a new one.
    const [existing] = await query<{ id: string }>(tx, sql`SELECT id FROM council WHERE level = 'province' AND province_code = ${prov.code} AND dissolved_at IS NULL`);
    const councilId = existing?.id ?? (await query<{ id: string }>(tx, sql`
      INSERT INTO council (level, province_code, name, settings) VALUES ('province', ${prov.code}, ${prov.council}, ${JSON.stringify(settings)}::jsonb) RETURNING id`))[0].id;
    const members: string[] = [];
    for (const [mi, fullName] of prov.members.entries()) {
      const [u] = await query<{ id: string }>(tx, sql`
        INSERT INTO app_user (email, full_name, password_hash, role, province_code) VALUES (${`hoidong${mi + 1}.t${prov.code}@demo.ocop.vn`}, ${fullName}, ${passwordHash}, 'council', ${prov.code}) RETURNING id`);
      // Members of earlier rounds: on an existing council they are no longer active, so today's sessions do not expect them.
      await tx.execute(sql`INSERT INTO council_member (council_id, user_id, team, role, title, active) VALUES (${councilId}::uuid, ${u.id}::uuid, 'council', ${mi === 0 ? 'chair' : 'member'}, ${fullName.replace(/^.*\((.*)\)$/, '$1')}, ${!existing})`);
      members.push(u.id);
    }
    const chunk = Math.ceil(candidates.length / SESSIONS.length);
    for (const [si, s] of SESSIONS.entries()) {
      const list = candidates.slice(si * chunk, (si + 1) * chunk);
      if (!list.length) continue;
      const closedAt = new Date(`${s.on}T10:00:00+07:00`);
      const [session] = await query<{ id: string }>(tx, sql`
        INSERT INTO council_session (council_id, title, scheduled_on, location, status, mode, present, opened_at, closed_at, closed_by, minutes_note, version)
        VALUES (${councilId}::uuid, ${s.title}, ${s.on}::date, ${'Hội trường UBND tỉnh'}, 'closed', 'meeting', ${JSON.stringify(members)}::jsonb, ${new Date(closedAt.getTime() - 3 * 3600_000).toISOString()},
          ${closedAt.toISOString()}, ${members[0]}::uuid, ${'Hội đồng thống nhất kết quả chấm điểm, đề nghị UBND tỉnh công nhận các sản phẩm đạt từ 3 sao.'}, 3) RETURNING id`);
      sessions++;
      for (const [k, p] of list.entries()) {
        const sheet = getSheet(p.product_set)!;
        // The product's merit, a bump of the council's means just over 70, the members' totals around it.
        let q = Math.max(38, Math.min(94, 66 + 11 * normal()));
        if (q >= 65.5 && q < 70 && rnd() < 0.7) q = 70.3 + rnd() * 1.5;
        const rescore = (products + k) % 6 === 2;
        const targets = members.map((_, m) => q + BIAS[prov.code][m] + 2 * normal());
        let ev = evaluateCouncil(sheet, targets.map((t) => answersNear(sheet, Math.min(100, Math.round(t)))), RULES, settings);
        for (let nudge = 1; q >= 70 && q < 72 && ev.total < 70 && nudge <= 4; nudge++) {
          ev = evaluateCouncil(sheet, targets.map((t) => answersNear(sheet, Math.min(100, Math.round(t + nudge)))), RULES, settings);
          if (ev.total >= 70) targets.forEach((_, m) => { targets[m] += nudge; });
        }
        const answers = targets.map((t) => answersNear(sheet, Math.min(100, Math.round(t))));
        const totals = answers.map((a) => evaluate(sheet, a, RULES));
        const spread = Math.max(...totals.map((t) => t.total)) - Math.min(...totals.map((t) => t.total));
        const stars = ev.stars ?? 0;
        // The dossier: filed about three months before the session; the self-assessment above the council's view.
        const year = Number(s.on.slice(0, 4));
        const rerating = k % 7 === 5;
        const submittedOn = addDays(s.on, -95 - (k % 5) * 4);
        const communeDueOn = addWorkingDays(submittedOn, 15);
        const lateCommune = (products + k) % 11 === 3;
        const reviewedOn = lateCommune ? addWorkingDays(communeDueOn, 4) : addWorkingDays(submittedOn, 8 + (k % 6));
        const receivedOn = addDays(reviewedOn, 4);
        const finishBefore = roundFor('province', reviewedOn).finishBefore;
        const lateDecision = (products + k) % 13 === 7;
        const decidedOn = lateDecision ? addDays(rerating ? addDays(receivedOn, RULES.reRating.maxDurationDays) : finishBefore, 6) : addDays(s.on, 7);
        const self = answersNear(sheet, Math.min(100, Math.round(q + 5 + 3 * normal())));
        const outcome = stars >= RULES.recognisedFromStars ? 'certified' : 'not_recognised';
        const number = `${900 + products + k}/PĐK-${prov.code}-${p.commune_code}-${year}`;
        const decision = { level: 'province', outcome, stars: outcome === 'certified' ? stars : null, decisionNumber: `${1200 + products + k}/QĐ-UBND`, decisionDate: decidedOn, basis: 'province_council', decidedBy: members[0], decidedAt: new Date(`${decidedOn}T09:00:00+07:00`).toISOString() };
        const result = { mean: ev.total, parts: ev.parts, band: ev.band, stars, unmetMinimums: ev.unmetMinimums, spread, members: members.length, knockedOutBy: ev.knockedOutBy, stoppedAt: ev.stoppedAt, knockOutVotes: ev.knockOutVotes };
        const [d] = await query<{ id: string }>(tx, sql`
          INSERT INTO dossier (number, product_id, entity_id, province_code, commune_code, sheet, instrument, filed_under, type, status, registration, self_report, answers, answer_notes,
            commune_review, province_result, decision, stars, submitted_on, commune_due_on, forwarded_on, province_received_on, province_finish_before, rerating_due_on, created_at, updated_at, version)
          VALUES (${number}, ${p.id}::uuid, ${p.entity_id}::uuid, ${prov.code}, ${p.commune_code}, ${p.product_set}, ${IN_FORCE}, ${IN_FORCE}, ${rerating ? 'rerating' : 'first'}, ${outcome},
            ${JSON.stringify({ unitName: '', representativeName: '', representativeTitle: '', address: '', phone: null, email: null, productName: p.name, sampleCount: 5, year })}::jsonb, '{}'::jsonb,
            ${JSON.stringify(self)}::jsonb, '{}'::jsonb,
            ${JSON.stringify({ items: {}, conclusion: 'Đề nghị UBND tỉnh đánh giá, phân hạng.', signer: null, reviewedAt: new Date(`${reviewedOn}T15:00:00+07:00`).toISOString(), reviewedBy: members[0] })}::jsonb,
            ${JSON.stringify({ sessionId: session.id, itemId: null, councilId, ...result, closedAt: closedAt.toISOString() })}::jsonb, ${JSON.stringify(decision)}::jsonb, ${outcome === 'certified' ? stars : null},
            ${submittedOn}::date, ${communeDueOn}::date, ${reviewedOn}::date, ${receivedOn}::date, ${rerating ? null : finishBefore}::date,
            ${rerating ? addDays(receivedOn, RULES.reRating.maxDurationDays) : null}::date, ${new Date(`${submittedOn}T08:00:00+07:00`).toISOString()}, ${new Date(`${decidedOn}T09:00:00+07:00`).toISOString()}, 6)
          RETURNING id`);
        const [item] = await query<{ id: string }>(tx, sql`
          INSERT INTO session_item (session_id, dossier_id, position, rescore_round, result, rescore_request)
          VALUES (${session.id}::uuid, ${d.id}::uuid, ${k + 1}, ${rescore ? 2 : 1}, ${JSON.stringify(result)}::jsonb,
            ${rescore ? JSON.stringify({ round: 2, reason: `Điểm chênh lệch quá ${settings.maxSpread} điểm`, members, at: new Date(closedAt.getTime() - 3600_000).toISOString(), by: members[0] }) : null}::jsonb) RETURNING id`);
        await tx.execute(sql`UPDATE dossier SET province_result = jsonb_set(province_result, '{itemId}', to_jsonb(${item.id}::text)) WHERE id = ${d.id}::uuid`);
        for (const [m, userId] of members.entries()) {
          const ev1 = totals[m];
          const at = new Date(closedAt.getTime() - 2 * 3600_000).toISOString();
          const [score] = await query<{ id: string }>(tx, sql`
            INSERT INTO member_score (item_id, user_id, answers, total, parts, stars, status, round, submitted_at, updated_at, version)
            VALUES (${item.id}::uuid, ${userId}::uuid, ${JSON.stringify(answers[m])}::jsonb, ${ev1.total}, ${JSON.stringify(ev1.parts)}::jsonb, ${ev1.stars}, 'submitted', ${rescore ? 2 : 1}, ${at}, ${at}, ${rescore ? 3 : 1}) RETURNING id`);
          if (rescore) {
            // The first round: the chair and one member further apart than the limit; both moved toward the others.
            const shift = m === 0 ? -7 : m === 3 ? 6 : 0;
            const firstAnswers = answersNear(sheet, Math.max(0, Math.min(100, Math.round(targets[m] + shift))));
            const first = evaluate(sheet, firstAnswers, RULES).total;
            const at0 = new Date(closedAt.getTime() - 2.5 * 3600_000).toISOString();
            await tx.execute(sql`INSERT INTO score_revision (score_id, version, at, by_user, action, answers, total, changed) VALUES
              (${score.id}::uuid, 1, ${at0}, ${userId}::uuid, 'submit', ${JSON.stringify(firstAnswers)}::jsonb, ${first}, '[]'::jsonb),
              (${score.id}::uuid, 2, ${at0}, ${members[0]}::uuid, 'rescore_requested', ${JSON.stringify(firstAnswers)}::jsonb, ${first}, '[]'::jsonb),
              (${score.id}::uuid, 3, ${at}, ${userId}::uuid, 'submit', ${JSON.stringify(answers[m])}::jsonb, ${ev1.total}, '[]'::jsonb)`);
          } else {
            await tx.execute(sql`INSERT INTO score_revision (score_id, version, at, by_user, action, answers, total, changed) VALUES
              (${score.id}::uuid, 1, ${at}, ${userId}::uuid, 'submit', ${JSON.stringify(answers[m])}::jsonb, ${ev1.total}, '[]'::jsonb)`);
          }
        }
      }
      products += list.length;
      const ctx: Ctx = { actor: systemActor('demo-integrity'), tx, log: console as never, now: closedAt };
      await recordAudit(ctx, { action: 'session.close', recordType: 'council_session', recordId: session.id, provinceCode: prov.code, after: { status: 'closed', items: list.length, title: s.title } });
    }
  }
  return { sessions, products };
}
