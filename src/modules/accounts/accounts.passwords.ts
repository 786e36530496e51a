// The password policy applied: the lists of common passwords under data/passwords/ (read once, on first use) and
// the rule in accounts.rules.ts. Every way of choosing a password goes through here: an officer's account, sign-up,
// accepting an invitation, a password reset.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invalidField, type Message } from '../../app/errors.js';
import { PASSWORD_MAX, PASSWORD_MIN, passwordKey, passwordProblem, type PasswordProblem } from './accounts.rules.js';

const LISTS = ['common-passwords.txt', 'vietnamese.txt'];
const DIR = join(import.meta.dirname, '..', '..', '..', 'data', 'passwords');

let common: Set<string> | undefined;
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(LISTS.flatMap((file) => readFileSync(join(DIR, file), 'utf8').split('\n'))
    .filter((line) => line && !line.startsWith('#')).map(passwordKey));
  return common;
}

const MESSAGES: Record<PasswordProblem, Message> = {
  password_too_short: {
    vi: `Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự; một cụm từ dễ nhớ gồm vài từ (ví dụ "mùa xuân trên cao nguyên") là lựa chọn tốt`,
    en: `The password needs at least ${PASSWORD_MIN} characters; a memorable phrase of a few words is a good choice`,
  },
  password_too_long: { vi: `Mật khẩu dài tối đa ${PASSWORD_MAX} ký tự`, en: `The password may be at most ${PASSWORD_MAX} characters` },
  password_too_common: {
    vi: 'Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn một cụm từ riêng của bạn',
    en: 'This password is too common and easily guessed; choose a phrase of your own',
  },
};

/** Throws a 400 problem with field path `password` when the password breaks the policy. */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password, commonPasswords());
  if (problem) throw invalidField(field, problem, MESSAGES[problem]);
}
