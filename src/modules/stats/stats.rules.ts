// Indicators' pure rules: the share against a target, CSV out (src/app/csv.ts). No I/O.

/** The share in percent, one decimal (0 when there is nothing to divide by: no OCOP entity in the area yet). */
export function percentOf(numerator: number, denominator: number): number {
  if (denominator <= 0) return 0;
  return Math.round((numerator * 1000) / denominator) / 10;
}

export { toCsv } from '../../app/csv.js';

/** What the dashboards' counts were computed for, and whether a write has marked a commune since. */
export type CountState = { asOf: string | null; modernTypes: string[] | null; dirty: boolean };

/** Whether the counts can be read as they are ('none'), need the marked communes recounted ('dirty'), need moving to a
 * later day — the dated changes due applied, then the marked communes recounted — ('roll'), or a recount of every
 * commune ('all': never counted, a day earlier than the counts' — the clock went back —, or another list of modern
 * channel types). */
export function recountNeeded(s: CountState, today: string, modern: string[]): 'none' | 'dirty' | 'roll' | 'all' {
  const sameTypes = s.modernTypes !== null && [...s.modernTypes].sort().join('\n') === [...modern].sort().join('\n');
  if (s.asOf === null || s.asOf > today || !sameTypes) return 'all';
  if (s.asOf < today) return 'roll';
  return s.dirty ? 'dirty' : 'none';
}

type Period = { from: string; to: string };
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthOf = (y: number, m: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;

/** A period (inclusive ISO days) as its whole calendar months ('YYYY-MM', first and last; none when it holds no whole
 * month) and the days outside them: the counts keep certificates by month, the days at the edges are counted live. */
export function splitByMonths(p: Period): { months?: { first: string; last: string }; edges: Period[] } {
  if (p.from > p.to) return { edges: [] };
  const [fy, fm, fd] = p.from.split('-').map(Number);
  const [ty, tm, td] = p.to.split('-').map(Number);
  const first = fd === 1 ? [fy, fm] : fm === 12 ? [fy + 1, 1] : [fy, fm + 1];
  const last = td === lastDayOf(ty, tm) ? [ty, tm] : tm === 1 ? [ty - 1, 12] : [ty, tm - 1];
  const months = { first: monthOf(first[0], first[1]), last: monthOf(last[0], last[1]) };
  if (months.first > months.last) return { edges: [p] };
  const edges: Period[] = [];
  if (fd !== 1) edges.push({ from: p.from, to: `${monthOf(fy, fm)}-${String(lastDayOf(fy, fm)).padStart(2, '0')}` });
  if (td !== lastDayOf(ty, tm)) edges.push({ from: `${monthOf(ty, tm)}-01`, to: p.to });
  return { months, edges };
}

export type Share = { ocop: number; modern: number };

/** Areas' shares against the target, best first (then the larger denominator, then the code): the drill-down's
 * ranking. `reached` when the share is at or above the target (an area without OCOP entity reaches nothing). */
export function rankShares<T extends Share & { code: string }>(rows: T[], target: number, order: 'rank' | 'code' = 'rank'): (T & { percent: number; reached: boolean })[] {
  const out = rows.map((r) => ({ ...r, ocop: Number(r.ocop), modern: Number(r.modern), percent: percentOf(Number(r.modern), Number(r.ocop)), reached: Number(r.ocop) > 0 && percentOf(Number(r.modern), Number(r.ocop)) >= target }));
  if (order === 'code') return out.sort((x, y) => x.code.localeCompare(y.code));
  return out.sort((x, y) => y.percent - x.percent || y.ocop - x.ocop || x.code.localeCompare(y.code));
}
