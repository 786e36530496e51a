// Consumer reports' pure rules: the categories, service level, attachment and spam limits (data/supervision/
// reports.json, read once at start), the reference code, the service-level date and which status change each
// officer action makes. No I/O beyond reading the data file at load.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ReportStatus } from './reports.tables.js';

const reportData = z.strictObject({
  title: z.string(), titleEn: z.string(),
  serviceLevel: z.strictObject({ workingDays: z.number().int().min(1).max(60), note: z.string(), noteEn: z.string() }),
  categories: z.array(z.strictObject({ code: z.string().regex(/^[a-z_]{2,40}$/), name: z.string().min(1), nameEn: z.string().min(1) })).min(1),
  attachments: z.strictObject({ maxFiles: z.number().int().min(0).max(10), maxBytes: z.number().int().min(1024), types: z.array(z.enum(['image/jpeg', 'image/png', 'image/webp'])).min(1) }),
  spam: z.strictObject({ perIpPerHour: z.number().int().min(1), note: z.string(), noteEn: z.string() }),
}).refine((d) => new Set(d.categories.map((c) => c.code)).size === d.categories.length && d.categories.some((c) => c.code === 'other'), 'categories unique, "other" among them');
export type ReportData = z.infer<typeof reportData>;

export const parseReportData = (raw: unknown): ReportData => reportData.parse(raw);
export const REPORT_DATA: ReportData = parseReportData(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'supervision', 'reports.json'), 'utf8')));

export const categoryCodes = (data: ReportData = REPORT_DATA): [string, ...string[]] => data.categories.map((c) => c.code) as [string, ...string[]];
export const isCategory = (code: string, data: ReportData = REPORT_DATA) => data.categories.some((c) => c.code === code);

/** Reports per hour from one source address (the public forms and API share it). */
export const REPORT_IP_BUDGET = { name: 'report-ip', max: REPORT_DATA.spam.perIpPerHour, windowSeconds: 3600 };

// --- the reference code --------------------------------------------------------------------------------------------

/** Crockford's base 32: no I, L, O or U, so a code read over the phone is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_PATTERN = /^PA-\d{4}-[0-9A-HJKMNP-TV-Z]{8}$/;

/** 'PA-<year>-XXXXXXXX': 40 random bits, so a reference cannot be guessed from another (the lookup is rate limited too). */
export function newReference(year: number, bytes: Buffer = randomBytes(5)): string {
  let n = 0n;
  for (const b of bytes.subarray(0, 5)) n = (n << 8n) | BigInt(b);
  let code = '';
  for (let i = 0; i < 8; i++) { code = ALPHABET[Number(n & 31n)] + code; n >>= 5n; }
  return `PA-${year}-${code}`;
}

/** A reference as people type it (lower case, spaces, O for 0, I or L for 1) → the stored form; undefined if it
 * cannot be one. */
export function normalizeReference(input: string): string | undefined {
  const s = input.trim().toUpperCase().replace(/[\s_–—]+/g, '-').replace(/-+/g, '-');
  const m = /^PA-?(\d{4})-?([0-9A-Z]{8})$/.exec(s);
  if (!m) return undefined;
  const code = m[2].replace(/O/g, '0').replace(/[IL]/g, '1');
  const ref = `PA-${m[1]}-${code}`;
  return REFERENCE_PATTERN.test(ref) ? ref : undefined;
}

// --- the clock and the statuses ------------------------------------------------------------------------------------

export const OPEN: readonly ReportStatus[] = ['received', 'triaging', 'investigating'];
export const isOpen = (status: ReportStatus) => OPEN.includes(status);

/** Past its service-level date and still open. */
export const isOverdue = (r: { status: ReportStatus; slaDueOn: string }, today: string) => isOpen(r.status) && today > r.slaDueOn;

export type ReportAction = 'triage' | 'merge' | 'link' | 'close';

/** The status an action leaves a report in, or undefined when the action does not apply to its status. Triage moves
 * a new report to 'triaging' (or straight to 'investigating'); linking an inspection means it is being investigated;
 * closing and merging end it. A closed or merged report is not changed again. */
export function nextStatus(current: ReportStatus, action: ReportAction, opts: { investigate?: boolean } = {}): ReportStatus | undefined {
  if (!isOpen(current)) return undefined;
  switch (action) {
    case 'triage': return opts.investigate ? 'investigating' : current === 'received' ? 'triaging' : current;
    case 'link': return 'investigating';
    case 'close': return 'closed';
    case 'merge': return 'merged';
  }
}

/** What the public reads of a report: a merged one reads as the report it joined (its status and last change), so
 * the reporter sees the case progress and close. */
export function publicStatus(r: { status: ReportStatus; updatedAt: Date }, original?: { status: ReportStatus; updatedAt: Date }): { status: ReportStatus; updatedAt: Date } {
  if (r.status !== 'merged' || !original) return { status: r.status, updatedAt: r.updatedAt };
  return { status: original.status, updatedAt: original.updatedAt > r.updatedAt ? original.updatedAt : r.updatedAt };
}
