// Plans' pure rules: the target kinds (data/programme/plan-targets.json, read once at start), what a target may say
// for its kind, the label a target reads by, how far a target is reached, and the version workflow
// (draft → submitted → approved; an approved version is frozen, the next edit is a new draft). No I/O beyond reading
// the data file at load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FieldError } from '../../app/errors.js';

export const MEASURES = ['certificates_first', 'certificates_upgrade', 'certificates_re_rating', 'modern_channel_share', 'trainings', 'fairs', 'none'] as const;
export type Measure = (typeof MEASURES)[number];
export const UNITS = ['products', 'percent', 'events', 'vnd'] as const;
export type Unit = (typeof UNITS)[number];

const text = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });
const targetData = z.strictObject({
  version: z.string(),
  instrument: z.string(),
  note: z.string(),
  kinds: z.array(z.strictObject({
    code: z.string().regex(/^[a-z_]+$/), vi: z.string(), en: z.string(), unit: z.enum(UNITS), measure: z.enum(MEASURES),
    byStars: z.boolean(), bySector: z.boolean(), how: text, source: z.string().min(1),
  })).min(1),
}).refine((d) => new Set(d.kinds.map((k) => k.code)).size === d.kinds.length, 'each kind once');
export type TargetData = z.infer<typeof targetData>;
export type TargetKind = TargetData['kinds'][number];

export const parseTargetData = (raw: unknown): TargetData => targetData.parse(raw);
export const TARGET_DATA: TargetData = parseTargetData(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'programme', 'plan-targets.json'), 'utf8')));
export const kindOf = (code: string, data: TargetData = TARGET_DATA): TargetKind | undefined => data.kinds.find((k) => k.code === code);

/** One target of a plan as stored (the version's JSON). `key` names it across versions. */
export type PlanTarget = {
  key: string; kind: string; label: string | null; stars: number | null; sector: string | null; target: number;
  byCommune: { communeCode: string; target: number }[]; note: string | null;
};

export const MAX_TARGETS = 100;
const MAX_AMOUNT = 1e15;

/** What is wrong with a plan's targets for their kinds (the commune codes' existence and province are checked
 * against the database by the command). `national`: the nation's plan has no by-commune breakdown. */
export function targetErrors(targets: PlanTarget[], national: boolean, data: TargetData = TARGET_DATA): FieldError[] {
  const errors: FieldError[] = [];
  const err = (path: string, code: string, vi: string, en: string) => errors.push({ path, code, message: { vi, en } });
  if (targets.length > MAX_TARGETS) err('targets', 'too_many_targets', `Tối đa ${MAX_TARGETS} chỉ tiêu`, `At most ${MAX_TARGETS} targets`);
  const keys = new Set<string>();
  targets.forEach((t, i) => {
    const at = `targets.${i}`;
    const kind = kindOf(t.kind, data);
    if (!kind) { err(`${at}.kind`, 'unknown_target_kind', 'Loại chỉ tiêu không có trong danh mục', 'Unknown target kind'); return; }
    if (keys.has(t.key)) err(`${at}.key`, 'duplicate_target_key', 'Mã chỉ tiêu bị trùng', 'Duplicate target key');
    keys.add(t.key);
    if (t.stars !== null && !kind.byStars) err(`${at}.stars`, 'stars_not_applicable', 'Loại chỉ tiêu này không chia theo hạng sao', 'This kind of target is not broken down by stars');
    if (t.sector !== null && !kind.bySector) err(`${at}.sector`, 'sector_not_applicable', 'Loại chỉ tiêu này không chia theo ngành', 'This kind of target is not broken down by sector');
    const max = kind.unit === 'percent' ? 100 : MAX_AMOUNT;
    const bad = (n: number) => !Number.isFinite(n) || n < 0 || n > max || (kind.unit !== 'percent' && !Number.isInteger(n));
    if (bad(t.target)) err(`${at}.target`, 'invalid_target_value', kind.unit === 'percent' ? 'Chỉ tiêu tỷ lệ từ 0 đến 100' : 'Chỉ tiêu là số nguyên không âm', kind.unit === 'percent' ? 'A percentage between 0 and 100' : 'A whole number, not negative');
    if (kind.measure === 'none' && !t.label) err(`${at}.label`, 'label_required', 'Dòng kinh phí cần ghi tên (nguồn vốn, nội dung)', 'A budget line needs its name (source, purpose)');
    if (t.byCommune.length && national) err(`${at}.byCommune`, 'no_commune_breakdown', 'Kế hoạch toàn quốc không chia theo xã', 'The national plan is not broken down by commune');
    const communes = new Set<string>();
    t.byCommune.forEach((c, j) => {
      if (communes.has(c.communeCode)) err(`${at}.byCommune.${j}.communeCode`, 'duplicate_commune', 'Xã bị lặp lại', 'Commune listed twice');
      communes.add(c.communeCode);
      if (bad(c.target)) err(`${at}.byCommune.${j}.target`, 'invalid_target_value', 'Chỉ tiêu của xã không hợp lệ', 'Invalid commune target');
    });
    if (kind.unit !== 'percent' && t.byCommune.length && t.byCommune.reduce((s, c) => s + c.target, 0) > t.target) {
      err(`${at}.byCommune`, 'communes_exceed_target', 'Tổng chỉ tiêu các xã vượt chỉ tiêu chung', 'The communes\' targets add up to more than the target');
    }
  });
  return errors;
}

/** Gives each target without a key the next free `t<n>`: a key names a target across the plan's versions. */
export function withKeys<T extends Omit<PlanTarget, 'key'> & { key?: string | null }>(targets: T[]): PlanTarget[] {
  const used = new Set(targets.map((t) => t.key).filter(Boolean));
  let n = 0;
  const next = () => { do n++; while (used.has(`t${n}`)); used.add(`t${n}`); return `t${n}`; };
  return targets.map((t) => ({ ...t, key: t.key || next() }));
}

/** The name a target reads by: its own label, else its kind with the stars and sector it counts. */
export function targetLabel(t: Pick<PlanTarget, 'kind' | 'label' | 'stars' | 'sector'>, sectorName: (code: string, lang: 'vi' | 'en') => string = (c) => c, data: TargetData = TARGET_DATA): { vi: string; en: string } {
  if (t.label) return { vi: t.label, en: t.label };
  const kind = kindOf(t.kind, data);
  const base = { vi: kind?.vi ?? t.kind, en: kind?.en ?? t.kind };
  const parts = (lang: 'vi' | 'en') => [base[lang], t.stars ? (lang === 'vi' ? `${t.stars} sao` : `${t.stars} stars`) : null, t.sector ? sectorName(t.sector, lang) : null].filter(Boolean).join(' · ');
  return { vi: parts('vi'), en: parts('en') };
}

/** Share of the target reached, in % with one decimal (null when not measured, or the target is 0). */
export function progressPercent(achieved: number | null, target: number): number | null {
  if (achieved === null || target <= 0) return null;
  return Math.round((achieved / target) * 1000) / 10;
}

/** The day progress is counted on: today within or before the plan's year, 31 December for a past year. */
export const asOfDay = (year: number, today: string) => (today.slice(0, 4) > String(year) ? `${year}-12-31` : today);

export type VersionStep = 'submit' | 'approve';
/** Whether the newest version may take a step: submit a draft, approve a submitted one. Only the newest version moves. */
export function mayStep(step: VersionStep, latest: { number: number; status: string }, asked: number): 'ok' | 'not_latest' | 'wrong_status' {
  if (asked !== latest.number) return 'not_latest';
  if (step === 'submit') return latest.status === 'draft' ? 'ok' : 'wrong_status';
  return latest.status === 'submitted' ? 'ok' : 'wrong_status';
}
