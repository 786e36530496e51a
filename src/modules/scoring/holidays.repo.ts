// Holiday queries; no decisions. The calendar built here is what the pure working-day rules take as an argument.
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../app/db.js';
import { holidayCalendar, type HolidayCalendar } from './deadlines.rules.js';
import { holiday, holidayYear } from './holidays.tables.js';

export async function listHolidayYears(db: Queryable) {
  const years = await db.select().from(holidayYear).orderBy(asc(holidayYear.year));
  const days = await db.select().from(holiday).orderBy(asc(holiday.date));
  return years.map((y) => ({ ...y, days: days.filter((d) => d.year === y.year) }));
}

export async function getHolidayYearForUpdate(db: Queryable, year: number) {
  const [row] = await db.select().from(holidayYear).where(eq(holidayYear.year, year)).for('update');
  return row;
}

/** The calendar of the database, in the shape of data/holidays/vn.json (weekly rest days from that file). */
export async function calendarFromDb(db: Queryable): Promise<HolidayCalendar> {
  const days = await db.select().from(holiday);
  const years: HolidayCalendar['years'] = {};
  for (const d of days) {
    const y = (years[String(d.year)] ??= { holidays: [], workingDays: [] });
    (d.kind === 'working_day' ? y.workingDays : y.holidays).push({ date: d.date, name: d.name, nameEn: d.nameEn });
  }
  return { weeklyRestDays: holidayCalendar().weeklyRestDays, years };
}
