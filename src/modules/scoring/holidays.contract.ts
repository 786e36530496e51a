// Request and response shapes of the holiday calendar (data/holidays seeds it; the central office uploads a year).
import { z } from 'zod';
import { HOLIDAY_KINDS, NOTICE_STATUSES } from './holidays.tables.js';

const day = z.strictObject({ date: z.iso.date(), kind: z.enum(HOLIDAY_KINDS), name: z.string().trim().min(1).max(300), nameEn: z.string().trim().min(1).max(300) });
export const holidayYearBody = z.strictObject({
  noticeStatus: z.enum(NOTICE_STATUSES),
  /** The notice that fixed the year (number, date, issuer); may be empty only while provisional. */
  noticeRef: z.string().trim().max(500).nullable().optional(),
  noticeNote: z.string().trim().max(2000).nullable().optional(),
  days: z.array(day).max(60),
  /** The version read, when the year exists already. */
  version: z.number().int().min(1).optional(),
}).refine((b) => b.noticeStatus === 'provisional' || !!b.noticeRef, { path: ['noticeRef'], message: 'An official year names its notice' });
export const yearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const holidayYearsOut = z.object({
  items: z.array(z.object({
    year: z.number(), noticeStatus: z.enum(NOTICE_STATUSES), noticeRef: z.string().nullable(), noticeNote: z.string().nullable(), source: z.enum(['data', 'upload']),
    loadedAt: z.string(), version: z.number(), days: z.array(z.object({ date: z.string(), kind: z.enum(HOLIDAY_KINDS), name: z.string(), nameEn: z.string() })),
  })),
});
