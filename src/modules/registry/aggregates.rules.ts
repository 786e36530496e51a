// Counts by a sensitive attribute (sex, ethnicity, disability of entity representatives) for dashboards. Under
// Nghị định 13/2023/NĐ-CP ethnicity and health are sensitive personal data: a small count in a commune can point at
// one person, so a cell below the minimum size (data/privacy) is withheld, and when withholding one cell alone would
// let a reader recover it from the total, the next smallest cell is withheld too. Pure: no I/O.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type PrivacyRules = { instrument: string; version: string; minimumCellSize: number };

export const PRIVACY_RULES: PrivacyRules = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'privacy', 'nd-13-2023.json'), 'utf8'));

export type Cell = { key: string; count: number };
/** A published cell: `count` is null when withheld; `suppressed` says so for screens and exports. */
export type PublishedCell = { key: string; count: number | null; suppressed: boolean };
export type PublishedTable = { cells: PublishedCell[]; total: number | null; minimumCellSize: number; instrument: string };

export function suppressSmallCells(cells: Cell[], minimumCellSize = PRIVACY_RULES.minimumCellSize): PublishedTable {
  if (!Number.isInteger(minimumCellSize) || minimumCellSize < 1) throw new RangeError('minimumCellSize must be a positive integer');
  for (const c of cells) if (!Number.isInteger(c.count) || c.count < 0) throw new RangeError(`count of ${c.key} must be a non-negative integer`);
  const total = cells.reduce((s, c) => s + c.count, 0);
  // Zero is published: it names nobody. 1 … minimum-1 could.
  const small = (c: Cell) => c.count > 0 && c.count < minimumCellSize;
  const withheld = new Set(cells.filter(small).map((c) => c.key));
  const totalShown = total >= minimumCellSize;
  // One withheld cell beside a published total is a subtraction away: withhold the smallest other non-zero cell too.
  if (totalShown && withheld.size === 1) {
    const next = cells.filter((c) => !withheld.has(c.key) && c.count > 0).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
    if (next) withheld.add(next.key);
  }
  return {
    cells: cells.map((c) => ({ key: c.key, count: withheld.has(c.key) || !totalShown ? null : c.count, suppressed: withheld.has(c.key) || !totalShown })),
    total: totalShown ? total : null,
    minimumCellSize,
    instrument: PRIVACY_RULES.instrument,
  };
}
