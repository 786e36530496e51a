// Pure registry rules.

/** The official product code `T-X-STT-YYYY`: province code, commune code, the commune's sequence number, year (QĐ 26/2026, score-sheet header). */
export function productCode(provinceCode: string, communeCode: string, sequence: number, year: number): string {
  return `${provinceCode}-${communeCode}-${sequence}-${year}`;
}

export function parseProductCode(code: string): { provinceCode: string; communeCode: string; sequence: number; year: number } | null {
  const m = /^(\d{2})-(\d{5})-(\d+)-(\d{4})$/.exec(code);
  return m ? { provinceCode: m[1], communeCode: m[2], sequence: Number(m[3]), year: Number(m[4]) } : null;
}
