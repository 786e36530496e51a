// The legal numbers of the instrument in force (data/rules/qd-26-2026.json): star bands, validity, re-rating window,
// revocation grounds and deadline, competent authorities and the council's default operating rules. Read once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const RULES_FILE = join(import.meta.dirname, '..', '..', '..', 'data', 'rules', 'qd-26-2026.json');

const message = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });
export const MINIMUM_MISS = ['drop_to_highest_met', 'not_recognised'] as const;
export const MINIMUM_JUDGEMENT = ['majority', 'unanimous', 'any'] as const;

export const councilSettings = z.strictObject({
  maxSpread: z.number().min(0).max(100),
  quorumShare: z.number().gt(0).max(1),
  quorumRequiresChair: z.boolean(),
  minimumMiss: z.enum(MINIMUM_MISS),
  minimumJudgement: z.enum(MINIMUM_JUDGEMENT),
});
export type CouncilSettings = z.infer<typeof councilSettings>;

const rulesSchema = z.object({
  instrument: z.string(),
  instrumentDate: z.iso.date(),
  parts: z.strictObject({ A: z.number(), B: z.number(), C: z.number() }),
  maxTotal: z.number(),
  starBands: z.array(z.strictObject({ stars: z.number().int().min(1).max(5), from: z.number(), below: z.number().nullable() })).length(5),
  recognisedFromStars: z.number().int(),
  centralCouncilThreshold: z.number(),
  authorities: z.object({
    province: z.object({ stars: z.array(z.number().int()), title: message, namePrefix: z.string() }),
    central: z.object({ stars: z.array(z.number().int()), title: message, name: z.string() }),
  }),
  certificate: z.object({ validityMonths: z.number().int().positive(), title: message }),
  reRating: z.object({ windowOpensDaysBeforeExpiry: z.number().int(), windowClosesDaysBeforeExpiry: z.number().int(), maxDurationDays: z.number().int() }),
  transition: z.object({
    graceDaysAfterExpiry: z.number().int(),
    /** Điều 12.2: dossiers filed before the decree took effect finish under their own instrument within these days. */
    pendingDossiers: z.object({ source: z.string(), effectiveOn: z.iso.date(), finishWithinDays: z.strictObject({ first: z.number().int().positive(), upgrade: z.number().int().positive(), rerating: z.number().int().positive() }) }),
    /** Điều 11.2: the instruments that lapse, and how many days after the decree took effect. */
    lapsing: z.object({ source: z.string(), instruments: z.array(z.string()).min(1), daysAfterEffective: z.number().int().positive() }),
    instruments: z.array(z.object({ code: z.string(), date: z.iso.date(), aliases: z.array(z.string()) })) }),
  revocation: z.object({
    deadlineDays: z.number().int().positive(),
    grounds: z.array(z.object({ code: z.string().regex(/^[a-z]{1,2}$/), text: message })).length(6),
  }),
  councilDefaults: councilSettings.extend({ note: z.string(), source: message, minimumJudgementNote: z.string() }).transform(({ note: _n, source: _s, minimumJudgementNote: _m, ...s }) => s),
});
export type LegalRules = z.infer<typeof rulesSchema>;

export const RULES: LegalRules = rulesSchema.parse(JSON.parse(readFileSync(RULES_FILE, 'utf8')));
/** Where the council settings come from, said honestly beside them: the council's operating rules, not the decree. */
export const COUNCIL_SETTINGS_SOURCE: { vi: string; en: string } = message.parse(JSON.parse(readFileSync(RULES_FILE, 'utf8')).councilDefaults.source);
export const REVOCATION_GROUNDS = RULES.revocation.grounds.map((g) => g.code) as [string, ...string[]];

/** Which authority decides (and revokes) a certificate of this many stars. */
export function authorityLevel(stars: number, rules: LegalRules = RULES): 'province' | 'central' {
  return rules.authorities.central.stars.includes(stars) ? 'central' : 'province';
}
