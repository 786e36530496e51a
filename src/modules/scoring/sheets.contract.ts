// Request and response shapes of the score-sheet API (the web app's self-assessment and scoring screens use them).
import { z } from 'zod';
import { CONDITIONS, sheetShape } from './sheets.data.js';

export const sheetNumberParams = z.strictObject({ number: z.string().max(12) });

export const sheetSummary = z.object({
  number: z.number(), productSet: z.string(), sector: z.string(), group: z.string(), instrument: z.string(), instrumentDate: z.string(),
});
export const sheetList = z.array(sheetSummary);
export const sheetOut = sheetShape;

/** criterion code → option id. Codes look like 1.1, 9 or 6.1.1; at most a few hundred answers per sheet. */
export const answers = z.record(z.string().min(1).max(16), z.string().min(1).max(24))
  .refine((a) => Object.keys(a).length <= 200, { message: 'At most 200 answers' });

const criterionCode = z.string().regex(/^\d+(\.\d+){0,2}$/).max(12);
/** The criteria whose "Bị loại nếu …" (or "… không đánh giá các bước tiếp theo") condition the scorer found met. */
export const knockOuts = z.array(criterionCode).max(30).transform((codes) => [...new Set(codes)]);
/** Facts an applicability note depends on ("Chỉ áp dụng khi có câu chuyện sản phẩm"); left out, they follow from the
 * answers where they can (5.1 "Không có câu chuyện sản phẩm") and otherwise the criterion applies. */
export const conditions = z.strictObject(Object.fromEntries(CONDITIONS.map((c) => [c, z.boolean().optional()])) as Record<(typeof CONDITIONS)[number], z.ZodOptional<z.ZodBoolean>>);

export const evaluateBody = z.strictObject({ answers, knockOuts: knockOuts.optional(), conditions: conditions.optional() });

const parts = z.object({ A: z.number(), B: z.number(), C: z.number() });
export const unmetMinimum = z.object({ criterion: z.string(), requiredStar: z.number(), requiredOption: z.string(), chosenOption: z.string().nullable() });

export const evaluationOut = z.object({
  instrument: z.string(),
  sheet: z.number(),
  total: z.number(),
  parts,
  band: z.number(),
  stars: z.number().nullable(),
  /** Only 3★ and above with no knock-out and no stop are recognised; below that no decision and no certificate (Điều 4.1a). */
  recognised: z.boolean(),
  unmetMinimums: z.array(unmetMinimum),
  /** The knock-outs found (criterion codes, sheet order); empty when none. */
  knockedOutBy: z.array(z.string()),
  /** Where a stop rule ("… sẽ không đánh giá các bước tiếp theo") ended the evaluation; null when none. */
  stoppedAt: z.string().nullable(),
  /** Criteria not applicable under the conditions ("Chỉ áp dụng khi …"), scored 0. */
  notApplicable: z.array(z.object({ criterion: z.string(), condition: z.string() })),
  nextStar: z.object({
    currentStars: z.number().nullable(),
    targetStars: z.number().nullable(),
    pointsNeeded: z.number(),
    minimumsToMeet: z.array(unmetMinimum),
    improvements: z.array(z.object({
      criterion: z.string(), part: z.enum(['A', 'B', 'C']), chosenOption: z.string().nullable(), chosenPoints: z.number(), missesMinimum: z.boolean(),
      options: z.array(z.object({ id: z.string(), points: z.number(), gain: z.number(), meetsTargetMinimum: z.boolean() })),
    })),
  }),
});
