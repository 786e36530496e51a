// Trainings' pure rules: the short-lived signed check-in link the organiser's screen shows as a QR code, the
// certificate file names, the evaluation summary. No I/O.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { RATINGS } from './trainings.tables.js';

/** How long a check-in link works: the organiser's screen shows a fresh one every few minutes (CHECKIN_REFRESH). */
export const CHECKIN_TTL_SECONDS = 15 * 60;
export const CHECKIN_REFRESH_SECONDS = 5 * 60;

const mac = (secret: string, trainingId: string, exp: number) => createHmac('sha256', secret).update(`${trainingId}.${exp}`).digest('base64url').slice(0, 27);

/** `<training id>.<expiry, unix seconds>.<HMAC>`: short enough for a small QR code, useless once expired or altered. */
export function signCheckin(secret: string, trainingId: string, now: Date, ttl = CHECKIN_TTL_SECONDS): { token: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + ttl;
  return { token: `${trainingId}.${exp}.${mac(secret, trainingId, exp)}`, expiresAt: new Date(exp * 1000) };
}

/** The training a token names (before its signature is checked: the secret is that training's). */
export function tokenTraining(token: string): string | undefined {
  const m = /^([0-9a-f-]{36})\.(\d{9,11})\.([A-Za-z0-9_-]{27})$/.exec(token);
  return m?.[1];
}

export type CheckinVerdict = 'ok' | 'malformed' | 'expired' | 'bad_signature';
export function verifyCheckin(secret: string | null, token: string, now: Date): CheckinVerdict {
  const m = /^([0-9a-f-]{36})\.(\d{9,11})\.([A-Za-z0-9_-]{27})$/.exec(token);
  if (!m || !secret) return 'malformed';
  const exp = Number(m[2]);
  const want = Buffer.from(mac(secret, m[1], exp));
  const got = Buffer.from(m[3]);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'bad_signature';
  return exp * 1000 >= now.getTime() ? 'ok' : 'expired';
}

/** A file name in ASCII that keeps the meaning: "giay-chung-nhan-tap-huan-nguyen-van-a.pdf". */
export function asciiSlug(text: string, max = 60): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '') || 'x';
}

export type Rating = Record<(typeof RATINGS)[number], number>;
/** Averages per rating (one decimal) over the evaluations received. */
export function ratingSummary(rows: Rating[]): { count: number; averages: Rating | null } {
  if (!rows.length) return { count: 0, averages: null };
  const avg = (k: keyof Rating) => Math.round((rows.reduce((s, r) => s + r[k], 0) / rows.length) * 10) / 10;
  return { count: rows.length, averages: { content: avg('content'), trainers: avg('trainers'), organisation: avg('organisation'), usefulness: avg('usefulness') } };
}
