// How an administrative unit is written in a sentence, a place line or an address. The database keeps the official
// full names ("Tỉnh Tuyên Quang", "Xã Mèo Vạc", "Thành phố Hà Nội", "Đặc khu Phú Quốc"), so text that adds its own
// unit word prints "tỉnh Tỉnh Tuyên Quang". Every printed sentence goes through these instead.

/** The unit words a full name may start with, longest first ("Thành phố" before a bare "Thành"). */
const UNIT_WORDS = ['Thành phố', 'Đặc khu', 'Phường', 'Tỉnh', 'Xã', 'Thị trấn', 'Thị xã', 'Huyện', 'Quận'];
const WORD = new RegExp(`^(${UNIT_WORDS.join('|')})\\s+`, 'iu');

const nfc = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

/** "Tỉnh Tuyên Quang" → "Tuyên Quang"; a name without a unit word is returned as it is. */
export function bareUnitName(fullName: string): string {
  return nfc(fullName).replace(WORD, '');
}

/**
 * The unit inside running text, its word in lower case: "Tỉnh Tuyên Quang" → "tỉnh Tuyên Quang". A name stored
 * without its unit word gets `kind` ("tỉnh", "xã") in front, so both spellings print once and the same way.
 */
export function unitInText(name: string, kind?: string): string {
  const s = nfc(name);
  const m = WORD.exec(s);
  if (m) return `${m[1].toLocaleLowerCase('vi')} ${s.slice(m[0].length)}`;
  return kind ? `${kind} ${s}` : s;
}

/**
 * The place of a document's date line (Nghị định 30/2020/NĐ-CP, Phụ lục I): the unit's own name without its
 * word ("Tuyên Quang, ngày …", "Mèo Vạc, ngày …"), except a unit named by a number, which keeps it ("Phường 3").
 */
export function placeName(fullName: string): string {
  const bare = bareUnitName(fullName);
  return /^\d+$/.test(bare) ? nfc(fullName) : bare;
}

const fold = (s: string) => nfc(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

/**
 * An address with its commune and province, each once: a street address that already names the commune
 * ("Thôn Tả Chải, Xã Mèo Vạc" or "…, Mèo Vạc") or the province is not given them again. Compared part by part
 * (between commas) without case or marks, so "xã Meo Vac" counts as "Xã Mèo Vạc". A part with its unit word must
 * match the word too ("Phường Tuyên Quang" is not "Tỉnh Tuyên Quang"); a bare part ("Mèo Vạc") stands for one unit.
 */
export function addressLine(street: string | null | undefined, ...units: (string | null | undefined)[]): string {
  const parts = (street ?? '').split(',').map(nfc).filter(Boolean);
  const withWord = new Set(parts.filter((p) => WORD.test(p)).map((p) => fold(unitInText(p))));
  const bare = parts.filter((p) => !WORD.test(p)).map(fold);
  for (const unit of units) {
    if (!unit) continue;
    if (withWord.has(fold(unitInText(unit)))) continue;
    const i = bare.indexOf(fold(bareUnitName(unit)));
    if (i >= 0) { bare.splice(i, 1); continue; }
    parts.push(unitInText(unit));
  }
  return parts.join(', ');
}
