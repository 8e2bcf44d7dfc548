import { dictionary } from '@zxcvbn-ts/language-common';

/** The 49,000 most common passwords of leaked lists (zxcvbn-ts), lower-cased once at start. */
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** Folds a password the way guessers vary it: case, spacing and trailing digits or symbols. */
const cores = (password: string) => {
  const lower = password.normalize('NFC').toLowerCase();
  return [lower, lower.replace(/\s+/g, ''), lower.replace(/[\d\W_]+$/u, '')];
};

/**
 * Issue #5: beyond the length the schema checks, a new password may not be a common one (or one
 * with digits stuck on its end), nor contain the username. Answers the message keys that apply.
 */
export function passwordProblems(
  password: string,
  username: string,
): ('password_common' | 'password_contains_username')[] {
  const problems: ('password_common' | 'password_contains_username')[] = [];
  if (cores(password).some((core) => core.length > 0 && COMMON.has(core))) problems.push('password_common');
  const name = username.toLowerCase().replace(/[._-]+/g, '');
  const flat = password.toLowerCase().replace(/[\s._-]+/g, '');
  if (name.length >= 3 && flat.includes(name)) problems.push('password_contains_username');
  return problems;
}
