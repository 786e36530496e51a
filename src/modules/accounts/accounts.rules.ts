// Password hashing and token generation: pure apart from the randomness they need.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: { N: number; r: number; p: number }) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1 };

/** `scrypt$N$r$p$salt$hash`, all base64url: self-describing, so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password.normalize('NFC'), salt, 32, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    await scrypt(password, randomBytes(16), 32, PARAMS); // same cost either way: no user enumeration by timing
    return false;
  }
  const [, N, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, { N: Number(N), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export const LOCKOUT = { maxFailures: 5, minutes: 15 };
export const SESSION_DAYS = 7;

/**
 * Attempt budgets counted in the database (accounts.limiter.ts), shared by every server process. A login that
 * succeeds gives its attempt back, so the budgets count failures: a whole office behind one address logs in freely,
 * an address guessing at accounts is stopped.
 */
export const BUDGETS = {
  loginPerAddress: { name: 'login:ip', max: 100, windowSeconds: 15 * 60 },
  loginPerAddressAndEmail: { name: 'login:ip-email', max: 10, windowSeconds: 15 * 60 },
  signupPerAddress: { name: 'signup:ip', max: 30, windowSeconds: 60 * 60 },
  resetPerAddress: { name: 'reset:ip', max: 20, windowSeconds: 60 * 60 },
  resetPerEmail: { name: 'reset:email', max: 3, windowSeconds: 60 * 60 },
} as const;
export type Budget = { name: string; max: number; windowSeconds: number };

/** API tokens: 90 days unless the caller asks for another term, never more than a year. */
export const TOKEN_DAYS = { default: 90, max: 365 };
/** A password-reset link works once, within the hour. */
export const RESET_MINUTES = 60;

/**
 * The password policy (NIST SP 800-63B, no composition rules): at least 12 characters — a passphrase of four
 * ordinary words such as "mùa xuân trên cao nguyên" passes — at most 200, not one character repeated, and not on
 * the list of common passwords (compared case-insensitively with spaces removed, so "Mat Khau 123" is "matkhau123").
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_too_common';

export const passwordKey = (password: string) => password.normalize('NFC').toLowerCase().replace(/\s+/g, '');

export function passwordProblem(password: string, common: ReadonlySet<string>): PasswordProblem | null {
  const chars = [...password.normalize('NFC')];
  if (chars.length < PASSWORD_MIN) return 'password_too_short';
  if (chars.length > PASSWORD_MAX) return 'password_too_long';
  const key = passwordKey(password);
  if (new Set(key).size <= 2 || common.has(key)) return 'password_too_common';
  return null;
}

/** The demo accounts' domain (src/cli/seed): while such an account exists, the login page shows the demo password. */
export const DEMO_EMAIL_DOMAIN = 'demo.ocop.vn';
