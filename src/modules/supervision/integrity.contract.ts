// Requests and responses of the scoring-integrity analytics (/api/v1/integrity/…). Every view answers JSON, or its
// table as a file with ?format=csv|xlsx (headers in ?lang=vi|en).
import { z } from 'zod';

const province = z.string().regex(/^\d{2}$/).optional().describe('Two-digit province code (national readers; a province reader may only name their own)');
const date = z.iso.date().optional();
export const baseQuery = z.strictObject({
  province,
  level: z.enum(['province', 'central']).optional().describe('Only the provincial councils, or only the central one'),
  from: date.describe('Sessions held on or after this day'),
  to: date.describe('Sessions held on or before this day'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  lang: z.enum(['vi', 'en']).default('vi'),
});
export type BaseQuery = z.infer<typeof baseQuery>;

export const bunchingQuery = baseQuery.extend({ window: z.coerce.number().min(0.5).max(10).default(2).describe('Points either side of each threshold (default 2)') });
export const leniencyQuery = baseQuery.extend({
  distance: z.coerce.number().min(0.5).max(30).default(3).describe('Flag members whose mean difference from the council is at least this many points (default 3)'),
  minProducts: z.coerce.number().int().min(2).max(500).default(5).describe('…over at least this many products (default 5)'),
});
export const selfQuery = baseQuery.extend({ by: z.enum(['province', 'sheet']).default('province') });
export const drillQuery = baseQuery.extend({
  meanFrom: z.coerce.number().min(0).max(100).optional(), meanBelow: z.coerce.number().min(0).max(101).optional(),
  member: z.uuid().optional().describe('Products this member scored (central office and inspectors only)'),
  council: z.uuid().optional(), rescored: z.enum(['true', 'false']).optional(), sheet: z.coerce.number().int().min(1).max(99).optional(),
  stars: z.coerce.number().int().min(1).max(5).optional(),
});
export const dossierDrillQuery = baseQuery.extend({
  stage: z.enum(['commune', 'province', 'rerating', 'central']).optional(), overdue: z.enum(['true', 'false']).optional(),
});

const interval = z.object({ low: z.number(), high: z.number() }).nullable();
const bunchingRow = z.object({
  stars: z.number(), threshold: z.number(), window: z.number(), below: z.number(), above: z.number(), excess: z.number(), shareAbove: z.number().nullable(), interval, flagged: z.boolean(),
});
export const bunchingOut = z.object({
  closedItems: z.number(), window: z.number(), instrument: z.string(),
  thresholds: z.array(z.object({ stars: z.number(), points: z.number() })),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })),
  rows: z.array(bunchingRow),
});
export const leniencyOut = z.object({
  distance: z.number(), minProducts: z.number(), namesShown: z.boolean(),
  rows: z.array(z.object({
    memberId: z.string().nullable(), alias: z.string(), name: z.string().nullable(), councils: z.array(z.string()), n: z.number(), meanDiff: z.number(), sd: z.number(), z: z.number().nullable(), flagged: z.boolean(),
    councilId: z.string().nullable(),
  })),
});
export const spreadOut = z.object({
  summary: z.object({
    items: z.number(), rescored: z.number(), rescoredShare: z.number().nullable(), sessions: z.number(), sessionsRescored: z.number(),
    meanFirstSpread: z.number().nullable(), meanFinalSpread: z.number().nullable(), meanMove: z.number().nullable(), towardMeanShare: z.number().nullable(), overLimitFirst: z.number(),
  }),
  rows: z.array(z.object({
    sessionId: z.string(), title: z.string(), scheduledOn: z.string(), councilName: z.string(), maxSpread: z.number(), items: z.number(), rescored: z.number(),
    meanFirstSpread: z.number().nullable(), meanFinalSpread: z.number().nullable(), meanMove: z.number().nullable(),
  })),
});
export const selfOut = z.object({
  by: z.enum(['province', 'sheet']),
  rows: z.array(z.object({ key: z.string(), label: z.string(), n: z.number(), meanSelf: z.number(), meanCouncil: z.number(), meanGap: z.number(), overClaimShare: z.number() })),
});
export const timelinessOut = z.object({
  asOf: z.string(),
  deadlines: z.object({ communeWorkingDays: z.number(), reRatingDays: z.number(), instrument: z.string() }),
  byStage: z.array(z.object({ stage: z.string(), n: z.number(), overdue: z.number(), overdueShare: z.number().nullable(), open: z.number(), meanDays: z.number().nullable() })),
  rows: z.array(z.object({ key: z.string(), label: z.string(), stage: z.string(), n: z.number(), overdue: z.number(), overdueShare: z.number().nullable(), open: z.number(), meanDays: z.number().nullable() })),
});
export const drillOut = z.object({
  total: z.number(), limit: z.number(),
  items: z.array(z.object({
    itemId: z.string(), sessionId: z.string(), sessionTitle: z.string(), scheduledOn: z.string(), councilName: z.string(), level: z.string(),
    dossierId: z.string(), dossierNumber: z.string(), productId: z.string(), productName: z.string(), provinceCode: z.string(), provinceName: z.string().nullable(),
    sheet: z.number(), mean: z.number(), stars: z.number(), spread: z.number(), rescoreRound: z.number(), members: z.number(),
  })),
});
export const dossierDrillOut = z.object({
  total: z.number(), limit: z.number(),
  items: z.array(z.object({
    dossierId: z.string(), number: z.string(), type: z.string(), status: z.string(), productName: z.string(), provinceCode: z.string(), provinceName: z.string().nullable(),
    stage: z.string(), start: z.string(), end: z.string().nullable(), due: z.string(), days: z.number(), overdue: z.boolean(), open: z.boolean(),
  })),
});
