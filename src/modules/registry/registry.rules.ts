// Pure registry rules.

/** The official product code `T-X-STT-YYYY`: province code, commune code, the commune's sequence number, year (QĐ 26/2026, score-sheet header). */
export function productCode(provinceCode: string, communeCode: string, sequence: number, year: number): string {
  return `${provinceCode}-${communeCode}-${sequence}-${year}`;
}

export function parseProductCode(code: string): { provinceCode: string; communeCode: string; sequence: number; year: number } | null {
  const m = /^(\d{2})-(\d{5})-(\d+)-(\d{4})$/.exec(code);
  return m ? { provinceCode: m[1], communeCode: m[2], sequence: Number(m[3]), year: Number(m[4]) } : null;
}

/** The calendar year in Viet Nam (UTC+7, no daylight saving) at `now`: the YYYY of a product code registered at
 * 00:30 on 1 January in Hà Nội is the new year, although it is still 31 December in UTC. */
export function vietnamYear(now: Date): number {
  return new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
}

/** Whether an entity's phone and e-mail appear on its public page: its own choice once made; until then an
 * organisation publishes its business line and a household business (whose phone is the person's own) does not. */
export function publishesContact(e: { type: string; publishContact: boolean | null }): boolean {
  return e.publishContact ?? e.type !== 'ho_kinh_doanh';
}
