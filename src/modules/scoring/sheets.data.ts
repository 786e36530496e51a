// The score sheets (Phụ lục II) as data: every data/score-sheets/<instrument>/sheet-NN.json is read and checked with
// zod once, at start-up, and kept by instrument so earlier instruments' sheets can sit beside the ones in force.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const SHEETS_DIR = join(import.meta.dirname, '..', '..', '..', 'data', 'score-sheets');
/** The instrument whose sheets are in force. */
export const IN_FORCE = 'QĐ 26/2026/QĐ-TTg';

const text = z.string().min(1);
const option = z.strictObject({
  id: text, label: z.string(), points: z.number().int().min(0).max(100), minStar: z.union([z.literal(3), z.literal(4), z.literal(5)]).nullable(),
});
const criterionCode = z.string().regex(/^\d+(\.\d+){0,2}$/);

// The notes that decide, as rules beside their Vietnamese text (`text` is the note verbatim, `source` where the decree
// prints it). A finding is judged by the scorer and ticked on the sheet; the other two follow from the answers.
/** Facts an applicability note depends on; the scorer states them, or they follow from an answer (falseWhenChosen). */
export const CONDITIONS = ['hasProductStory'] as const;
export type ConditionName = (typeof CONDITIONS)[number];
const cited = { text, source: text };
const criterionRule = z.discriminatedUnion('kind', [
  /** "Bị loại nếu …" (and "không đánh giá những sản phẩm …"): when found, the product is not recognised. */
  z.strictObject({ kind: z.literal('knockOut'), ...cited }),
  /** "… sẽ không đánh giá các bước tiếp theo": when found, evaluation stops here, so the product is not recognised. */
  z.strictObject({ kind: z.literal('stopIfFound'), ...cited }),
  /** "Chỉ áp dụng khi …": when the condition is false the criterion is scored as `whenNot` says. */
  z.strictObject({ kind: z.literal('appliesWhen'), condition: z.enum(CONDITIONS), falseWhenChosen: z.array(text).optional(), whenNot: z.literal('scoredZero'), ...cited }),
]);
/** "Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp theo" (a group's closing note). */
const groupRule = z.strictObject({ kind: z.literal('stopIfZero'), criteria: z.array(criterionCode).min(1), ...cited });
export type CriterionRule = z.infer<typeof criterionRule>;
export type GroupRule = z.infer<typeof groupRule>;
/** The criterion fields whose text is a deciding note: each carries exactly one rule, and each rule quotes one of them. */
export const DECIDING_NOTES = ['knockOut', 'notEvaluatedWhen', 'appliesOnlyWhen'] as const;

const criterion = z.strictObject({
  code: criterionCode, name: text, max: z.number().int().min(0).max(100),
  description: z.string().optional(), requirement: z.string().optional(), note: z.string().optional(),
  appliesOnlyWhen: z.string().optional(), knockOut: z.string().optional(), notEvaluatedWhen: z.string().optional(),
  rules: z.array(criterionRule).optional(),
  zeroIfNoOptionApplies: z.boolean(), optionsReconstructed: z.boolean(),
  options: z.array(option).min(1),
});
const group = z.strictObject({ code: z.string().regex(/^\d+$/), name: text, max: z.number().int(), note: z.string().optional(), rules: z.array(groupRule).optional(), criteria: z.array(criterion).min(1) });
const part = z.strictObject({ code: z.enum(['A', 'B', 'C']), name: text, max: z.number().int(), groups: z.array(group).min(1) });

/** The sheet's shape alone (also the API's response schema); `sheetSchema` adds the cross-checks. */
export const sheetShape = z.strictObject({
  instrument: text,
  instrumentDate: z.iso.date(),
  number: z.number().int().min(1).max(26),
  productSet: text,
  sector: text,
  group: text,
  rejectionConditions: z.array(text),
  rejectionText: z.string().nullable(),
  parts: z.array(part).length(3),
  notes: z.array(z.string()),
});

export const sheetSchema = sheetShape.superRefine((s, ctx) => {
  // Codes and option ids are the keys answers use: they must be unique within a sheet.
  const codes = new Set<string>();
  const ids = new Set<string>();
  for (const c of s.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria))) {
    if (codes.has(c.code)) ctx.addIssue({ code: 'custom', message: `duplicate criterion code ${c.code}` });
    codes.add(c.code);
    for (const o of c.options) {
      if (ids.has(o.id)) ctx.addIssue({ code: 'custom', message: `duplicate option id ${o.id}` });
      if (!o.id.startsWith(`${c.code}.`)) ctx.addIssue({ code: 'custom', message: `option ${o.id} is not named after criterion ${c.code}` });
      ids.add(o.id);
    }
  }
  ruleIssues(s).forEach((message) => ctx.addIssue({ code: 'custom', message }));
});

/** Every deciding note has its rule and every rule quotes its note; rules name only criteria and options that exist. */
function ruleIssues(s: z.infer<typeof sheetShape>): string[] {
  const issues: string[] = [];
  const all = s.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria));
  const optionIds = new Set(all.flatMap((c) => c.options.map((o) => o.id)));
  for (const c of all) {
    const rules = c.rules ?? [];
    for (const field of DECIDING_NOTES) {
      const note = c[field];
      const n = rules.filter((r) => r.text === note).length;
      if (note !== undefined && n !== 1) issues.push(`criterion ${c.code}: its ${field} note needs exactly one rule (has ${n})`);
    }
    for (const r of rules) {
      if (!DECIDING_NOTES.some((f) => c[f] === r.text)) issues.push(`criterion ${c.code}: ${r.kind} rule quotes no note of the criterion`);
      if (r.kind === 'appliesWhen') (r.falseWhenChosen ?? []).filter((id) => !optionIds.has(id)).forEach((id) => issues.push(`criterion ${c.code}: unknown option ${id}`));
    }
  }
  for (const g of s.parts.flatMap((p) => p.groups)) {
    for (const r of g.rules ?? []) {
      if (r.text !== g.note) issues.push(`group ${g.code}: ${r.kind} rule quotes no note of the group`);
      const codes = new Set(g.criteria.map((c) => c.code));
      r.criteria.filter((code) => !codes.has(code)).forEach((code) => issues.push(`group ${g.code}: stopIfZero names ${code}, not a criterion of the group`));
    }
  }
  return issues;
}

export type Sheet = z.infer<typeof sheetSchema>;
export type Criterion = Sheet['parts'][number]['groups'][number]['criteria'][number];
export type SheetOption = Criterion['options'][number];
export type PartCode = 'A' | 'B' | 'C';

function loadAll(): Map<string, Map<number, Sheet>> {
  const byInstrument = new Map<string, Map<number, Sheet>>();
  for (const dir of readdirSync(SHEETS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(SHEETS_DIR, dir.name)).filter((f) => /^sheet-\d\d\.json$/.test(f)).sort()) {
      const path = join(SHEETS_DIR, dir.name, file);
      const parsed = sheetSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success) throw new Error(`score sheet ${path} is not valid: ${z.prettifyError(parsed.error)}`);
      const sheets = byInstrument.get(parsed.data.instrument) ?? new Map<number, Sheet>();
      if (sheets.has(parsed.data.number)) throw new Error(`score sheet ${path}: sheet ${parsed.data.number} of ${parsed.data.instrument} is defined twice`);
      byInstrument.set(parsed.data.instrument, sheets.set(parsed.data.number, parsed.data));
    }
  }
  return byInstrument;
}

const SHEETS = loadAll();

export function getSheet(number: number, instrument = IN_FORCE): Sheet | undefined {
  return SHEETS.get(instrument)?.get(number);
}

export function sheetsOf(instrument = IN_FORCE): Sheet[] {
  return [...(SHEETS.get(instrument)?.values() ?? [])].sort((a, b) => a.number - b.number);
}

export const instruments = (): string[] => [...SHEETS.keys()];

export function criteriaOf(sheet: Sheet): (Criterion & { part: PartCode; groupCode: string })[] {
  return sheet.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria.map((c) => ({ ...c, part: p.code, groupCode: g.code }))));
}
