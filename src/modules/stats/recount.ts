// The counts made true for today (Việt Nam time), with the modern channel types in force, the re-rating window as the
// horizon of "expiring" and the Điều 12.3 grace of a late re-rating. Called before every indicator read, and by a
// background check every few minutes (a new day then applies its dated changes before a visitor comes).
import type { Db } from '../../app/db.js';
import { RULES, vnDate } from '../scoring/index.js';
import { modernTypes } from '../trade/index.js';
import { ensureCounts } from './counts.repo.js';

export const EXPIRING_WITHIN_DAYS = RULES.reRating.windowOpensDaysBeforeExpiry;

export async function countsForToday(db: Db, today = vnDate(new Date())): Promise<string> {
  await ensureCounts(db, today, EXPIRING_WITHIN_DAYS, RULES.transition.graceDaysAfterExpiry, modernTypes());
  return today;
}
