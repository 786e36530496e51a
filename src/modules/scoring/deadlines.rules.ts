// Deadlines in working days and the evaluation rounds of Điều 5 — pure functions over ISO dates ('yyyy-mm-dd').
// The numbers (15 working days, the round cut-offs, the 45-day re-rating limit) and the holiday calendar are data:
// data/rules and data/holidays.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, type LegalRules } from './rules.data.js';

export type IsoDate = string;
export type Holiday = { date: IsoDate; name: string; nameEn: string };
export type HolidayCalendar = {
  weeklyRestDays: number[];
  years: Record<string, { holidays: Holiday[]; workingDays: { date: IsoDate; name: string; nameEn: string }[] }>;
};
export type Round = { round: number; cutoff: string; finishBefore: string };
export type ProcedureRules = {
  instrument: string;
  communePreAssessment: { workingDays: number; source: string };
  /** Which dossiers a council may evaluate by written opinion instead of a meeting (re-rating). */
  writtenOpinion: { dossierTypes: string[]; source: string };
  rounds: { cutoffInclusive: boolean; province: { rounds: Round[]; source: string }; central: { rounds: Round[]; source: string } };
  samples: { count: number; exceptSheets: number[] };
};

const dataDir = join(import.meta.dirname, '..', '..', '..', 'data');
let holidaysCache: HolidayCalendar | undefined;
let procedureCache: ProcedureRules | undefined;

export function holidayCalendar(): HolidayCalendar {
  return (holidaysCache ??= JSON.parse(readFileSync(join(dataDir, 'holidays', 'vn.json'), 'utf8')) as HolidayCalendar);
}
export function procedureRules(): ProcedureRules {
  return (procedureCache ??= JSON.parse(readFileSync(join(dataDir, 'rules', 'qd-26-2026-procedure.json'), 'utf8')) as ProcedureRules);
}

const toDate = (d: IsoDate) => new Date(`${d}T00:00:00Z`);
const toIso = (d: Date): IsoDate => d.toISOString().slice(0, 10);
const addDays = (d: IsoDate, n: number): IsoDate => { const x = toDate(d); x.setUTCDate(x.getUTCDate() + n); return toIso(x); };

/** The calendar date in Việt Nam (UTC+7, no daylight saving) of an instant. */
export function vnDate(at: Date): IsoDate {
  return toIso(new Date(at.getTime() + 7 * 3600_000));
}

/** 'yyyy-mm-dd' (or an ISO instant) → 'dd/MM/yyyy', the way Vietnamese documents and messages write dates. */
export const viDate = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('/');

export function holidayOn(d: IsoDate, cal: HolidayCalendar = holidayCalendar()): Holiday | undefined {
  return cal.years[d.slice(0, 4)]?.holidays.find((h) => h.date === d);
}

export function isWorkingDay(d: IsoDate, cal: HolidayCalendar = holidayCalendar()): boolean {
  const year = cal.years[d.slice(0, 4)];
  if (year?.workingDays.some((w) => w.date === d)) return true; // a make-up Saturday
  if (cal.weeklyRestDays.includes(toDate(d).getUTCDay())) return false;
  return !year?.holidays.some((h) => h.date === d);
}

/** The N-th working day after `start` (the day of receipt does not count): "trong thời hạn N ngày làm việc kể từ ngày tiếp nhận". */
export function addWorkingDays(start: IsoDate, n: number, cal: HolidayCalendar = holidayCalendar()): IsoDate {
  let d = start;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: HolidayCalendar = holidayCalendar()): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}

/** When the commune's Mẫu 03 report is due for a dossier received on `receivedOn`. */
export function communeReviewDue(receivedOn: IsoDate, rules: ProcedureRules = procedureRules(), cal: HolidayCalendar = holidayCalendar()): IsoDate {
  return addWorkingDays(receivedOn, rules.communePreAssessment.workingDays, cal);
}

export type RoundAssignment = { level: 'province' | 'central'; round: number; year: number; cutoff: IsoDate; finishBefore: IsoDate };

/** Which evaluation round a proposal dated `proposedOn` falls in (Điều 5) and the date the round must finish before.
 * Province: proposals by the commune; central: proposals by the province. */
export function roundFor(level: 'province' | 'central', proposedOn: IsoDate, rules: ProcedureRules = procedureRules()): RoundAssignment {
  const rounds = [...rules.rounds[level].rounds].sort((a, b) => a.cutoff.localeCompare(b.cutoff));
  const inclusive = rules.rounds.cutoffInclusive;
  const year = Number(proposedOn.slice(0, 4));
  for (const y of [year, year + 1]) {
    for (const r of rounds) {
      const cutoff = `${y}-${r.cutoff}`;
      if (inclusive ? proposedOn <= cutoff : proposedOn < cutoff) {
        const finishYear = r.finishBefore >= r.cutoff ? y : y + 1;
        return { level, round: r.round, year: y, cutoff, finishBefore: `${finishYear}-${r.finishBefore}` };
      }
    }
  }
  throw new Error('no evaluation round configured');
}

/** The last day of a re-rating (Điều 7.6.g): at most `maxDays` calendar days from the day the office received the
 * complete dossier; like the working-day deadlines, the day of receipt does not count. */
export function reRatingDueOn(receivedOn: IsoDate, maxDays: number = RULES.reRating.maxDurationDays): IsoDate {
  return addDays(receivedOn, maxDays);
}

export function isOverdue(due: IsoDate | null, today: IsoDate): boolean {
  return due !== null && today > due;
}

type TransitionRules = { transition: Pick<LegalRules['transition'], 'pendingDossiers' | 'lapsing'> };

/** Điều 12.2: a dossier filed before QĐ 26 took effect (22/05/2026) under an earlier instrument, not yet decided, is
 * finished under that instrument within 60 days (first rating, upgrade) or 30 days (re-rating) from the day QĐ 26 took
 * effect; like the other deadlines, that day does not count. Null for a dossier filed under QĐ 26 or on/after 22/05. */
export function transitionDueOn(d: { type: 'first' | 'upgrade' | 'rerating'; filedUnder: string; filedOn: IsoDate | null }, rules: TransitionRules = RULES): IsoDate | null {
  const p = rules.transition.pendingDossiers;
  if (!d.filedOn || d.filedOn >= p.effectiveOn || d.filedUnder === RULES.instrument) return null;
  return addDays(p.effectiveOn, p.finishWithinDays[d.type]);
}

/** Điều 11.2: the last day QĐ 148/QĐ-TTg and QĐ 1489/QĐ-TTg are in force (60 days after 22/05/2026). */
export function lapsingInstruments(rules: TransitionRules = RULES): { instruments: string[]; lastDayInForce: IsoDate } {
  const l = rules.transition.lapsing;
  return { instruments: l.instruments, lastDayInForce: addDays(rules.transition.pendingDossiers.effectiveOn, l.daysAfterEffective) };
}
