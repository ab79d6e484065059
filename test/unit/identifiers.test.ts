import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  casProblem,
  casWithCheck,
  creditCodeProblem,
  creditCodeWithCheck,
  isValidCas,
  isValidCreditCode,
  isValidMobile,
  isValidProjectCode,
} from '../../src/shared/domain/identifiers';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const VALID = ['91350100M000100Y43', '91110000600037341L'];
const withCharAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(VALID)('%s is valid', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeWithCheck(code.slice(0, 17))).toBe(code);
  });

  it('rejects each excluded letter I, O, Z, S, V in every position as "character"', () => {
    for (const code of VALID)
      for (const letter of 'IOZSV')
        for (let i = 0; i < 18; i++) expect(creditCodeProblem(withCharAt(code, i, letter)), `${letter} at ${i}`).toBe('character');
  });

  it('rejects lower case and other characters as "character" (the schema upper-cases first)', () => {
    expect(creditCodeProblem(VALID[1]!.toLowerCase())).toBe('character');
    expect(creditCodeProblem(withCharAt(VALID[0]!, 5, '-'))).toBe('character');
    expect(creditCodeProblem(withCharAt(VALID[0]!, 5, '０'))).toBe('character');
  });

  it('rejects every wrong check character as "checksum"', () => {
    for (const code of VALID) {
      const wrong = [...ALPHABET].filter((c) => c !== code[17]);
      expect(wrong).toHaveLength(30);
      for (const c of wrong) expect(creditCodeProblem(code.slice(0, 17) + c), c).toBe('checksum');
    }
  });

  it('rejects the wrong length', () => {
    expect(creditCodeProblem('')).toBe('length');
    expect(creditCodeProblem(VALID[0]!.slice(0, 17))).toBe('length');
    expect(creditCodeProblem(`${VALID[0]}0`)).toBe('length');
  });

  it('computes the check character with weights 3^(i−1) mod 31: 91350100M000100Y4 → 3, 91110000600037341 → L', () => {
    expect(creditCodeWithCheck('91350100M000100Y4')).toBe('91350100M000100Y43');
    expect(creditCodeWithCheck('91110000600037341')).toBe('91110000600037341L');
  });

  it('catches any single-character change in the first 17 positions (property)', () => {
    const char = fc.constantFrom(...ALPHABET);
    fc.assert(
      fc.property(fc.array(char, { minLength: 17, maxLength: 17 }), fc.nat(16), char, (chars, i, c) => {
        const code = creditCodeWithCheck(chars.join(''));
        expect(isValidCreditCode(code)).toBe(true);
        if (code[i] !== c) expect(creditCodeProblem(withCharAt(code, i, c))).toBe('checksum');
      }),
      { numRuns: 500 },
    );
  });
});

describe('CAS registry number', () => {
  it.each(['64-17-5', '7732-18-5', '50-00-0', '7440-44-0', '1333-74-0'])('%s is valid', (cas) => {
    expect(casProblem(cas)).toBeNull();
    expect(isValidCas(cas)).toBe(true);
  });
  it('rejects every wrong check digit', () => {
    for (const cas of ['64-17-5', '7732-18-5'])
      for (let d = 0; d <= 9; d++) if (String(d) !== cas.at(-1)) expect(casProblem(cas.slice(0, -1) + d), `${cas} → ${d}`).toBe('checksum');
  });
  it('rejects malformed numbers as "format"', () => {
    for (const cas of ['', '64175', '64-17', '6-17-5', '12345678-17-5', '64-7-5', '64-17-55', ' 64-17-5', '64–17–5', 'ab-cd-e']) {
      expect(casProblem(cas), cas).toBe('format');
    }
  });
  it('casWithCheck completes a body to a valid number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), (a, b) => {
        const cas = casWithCheck(`${a}-${String(b).padStart(2, '0')}`);
        expect(isValidCas(cas)).toBe(true);
      }),
    );
    expect(casWithCheck('64-17')).toBe('64-17-5');
    expect(casWithCheck('7732-18')).toBe('7732-18-5');
  });
});

describe('mobile numbers and project codes', () => {
  it('mobile: 11 digits starting 13–19', () => {
    expect(isValidMobile('13800138000')).toBe(true);
    expect(isValidMobile('19912345678')).toBe(true);
    for (const m of ['12800138000', '1380013800', '138001380000', '+8613800138000', '1380013800a']) expect(isValidMobile(m), m).toBe(false);
  });
  it('investment-project code: 24 characters in the national pattern', () => {
    expect(isValidProjectCode('2026-371002-26-03-012345')).toBe(true);
    expect('2026-371002-26-03-012345').toHaveLength(24);
    for (const c of ['2026-371002-26-03-01234', '2026371002260301234500', '2026-37100A-26-03-012345'])
      expect(isValidProjectCode(c), c).toBe(false);
  });
});
