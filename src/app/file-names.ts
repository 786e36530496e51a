// File names that keep their meaning without diacritics: "Mẫu 01 – 001/PĐK-08-00769-2026" becomes
// "Mau-01-001-PDK-08-00769-2026", never "M_u 01 001_P_K…". Đ and đ are letters of their own in Unicode (no combining
// mark to strip), so they are mapped by hand.

/** Vietnamese text without its marks: "Đặc sản Mèo Vạc" → "Dac san Meo Vac". */
export function asciiFold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * One path-safe piece of a file name (the caller adds the extension): marks folded away, every run of other
 * characters (slashes, dots, spaces, quotes, line breaks) turned into one "-", case kept (PDK in a form number is an
 * abbreviation), at most `max` characters.
 */
export function fileSlug(s: string, max = 80): string {
  return asciiFold(s).replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
}
