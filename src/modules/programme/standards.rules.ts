// Standards and market requirements: the data (data/programme/standards.json, read once at start and checked), the
// requirements a product's checklist lists for its product set and chosen markets, and when a dated certificate
// warns (within the data's lead time) or has lapsed. No I/O beyond reading the data file at load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const text = z.string().min(1);
const sheets = z.array(z.number().int().min(1).max(26)).min(1);
const standardsData = z.strictObject({
  version: text, instrument: text, note: text,
  warnDaysBeforeExpiry: z.number().int().min(1).max(365), warnDaysSource: text,
  requirements: z.array(z.strictObject({
    code: z.string().regex(/^[a-z0-9_]+$/), kind: z.enum(['standard', 'regulation', 'certificate', 'label']),
    certificate: z.enum(['conformity', 'food_safety']).nullable(), expires: z.boolean(), vi: text, en: text, reference: text, source: text,
  })),
  productSets: z.array(z.strictObject({ sheets, requirements: z.array(text).min(1) })),
  markets: z.array(z.strictObject({
    code: z.string().regex(/^[A-Z]{2,3}$/), vi: text, en: text, sheets,
    requirements: z.array(z.strictObject({ code: z.string().regex(/^[a-z0-9_]+$/), vi: text, en: text, source: text, sheets: sheets.optional(), expires: z.boolean().optional() })),
  })),
}).superRefine((d, ctx) => {
  const codes = [...d.requirements.map((r) => r.code), ...d.markets.flatMap((m) => m.requirements.map((r) => r.code))];
  if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', message: 'every requirement code once' });
  for (const ps of d.productSets) for (const c of ps.requirements) if (!d.requirements.some((r) => r.code === c)) ctx.addIssue({ code: 'custom', message: `unknown requirement ${c}` });
});
export type StandardsData = z.infer<typeof standardsData>;
export const parseStandardsData = (raw: unknown): StandardsData => standardsData.parse(raw);
export const STANDARDS: StandardsData = parseStandardsData(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'programme', 'standards.json'), 'utf8')));

export type Requirement = {
  code: string; kind: 'standard' | 'regulation' | 'certificate' | 'label' | 'market'; certificate: 'conformity' | 'food_safety' | null; expires: boolean;
  vi: string; en: string; reference: string | null; source: string; market: string | null;
};

/** What a product's checklist asks for: its product set's standards and regulations (each once, in the data's
 * order), then each chosen market's extra requirements that apply to the set. */
export function requirementsFor(sheet: number, markets: string[], data: StandardsData = STANDARDS): Requirement[] {
  const codes = [...new Set(data.productSets.filter((ps) => ps.sheets.includes(sheet)).flatMap((ps) => ps.requirements))];
  const domestic: Requirement[] = data.requirements.filter((r) => codes.includes(r.code)).map((r) => ({ ...r, market: null }));
  const abroad: Requirement[] = data.markets.filter((m) => markets.includes(m.code) && m.sheets.includes(sheet)).flatMap((m) => m.requirements
    .filter((r) => !r.sheets || r.sheets.includes(sheet))
    .map((r) => ({ code: r.code, kind: 'market' as const, certificate: null, expires: r.expires ?? false, vi: r.vi, en: r.en, reference: null, source: r.source, market: m.code })));
  return [...domestic, ...abroad];
}

/** The markets a product set may aim at (those the data lists requirements for). */
export const marketsFor = (sheet: number, data: StandardsData = STANDARDS) => data.markets.filter((m) => m.sheets.includes(sheet)).map((m) => ({ code: m.code, vi: m.vi, en: m.en }));

const dayMs = 86_400_000;
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
export const addDaysTo = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

/** A dated item on `today`: lapsed after its expiry day, warning within the lead time, else in force. */
export function expiryState(expiresOn: string | null, today: string, warnDays = STANDARDS.warnDaysBeforeExpiry): { state: 'valid' | 'expiring' | 'expired'; daysLeft: number } | null {
  if (!expiresOn) return null;
  const daysLeft = daysBetween(today, expiresOn);
  return { state: daysLeft < 0 ? 'expired' : daysLeft <= warnDays ? 'expiring' : 'valid', daysLeft };
}
