// What the audit trail shows of a change: the before and after of a record, less what must never leave the database
// (secrets) or is personal data of the sensitive class (Nghị định 13/2023/NĐ-CP: a representative's sex, ethnicity,
// disability and personal identifiers): the field names still say what changed.
const SECRET = /password|hash|token|secret|csrf/i;
const SENSITIVE = /^(sex|ethnicity|disability|idNumber|personalId|dateOfBirth|birthDate|permanentAddress|personalPhone)$/;
export const REDACTED = '[…]';

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 12 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET.test(k) || SENSITIVE.test(k) ? REDACTED : redact(v, depth + 1)]));
}

/** The fields that differ between before and after (all of one side when the other is missing). */
export function changedFields(before: unknown, after: unknown): string[] {
  const obj = (x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? x as Record<string, unknown> : null);
  const b = obj(before); const a = obj(after);
  if (!b || !a) return Object.keys(a ?? b ?? {});
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'version' && k !== 'updatedAt' && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}
