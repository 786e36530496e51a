// The sheets' notes that decide (Phụ lục II), applied as rules: knock-outs ("Bị loại nếu …"), stop rules ("… sẽ không
// đánh giá các bước tiếp theo") and applicability ("Chỉ áp dụng khi …"). Pure: the rules come from the sheet data
// (sheets.data.ts), the findings from the scorer.
//  - A finding (knockOut, stopIfFound) is the scorer's judgement that the note's condition is met; it is ticked by
//    criterion code. Either makes the product not recognised: a knock-out eliminates it, a stop ends the evaluation at
//    that criterion, so no star can be derived from what follows.
//  - stopIfZero follows from the answers: a zero (or no answer) on a listed criterion stops the evaluation there.
//  - appliesWhen: a criterion whose condition is false is scored 0 (the sheet keeps its 100-point scale and the star
//    bands are absolute, so the decree gives no way to drop it and rescale). The condition is stated by the scorer
//    or follows from an answer (5.1 "Không có câu chuyện sản phẩm" means there is no story); unknown means it applies.
import { AppError, type FieldError } from '../../app/errors.js';
import { criteriaOf, type ConditionName, type Sheet } from './sheets.data.js';

export type Conditions = Partial<Record<ConditionName, boolean>>;
/** What the scorer found on one sheet: the criteria whose knock-out or stop condition is met, and the facts stated. */
export type Findings = { knockOuts?: string[]; conditions?: Conditions };

export type NoteOutcome = {
  /** Criteria whose knock-out (or stop-on-finding) note was found: the product is not recognised because of them. */
  knockedOutBy: string[];
  /** The criterion at which a stop rule ended the evaluation (a finding or a zero), null when none. */
  stoppedAt: string | null;
  /** Criteria not applicable under the conditions, scored 0. */
  notApplicable: { criterion: string; condition: ConditionName }[];
};

type Answers = Record<string, string>;

/** Criterion codes (sheet order) whose note the scorer can find met: knock-outs and stop-on-finding rules. */
export function findingCodes(sheet: Sheet): string[] {
  return criteriaOf(sheet).filter((c) => c.rules?.some((r) => r.kind === 'knockOut' || r.kind === 'stopIfFound')).map((c) => c.code);
}

/** The text of a criterion's knock-out (or stop-on-finding) note; undefined when it has none. */
export const knockOutNote = (sheet: Sheet, code: string): string | undefined => ruleOf(sheet, code)?.text;

const ruleOf = (sheet: Sheet, code: string) => criteriaOf(sheet).find((c) => c.code === code)?.rules?.find((r) => r.kind === 'knockOut' || r.kind === 'stopIfFound');

/** Field errors for knock-out codes the sheet has no such note for, and conditions the answers contradict. */
export function findingErrors(sheet: Sheet, answers: Answers, findings: Findings, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const allowed = new Set(findingCodes(sheet));
  (findings.knockOuts ?? []).forEach((code, i) => {
    if (allowed.has(code)) return;
    errors.push({
      path: `${prefix}knockOuts.${i}`, code: 'no_knock_out',
      message: {
        vi: `Tiêu chí ${code} của phiếu số ${sheet.number} không có ghi chú loại (bị loại nếu / không đánh giá các bước tiếp theo)${allowed.size ? `; các tiêu chí có: ${[...allowed].join(', ')}` : ''}`,
        en: `Criterion ${code} of sheet ${sheet.number} has no knock-out note${allowed.size ? `; the criteria that have one: ${[...allowed].join(', ')}` : ''}`,
      },
    });
  });
  for (const [name, stated] of Object.entries(findings.conditions ?? {}) as [ConditionName, boolean | undefined][]) {
    const derived = derivedCondition(sheet, answers, name);
    if (stated === undefined || derived === undefined || derived === stated) continue;
    errors.push({
      path: `${prefix}conditions.${name}`, code: 'condition_contradicts_answers',
      message: { vi: `Điều kiện "${name}" mâu thuẫn với lựa chọn đã chấm (${derivedFrom(sheet, answers, name)})`, en: `The condition "${name}" contradicts the option chosen (${derivedFrom(sheet, answers, name)})` },
    });
  }
  return errors;
}

export function assertFindings(sheet: Sheet, answers: Answers, findings: Findings, prefix = ''): void {
  const errors = findingErrors(sheet, answers, findings, prefix);
  if (errors.length) throw new AppError('invalid', errors[0].code, errors[0].message, { field: errors[0].path, errors });
}

function appliesRules(sheet: Sheet) {
  return criteriaOf(sheet).flatMap((c) => (c.rules ?? []).flatMap((r) => (r.kind === 'appliesWhen' ? [{ criterion: c, rule: r }] : [])));
}

/** The answer that settles a condition: false when an option listed in falseWhenChosen is chosen, true when another
 * option of that criterion is; undefined when the criterion is not answered or the rule names no such option. */
function derivedCondition(sheet: Sheet, answers: Answers, name: ConditionName): boolean | undefined {
  for (const { rule } of appliesRules(sheet).filter((a) => a.rule.condition === name)) {
    const ids = rule.falseWhenChosen ?? [];
    if (!ids.length) continue;
    const code = ids[0].slice(0, ids[0].lastIndexOf('.'));
    const chosen = answers[code];
    if (chosen !== undefined) return !ids.includes(chosen);
  }
  return undefined;
}

function derivedFrom(sheet: Sheet, answers: Answers, name: ConditionName): string {
  const ids = appliesRules(sheet).find((a) => a.rule.condition === name)?.rule.falseWhenChosen ?? [];
  const code = ids[0]?.slice(0, ids[0].lastIndexOf('.')) ?? '';
  return `${code} = ${answers[code] ?? '—'}`;
}

/** The facts in force: what the scorer stated, else what the answers show; a fact neither gives stays unknown. */
export function resolveConditions(sheet: Sheet, answers: Answers, stated: Conditions = {}): Conditions {
  const out: Conditions = {};
  for (const { rule } of appliesRules(sheet)) out[rule.condition] = stated[rule.condition] ?? derivedCondition(sheet, answers, rule.condition);
  return out;
}

/** Criteria whose applicability condition is known to be false. */
export function notApplicable(sheet: Sheet, conditions: Conditions): NoteOutcome['notApplicable'] {
  return appliesRules(sheet).filter((a) => conditions[a.rule.condition] === false).map((a) => ({ criterion: a.criterion.code, condition: a.rule.condition }));
}

/** The answers that count: those of criteria not applicable are dropped, so they score 0 ("scoredZero"). */
export function applicableAnswers(answers: Answers, na: NoteOutcome['notApplicable']): Answers {
  const drop = new Set(na.map((n) => n.criterion));
  return Object.fromEntries(Object.entries(answers).filter(([code]) => !drop.has(code)));
}

/** Criteria (sheet order) listed by a stopIfZero rule. */
function stopIfZeroCodes(sheet: Sheet): Set<string> {
  return new Set(sheet.parts.flatMap((p) => p.groups.flatMap((g) => (g.rules ?? []).flatMap((r) => r.criteria))));
}

/**
 * The outcome of the notes, given which criteria count as found and which score zero (for one member: their ticks and
 * their points; for the council: the majority's). The first stop in sheet order is where the evaluation ended.
 */
export function noteOutcome(sheet: Sheet, found: (code: string) => boolean, scoresZero: (code: string) => boolean, na: NoteOutcome['notApplicable']): NoteOutcome {
  const zeroStops = stopIfZeroCodes(sheet);
  const knockedOutBy = findingCodes(sheet).filter(found);
  const stop = criteriaOf(sheet).find((c) => (ruleOf(sheet, c.code)?.kind === 'stopIfFound' && found(c.code)) || (zeroStops.has(c.code) && scoresZero(c.code)));
  return { knockedOutBy, stoppedAt: stop?.code ?? null, notApplicable: na };
}

/** One member's sheet: their own ticks, conditions and answers. */
export function memberNoteOutcome(sheet: Sheet, answers: Answers, findings: Findings): NoteOutcome & { answers: Answers } {
  const na = notApplicable(sheet, resolveConditions(sheet, answers, findings.conditions));
  const counted = applicableAnswers(answers, na);
  const ticked = new Set(findings.knockOuts ?? []);
  const byCode = new Map(criteriaOf(sheet).map((c) => [c.code, c]));
  const points = (code: string) => byCode.get(code)!.options.find((o) => o.id === counted[code])?.points ?? 0;
  return { ...noteOutcome(sheet, (code) => ticked.has(code), (code) => points(code) === 0, na), answers: counted };
}

/** Whether the notes leave the product unrecognised. */
export const eliminated = (o: Pick<NoteOutcome, 'knockedOutBy' | 'stoppedAt'>) => o.knockedOutBy.length > 0 || o.stoppedAt !== null;
