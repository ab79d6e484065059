import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export type PasswordProblem = 'blank' | 'username' | 'weak';

/** Length after NFC normalisation; the schema (contract/auth.ts) and the forms both use these. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

let strength: ZxcvbnFactory | null = null;
/** Built on first use: the dictionaries are large and most requests never carry a password. */
const estimator = () => (strength ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

/**
 * The password rule (the desk enforces it; forms call it to guide the user). Length is checked by the schema; here:
 * not only whitespace, not the username, and not guessable — zxcvbn's score of at least 3 of 4, which refuses the
 * most common passwords, repeats (`aaaaaaaaaa`), keyboard walks and dictionary words with small changes.
 */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if (password.trim() === '') return 'blank';
  const name = username?.trim().toLowerCase();
  if (name && password.trim().toLowerCase() === name) return 'username';
  return estimator().check(password, name ? [name] : []).score < 3 ? 'weak' : null;
}

/**
 * The whole rule as one message key, for forms that guide the user before anything is sent: the same keys the desk's
 * schema answers with (length first, then passwordProblem), or null when the desk will accept the password.
 */
export function passwordMessageKey(password: string, username?: string): string | null {
  const nfc = password.normalize('NFC');
  if (nfc.length < PASSWORD_MIN) return 'v.password.short';
  if (nfc.length > PASSWORD_MAX) return 'v.password.long';
  const problem = passwordProblem(nfc, username);
  return problem ? `v.password.${problem}` : null;
}
