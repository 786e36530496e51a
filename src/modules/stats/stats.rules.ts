// Indicators' pure rules: the share against a target, CSV out (src/app/csv.ts). No I/O.

/** The share in percent, one decimal (0 when there is nothing to divide by: no OCOP entity in the area yet). */
export function percentOf(numerator: number, denominator: number): number {
  if (denominator <= 0) return 0;
  return Math.round((numerator * 1000) / denominator) / 10;
}

export { toCsv } from '../../app/csv.js';
