// Public holidays: seeded from data/holidays/vn.json (idempotently: a year loaded from the file is refreshed when the
// file changes, a year an administrator uploaded is left alone), and uploaded a year at a time by the central office
// from the workspace, audited, so a new year's notice needs no release.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import type { Queryable } from '../../../app/db.js';
import { forbidden, invalidField, staleVersion } from '../../../app/errors.js';
import { holidayCalendar } from '../deadlines.rules.js';
import type { holidayYearBody } from '../holidays.contract.js';
import { getHolidayYearForUpdate } from '../holidays.repo.js';
import { holiday, holidayYear } from '../holidays.tables.js';
import { redateCommuneDeadlines } from './redate-commune-deadlines.js';

type Day = { date: string; kind: 'holiday' | 'compensated' | 'swapped' | 'working_day'; name: string; nameEn: string };
type Notice = { status: 'official' | 'provisional'; ref?: string | null; note?: string | null };
type FileYear = { notice: Notice; holidays: (Omit<Day, 'kind'> & { kind?: Day['kind'] })[]; workingDays: Omit<Day, 'kind'>[] };

async function writeYear(tx: Queryable, year: number, notice: Notice, days: Day[], source: 'data' | 'upload', by: string | null, version: number) {
  await tx.delete(holidayYear).where(eq(holidayYear.year, year)); // cascades to the days
  await tx.insert(holidayYear).values({ year, noticeStatus: notice.status, noticeRef: notice.ref ?? null, noticeNote: notice.note ?? null, source, loadedBy: by, version });
  if (days.length) await tx.insert(holiday).values(days.map((d) => ({ ...d, year })));
}

const fileDays = (y: FileYear): Day[] => [
  ...y.holidays.map((h) => ({ date: h.date, kind: h.kind ?? 'holiday', name: h.name, nameEn: h.nameEn })),
  ...y.workingDays.map((w) => ({ date: w.date, kind: 'working_day' as const, name: w.name, nameEn: w.nameEn })),
];

/** Seeds or refreshes the years of data/holidays/vn.json; true when anything was written. */
export async function loadHolidays(tx: Queryable): Promise<boolean> {
  const file = holidayCalendar() as unknown as { years: Record<string, FileYear> };
  let changed = false;
  for (const [key, y] of Object.entries(file.years)) {
    const year = Number(key);
    const current = await getHolidayYearForUpdate(tx, year);
    if (current?.source === 'upload') continue;
    const days = fileDays(y);
    if (current) {
      const stored = await tx.select().from(holiday).where(eq(holiday.year, year));
      const same = current.noticeStatus === y.notice.status && (current.noticeRef ?? null) === (y.notice.ref ?? null) && (current.noticeNote ?? null) === (y.notice.note ?? null)
        && stored.length === days.length && days.every((d) => stored.some((s) => s.date === d.date && s.kind === d.kind && s.name === d.name && s.nameEn === d.nameEn));
      if (same) continue;
    }
    await writeYear(tx, year, y.notice, days, 'data', null, (current?.version ?? 0) + 1);
    changed = true;
  }
  return changed;
}

/** The central office loads a year's notice: every day of that year is replaced by the ones given. */
export async function uploadHolidayYear(ctx: Ctx, year: number, input: z.infer<typeof holidayYearBody>) {
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'central') throw forbidden();
  input.days.forEach((d, i) => {
    if (Number(d.date.slice(0, 4)) !== year) throw invalidField(`days.${i}.date`, 'date_outside_year', { vi: `Ngày ${d.date} không thuộc năm ${year}`, en: `${d.date} is not in ${year}` });
    if (input.days.findIndex((x) => x.date === d.date) !== i) throw invalidField(`days.${i}.date`, 'duplicate_date', { vi: `Ngày ${d.date} bị lặp`, en: `${d.date} is listed twice` });
  });
  const before = await getHolidayYearForUpdate(ctx.tx, year);
  if (before && input.version !== before.version) throw staleVersion(before.version);
  const beforeDays = before ? await ctx.tx.select().from(holiday).where(eq(holiday.year, year)) : [];
  const actorId = ctx.actor.id;
  await writeYear(ctx.tx, year, { status: input.noticeStatus, ref: input.noticeRef, note: input.noticeNote }, input.days, 'upload', actorId, (before?.version ?? 0) + 1);
  await recordAudit(ctx, { action: 'holidays.upload', recordType: 'holiday_year', recordId: String(year), before: before ? { ...before, days: beforeDays } : null, after: { year, ...input } });
  // The dossiers waiting for their commune report follow the new calendar.
  await redateCommuneDeadlines(ctx, { holidayYear: year });
}
