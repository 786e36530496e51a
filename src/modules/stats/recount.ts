// The counts made true for today (Việt Nam time), with the modern channel types in force and the re-rating window as
// the horizon of "expiring". Called before every indicator read, and by a background check every few minutes, so
// the full recount of a new day (seconds at 100,000 entities) is rarely paid by a visitor.
import type { Db } from '../../app/db.js';
import { addDays, RULES, vnDate } from '../scoring/index.js';
import { modernTypes } from '../trade/index.js';
import { ensureCounts } from './counts.repo.js';

export const EXPIRING_WITHIN_DAYS = RULES.reRating.windowOpensDaysBeforeExpiry;

export async function countsForToday(db: Db, today = vnDate(new Date())): Promise<string> {
  await ensureCounts(db, today, addDays(today, EXPIRING_WITHIN_DAYS), modernTypes());
  return today;
}
