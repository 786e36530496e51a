// Indicators: requests and responses. Every indicator is open data, as JSON or CSV (?format=csv or Accept: text/csv).
import { z } from 'zod';
import { communeCode, provinceCode } from '../geo/index.js';

const isoDate = z.iso.date();
export const areaQuery = z.object({
  province: provinceCode.optional().describe('Province code (34 provinces): the figures of that province'),
  commune: communeCode.optional().describe('Commune code: the figures of that commune'),
  format: z.enum(['json', 'csv', 'xlsx']).optional().describe('csv: text/csv (UTF-8 with BOM), also chosen by Accept: text/csv; xlsx: an Excel workbook (the table, then a sheet describing it)'),
});
export const periodQuery = areaQuery.extend({
  from: isoDate.optional().describe('First day of the period. certificates: issued and revoked within it. products-by-*: with from or to, the products recognised within the period (each certificate issued in it) instead of those in force today. Default: all time'),
  to: isoDate.optional().describe('Last day of the period; default: today'),
});

/** The modern-channel share, exactly as the acceptance checks read it. */
export const modernChannelsOut = z.strictObject({
  numerator: z.number().int().describe('OCOP entities with at least one verified, current channel of a modern type'),
  denominator: z.number().int().describe('OCOP entities: approved entities holding at least one certificate in force today'),
  percent: z.number().describe('numerator / denominator × 100, one decimal (0 when the denominator is 0)'),
  target: z.number().describe('The programme target in percent (data/trade/channels.json, QĐ 919/QĐ-TTg)'),
});

const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const indicatorOut = z.object({
  name: z.string(),
  title: z.object({ vi: z.string(), en: z.string() }),
  area: z.object({ province: z.string().nullable(), commune: z.string().nullable() }),
  asOf: z.string().describe('The day the figures are computed for (Việt Nam time); computed at each request'),
  period: z.object({ from: z.string(), to: z.string() }).optional(),
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), cellValue)),
  total: z.number().nullable().optional(),
  minimumCellSize: z.number().optional().describe('Counts of a sensitive attribute below this are withheld (count null, suppressed true)'),
  source: z.string().optional(),
});
export type IndicatorOut = z.infer<typeof indicatorOut>;

export const INDICATOR_NAMES = ['products-by-stars', 'products-by-sector', 'products-by-province', 'certificates', 'entities-by-type', 'entities-by-sex', 'entities-by-ethnicity', 'entities-by-disability'] as const;
/** Indicators by area, for the map and the drill-down: not in the dashboard's answer (a page asks for the level it shows). */
export const AREA_INDICATOR_NAMES = ['modern-channels-by-province', 'modern-channels-by-commune', 'products-by-commune'] as const;
export const PUBLIC_INDICATOR_NAMES = [...INDICATOR_NAMES, ...AREA_INDICATOR_NAMES] as const;
export const indicatorParams = z.object({ name: z.enum(PUBLIC_INDICATOR_NAMES) });
export const indicatorListOut = z.object({ items: z.array(z.object({ name: z.string(), title: z.object({ vi: z.string(), en: z.string() }), url: z.string() })) });

/** A dashboard's figures in one answer (GET /api/v1/dashboard). */
export const dashboardOut = z.object({
  area: z.object({ province: z.string().nullable(), commune: z.string().nullable() }),
  asOf: z.string(),
  modernChannels: modernChannelsOut,
  indicators: z.array(indicatorOut),
});

/** The office dashboard's figures (officers of the area only): records by status, sensitive counts in full. */
export const OFFICE_INDICATOR_NAMES = ['entities-by-status', 'products-by-status', 'dossiers-by-status', 'channels-by-status', 'entities-by-sex', 'entities-by-ethnicity', 'entities-by-disability'] as const;
export const officeIndicatorParams = z.object({ name: z.enum(OFFICE_INDICATOR_NAMES) });
export const officeDashboardOut = z.object({
  area: z.object({ province: z.string().nullable(), commune: z.string().nullable() }),
  asOf: z.string(),
  indicators: z.array(indicatorOut),
});
