// One drawing per product group of Phụ lục I (QĐ 26/2026/QĐ-TTg), shown where a product has no photo yet: a tint by
// sector and a pictogram of the group, drawn for this project. Served as /minh-hoa/<group>.svg (cached by browsers
// across pages, and an image, so it does not weigh on the page itself).

/** Background and ink by sector (I food … VI tourism). */
const TINT: Record<string, [string, string]> = {
  I: ['#e4f3e8', '#2e7d4f'], II: ['#fcefdc', '#a8590b'], III: ['#efe8f7', '#6b4a94'],
  IV: ['#f5ecdf', '#87603a'], V: ['#fbe9ef', '#a23b62'], VI: ['#e1f2f2', '#256f73'],
};

const W = '#ffffff';
/** The pictograms, in a 120 × 90 box. */
const DRAWING: Record<string, string> = {
  'I.1': `<path d="M28 45c14-16 36-18 52 0-16 18-38 16-52 0z"/><path d="M78 45l16-12v24z"/><circle cx="40" cy="42" r="3" fill="${W}"/>`,
  'I.2': `<path d="M47 26h26v6H47z"/><path d="M46 33h28l-3 5c11 6 15 17 13 30H36c-2-13 2-24 13-30z"/><path d="M50 52h20" stroke="${W}" stroke-width="3"/>`,
  'I.3': `<rect x="44" y="20" width="32" height="9" rx="2"/><path d="M42 31h36v33a6 6 0 0 1-6 6H48a6 6 0 0 1-6-6z"/><rect x="48" y="42" width="24" height="13" rx="2" fill="${W}" opacity=".75"/>`,
  'I.4': `<path d="M36 62c22 6 40-8 44-30 1-5 7-8 7-8l3 4s-5 3-5 6c-3 26-28 38-49 28z"/>`,
  'I.5': `<path d="M34 68C34 36 60 22 90 22c0 32-23 48-56 46z"/><path d="M38 64L82 28" stroke="${W}" stroke-width="2.5"/>`,
  'I.6': `<ellipse cx="60" cy="45" rx="16" ry="24" transform="rotate(30 60 45)"/><path d="M50 26c12 10 6 26 20 38" stroke="${W}" stroke-width="3" fill="none"/>`,
  'II.1': `<path d="M54 16h12v14l7 9v31a4 4 0 0 1-4 4H51a4 4 0 0 1-4-4V39l7-9z"/><rect x="50" y="46" width="20" height="14" rx="2" fill="${W}" opacity=".75"/>`,
  'II.2': `<path d="M40 30h40l-6 44H46z"/><path d="M64 14l-5 30" stroke-width="4" stroke="currentColor" fill="none"/><path d="M44 42h32" stroke="${W}" stroke-width="3"/>`,
  'III.1': `<g transform="rotate(-30 60 45)"><rect x="34" y="36" width="52" height="18" rx="9"/><path d="M60 36h17a9 9 0 0 1 0 18H60z" fill="${W}" opacity=".75"/></g>`,
  'III.2': `<path d="M56 24h18v5H56zM57 29h8v9h-8z"/><path d="M47 39h26v32a4 4 0 0 1-4 4H51a4 4 0 0 1-4-4z"/><path d="M53 52h14" stroke="${W}" stroke-width="3"/>`,
  'III.3': `<path d="M60 14c11 17 22 28 22 41a22 22 0 0 1-44 0c0-13 11-24 22-41z"/><path d="M50 56a10 10 0 0 0 10 10" stroke="${W}" stroke-width="3" fill="none"/>`,
  'IV.1': `<path d="M40 38c0-18 40-18 40 0" fill="none" stroke="currentColor" stroke-width="5"/><path d="M32 38h56l-7 34H39z"/><path d="M38 48h44M40 58h40M48 38l4 34M60 38v34M72 38l-4 34" stroke="${W}" stroke-width="2"/>`,
  'IV.2': `<rect x="40" y="18" width="40" height="7" rx="2"/><rect x="40" y="65" width="40" height="7" rx="2"/><rect x="47" y="25" width="26" height="40"/><path d="M47 33l26 6M47 43l26 6M47 53l26 6" stroke="${W}" stroke-width="2"/>`,
  'V.1': `<path d="M60 50v26" stroke="currentColor" stroke-width="4"/><path d="M60 66c-8 0-14-6-14-10 8 0 14 4 14 10z"/><circle cx="60" cy="24" r="9"/><circle cx="72" cy="34" r="9"/><circle cx="67" cy="48" r="9"/><circle cx="53" cy="48" r="9"/><circle cx="48" cy="34" r="9"/><circle cx="60" cy="37" r="6" fill="${W}"/>`,
  'V.2': `<path d="M42 60h36l-5 14H47z"/><path d="M60 60V42l-8-6" stroke="currentColor" stroke-width="4" fill="none"/><ellipse cx="50" cy="34" rx="15" ry="8"/><ellipse cx="70" cy="28" rx="14" ry="8"/>`,
  'V.3': `<path d="M32 52c4-16 24-22 38-13l14-5-7 11c0 16-18 24-34 19l-13 9 4-13c-2-2-2-5-2-8z"/><circle cx="72" cy="44" r="2.5" fill="${W}"/>`,
  'VI.1': `<path d="M22 74l24-36 14 18 12-14 26 32z"/><circle cx="88" cy="24" r="7"/><path d="M40 74V60h12v14" fill="${W}" opacity=".75"/>`,
};

export const ILLUSTRATED_GROUPS = Object.keys(DRAWING);

/** The SVG of a group, or undefined for a code that names none. */
export function illustrationSvg(group: string): string | undefined {
  const drawing = DRAWING[group];
  if (!drawing) return undefined;
  const [bg, ink] = TINT[group.split('.')[0]];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 90" width="480" height="360"><rect width="120" height="90" fill="${bg}"/><g fill="${ink}" color="${ink}">${drawing}</g></svg>`;
}

export const illustrationPath = (group: string) => `/minh-hoa/${group}.svg`;
