/**
 * Identifier checks (domain §4). Pure and exhaustively unit-tested.
 */

// GB 32100-2015 alphabet: 0-9 then A-H J-N P-R T U W X Y (no I O Z S V); values 0..30 in this order.
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

export type CreditCodeProblem = 'length' | 'character' | 'checksum';

export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const v = CREDIT_ALPHABET.indexOf(code[i]!);
    if (v < 0) return 'character';
    if (i < 17) sum += v * CREDIT_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_ALPHABET[check] === code[17] ? null : 'checksum';
}

export const isValidCreditCode = (code: string): boolean => creditCodeProblem(code) === null;

/** Completes a 17-character prefix with its check character (used by demo data and tests). */
export function creditCodeWithCheck(prefix17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(prefix17[i]!) * CREDIT_WEIGHTS[i]!;
  return prefix17 + CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

export type CasProblem = 'format' | 'checksum';

/** CAS registry number: 2–7 digits, 2 digits, 1 check digit; check = Σ(position from right × digit) mod 10. */
export function casProblem(cas: string): CasProblem | null {
  const m = /^(\d{2,7})-(\d{2})-(\d)$/.exec(cas);
  if (!m) return 'format';
  const digits = (m[1]! + m[2]!).split('').reverse();
  const sum = digits.reduce((acc, d, i) => acc + (i + 1) * Number(d), 0);
  return sum % 10 === Number(m[3]) ? null : 'checksum';
}

export const isValidCas = (cas: string): boolean => casProblem(cas) === null;

export function casWithCheck(body: string): string {
  const digits = body.replace('-', '').split('').reverse();
  const sum = digits.reduce((acc, d, i) => acc + (i + 1) * Number(d), 0);
  return `${body}-${sum % 10}`;
}

/** Mainland mobile numbers: 11 digits starting 1[3-9]. */
export const isValidMobile = (s: string): boolean => /^1[3-9]\d{9}$/.test(s);

/** Investment-project code (投资项目统一代码): 24 characters, e.g. 2026-371002-26-03-012345. */
export const isValidProjectCode = (s: string): boolean => /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/.test(s);
